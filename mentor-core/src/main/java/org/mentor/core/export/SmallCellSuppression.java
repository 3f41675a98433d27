package org.mentor.core.export;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Table;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Small-cell suppression for aggregate tables. Primary: every count from 1 to {@code threshold − 1}
 * (cells and totals alike) is suppressed; zeros are shown. Complementary: a row or column (totals
 * included) with exactly one suppressed entry would give it away by subtraction, so the smallest
 * other non-zero entry of that line is suppressed too, until every line has none or at least two.
 * This protects each table on its own; it does not protect against differencing several published
 * tables of overlapping populations (docs/privacy.md).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmallCellSuppression {
  /** The default threshold: counts below 5 are suppressed, a common statistical-office rule. */
  public static final int DEFAULT_THRESHOLD = 5;

  private SmallCellSuppression() {}

  /**
   * Suppresses a table of counts.
   *
   * @param name the table's name, not null
   * @param rowHeading what the rows are, not null
   * @param rows the row labels in order, not null
   * @param columns the column labels in order, not null
   * @param counts the counts by row and column (a missing cell is 0; each count zero or more), not null
   * @param threshold the smallest count shown unsuppressed, 2 or more
   * @return the suppressed table
   */
  public static SuppressedTable apply(String name, String rowHeading, List<String> rows, List<String> columns,
      Table<String, String, Integer> counts, int threshold) {
    requireNonNull(name, "name");
    requireNonNull(rowHeading, "rowHeading");
    requireNonNull(rows, "rows");
    requireNonNull(columns, "columns");
    requireNonNull(counts, "counts");
    checkArgument(threshold >= 2, "the threshold is 2 or more");
    int nr = rows.size();
    int nc = columns.size();
    // The table with its margins: the last column holds row totals, the last row column totals.
    int[][] n = new int[nr + 1][nc + 1];
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        Integer count = counts.get(rows.get(r), columns.get(c));
        int v = count == null ? 0 : count;
        checkArgument(v >= 0, "counts are zero or more");
        n[r][c] = v;
        n[r][nc] += v;
        n[nr][c] += v;
        n[nr][nc] += v;
      }
    }
    boolean[][] hidden = new boolean[nr + 1][nc + 1];
    for (int r = 0; r <= nr; r++) {
      for (int c = 0; c <= nc; c++) {
        hidden[r][c] = n[r][c] > 0 && n[r][c] < threshold;
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r <= nr; r++) {
        changed |= protect(n, hidden, r, -1);
      }
      for (int c = 0; c <= nc; c++) {
        changed |= protect(n, hidden, -1, c);
      }
    }
    ImmutableList.Builder<ImmutableList<Optional<Integer>>> entries = ImmutableList.builder();
    for (int r = 0; r <= nr; r++) {
      ImmutableList.Builder<Optional<Integer>> line = ImmutableList.builder();
      for (int c = 0; c <= nc; c++) {
        line.add(hidden[r][c] ? Optional.empty() : Optional.of(n[r][c]));
      }
      entries.add(line.build());
    }
    return new SuppressedTable(name, rowHeading, ImmutableList.copyOf(rows), ImmutableList.copyOf(columns), entries.build(), threshold);
  }

  /** If the line (row {@code r}, or column {@code c} when r is -1) has exactly one hidden entry, hides its smallest other non-zero entry. */
  private static boolean protect(int[][] n, boolean[][] hidden, int r, int c) {
    int length = r >= 0 ? n[r].length : n.length;
    int hiddenCount = 0;
    int candidate = -1;
    for (int i = 0; i < length; i++) {
      int row = r >= 0 ? r : i;
      int col = r >= 0 ? i : c;
      if (hidden[row][col]) {
        hiddenCount++;
      } else if (n[row][col] > 0 && (candidate < 0 || n[row][col] < (r >= 0 ? n[r][candidate] : n[candidate][c]))) {
        candidate = i;
      }
    }
    if (hiddenCount != 1 || candidate < 0) {
      return false;
    }
    if (r >= 0) {
      hidden[r][candidate] = true;
    } else {
      hidden[candidate][c] = true;
    }
    return true;
  }
}
