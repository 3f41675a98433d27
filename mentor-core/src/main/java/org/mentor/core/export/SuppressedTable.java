package org.mentor.core.export;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.indicators.Csv;

/**
 * An aggregate table after small-cell suppression: counts by row and column with their totals,
 * where a suppressed entry is empty. Built by {@link SmallCellSuppression}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the table's name (its file name without {@code .csv}), not null
 * @param rowHeading what the rows are, not null
 * @param rows the row labels, not null
 * @param columns the column labels, not null
 * @param entries {@code rows + 1} lists of {@code columns + 1} entries: the cells, each row's total
 *     last, and the column totals (with the grand total last) as the final list; empty where suppressed, not null
 * @param threshold counts from 1 to {@code threshold - 1} were suppressed, and enough others to protect them
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SuppressedTable(
    String name,
    String rowHeading,
    ImmutableList<String> rows,
    ImmutableList<String> columns,
    ImmutableList<ImmutableList<Optional<Integer>>> entries,
    int threshold) {
  /** How a suppressed entry is written in CSV. */
  public static final String SUPPRESSED = "suppressed";

  public SuppressedTable {
    requireNonNull(name, "name");
    requireNonNull(rowHeading, "rowHeading");
    rows = ImmutableList.copyOf(requireNonNull(rows, "rows"));
    columns = ImmutableList.copyOf(requireNonNull(columns, "columns"));
    entries = ImmutableList.copyOf(requireNonNull(entries, "entries"));
    int width = columns.size() + 1;
    checkArgument(entries.size() == rows.size() + 1 && entries.stream().allMatch(r -> r.size() == width),
        "one entry per cell and total");
  }

  /**
   * One cell.
   *
   * @param row the row label, not null
   * @param column the column label, not null
   * @return the count, or empty if suppressed
   */
  public Optional<Integer> cell(String row, String column) {
    int r = rows.indexOf(requireNonNull(row, "row"));
    int c = columns.indexOf(requireNonNull(column, "column"));
    checkArgument(r >= 0 && c >= 0, "no such cell");
    return entries.get(r).get(c);
  }

  /** A row's total, or empty if suppressed. */
  public Optional<Integer> rowTotal(String row) {
    int r = rows.indexOf(requireNonNull(row, "row"));
    checkArgument(r >= 0, "no such row");
    return entries.get(r).get(columns.size());
  }

  /** A column's total, or empty if suppressed. */
  public Optional<Integer> columnTotal(String column) {
    int c = columns.indexOf(requireNonNull(column, "column"));
    checkArgument(c >= 0, "no such column");
    return entries.get(rows.size()).get(c);
  }

  /** The grand total, or empty if suppressed. */
  public Optional<Integer> total() {
    return entries.get(rows.size()).get(columns.size());
  }

  /** The table as CSV: a header, one line per row with its total, then the totals line. */
  public String toCsv() {
    Csv csv = new Csv();
    List<String> header = new ArrayList<>();
    header.add(rowHeading);
    header.addAll(columns);
    header.add("total");
    csv.row(header);
    for (int r = 0; r <= rows.size(); r++) {
      List<String> line = new ArrayList<>();
      line.add(r < rows.size() ? rows.get(r) : "total");
      entries.get(r).forEach(e -> line.add(e.map(String::valueOf).orElse(SUPPRESSED)));
      csv.row(line);
    }
    return csv.toString();
  }
}
