package org.mentor.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Small-cell suppression: counts 1-4 are hidden, and enough others that no hidden count can be subtracted out. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SmallCellSuppressionTest {
  private static final Optional<Integer> HIDDEN = Optional.empty();

  private static Table<String, String, Integer> counts(String[] rows, String[] columns, int[][] values) {
    Table<String, String, Integer> table = HashBasedTable.create();
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns.length; c++) {
        table.put(rows[r], columns[c], values[r][c]);
      }
    }
    return table;
  }

  @Test
  void small_counts_are_hidden_and_each_line_then_hides_at_least_two() {
    //        X   Y   Z | total
    //   A   12   3   9 | 24
    //   B    7   8  10 | 25
    //   C    2   6   0 |  8
    //       21  17  19 | 57
    // Primary (1..4): A.Y = 3, C.X = 2. Rows first: row A has one hidden entry -> hide its smallest
    // other non-zero entry, A.Z = 9; row C -> C.Y = 6 (C.Z = 0 is shown, zeros reveal nothing).
    // Columns: X has one (C.X) -> B.X = 7; Y has two (A.Y, C.Y); Z has one (A.Z) -> B.Z = 10.
    // Then every line has none or two hidden entries. Shown: A.X 12, B.Y 8, C.Z 0 and all totals.
    String[] rows = {"A", "B", "C"};
    String[] columns = {"X", "Y", "Z"};
    SuppressedTable table = SmallCellSuppression.apply("t", "row", List.of(rows), List.of(columns),
        counts(rows, columns, new int[][] {{12, 3, 9}, {7, 8, 10}, {2, 6, 0}}), 5);
    assertThat(table.entries()).containsExactly(
        ImmutableList.of(Optional.of(12), HIDDEN, HIDDEN, Optional.of(24)),
        ImmutableList.of(HIDDEN, Optional.of(8), HIDDEN, Optional.of(25)),
        ImmutableList.of(HIDDEN, HIDDEN, Optional.of(0), Optional.of(8)),
        ImmutableList.of(Optional.of(21), Optional.of(17), Optional.of(19), Optional.of(57)));
    assertThat(table.toCsv()).isEqualTo(String.join("\r\n",
        "row,X,Y,Z,total",
        "A,12,suppressed,suppressed,24",
        "B,suppressed,8,suppressed,25",
        "C,suppressed,suppressed,0,8",
        "total,21,17,19,57",
        ""));
  }

  @Test
  void a_small_total_is_hidden_too_and_protected_in_its_column_of_totals() {
    //        X   Y | total
    //   A    1   2 |  3
    //   B   10  20 | 30
    //       11  22 | 33
    // Primary: A.X 1, A.Y 2 and A's total 3. Column X has one hidden (A.X) -> B.X 10; column Y ->
    // B.Y 20; the column of row totals has one (A's 3) -> B's 30. Only the column totals remain.
    String[] rows = {"A", "B"};
    String[] columns = {"X", "Y"};
    SuppressedTable table = SmallCellSuppression.apply("t", "row", List.of(rows), List.of(columns),
        counts(rows, columns, new int[][] {{1, 2}, {10, 20}}), 5);
    assertThat(table.cell("A", "X")).isEmpty();
    assertThat(table.cell("B", "Y")).isEmpty();
    assertThat(table.rowTotal("A")).isEmpty();
    assertThat(table.rowTotal("B")).isEmpty();
    assertThat(table.columnTotal("X")).contains(11);
    assertThat(table.columnTotal("Y")).contains(22);
    assertThat(table.total()).contains(33);
  }

  @Test
  void counts_at_the_threshold_and_zeros_are_shown() {
    String[] rows = {"A"};
    String[] columns = {"X", "Y"};
    SuppressedTable table = SmallCellSuppression.apply("t", "row", List.of(rows), List.of(columns),
        counts(rows, columns, new int[][] {{5, 0}}), 5);
    assertThat(table.entries()).containsExactly(ImmutableList.of(Optional.of(5), Optional.of(0), Optional.of(5)),
        ImmutableList.of(Optional.of(5), Optional.of(0), Optional.of(5)));
  }

  @Test
  void a_threshold_below_2_or_a_negative_count_is_refused() {
    Table<String, String, Integer> negative = HashBasedTable.create();
    negative.put("A", "X", -1);
    assertThatThrownBy(() -> SmallCellSuppression.apply("t", "row", List.of("A"), List.of("X"), negative, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or more");
    assertThatThrownBy(() -> SmallCellSuppression.apply("t", "row", List.of("A"), List.of("X"), HashBasedTable.create(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
  }
}
