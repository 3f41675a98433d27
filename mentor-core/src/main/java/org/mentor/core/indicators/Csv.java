package org.mentor.core.indicators;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes CSV rows (RFC 4180): fields joined by commas, a field quoted when it holds a comma, a
 * quote or a line break, with inner quotes doubled; lines end with CRLF. Shared by the indicator
 * report and the research export (org.mentor.core.export), whose tables are plain values.
 *
 * <p>Not thread-safe: a mutable builder, one per document.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Csv {
  private final StringBuilder out = new StringBuilder();

  /** An empty CSV document. */
  public Csv() {}

  /**
   * Appends one row.
   *
   * @param fields the fields, not null (an empty string for an empty field)
   * @return this
   */
  public Csv row(List<String> fields) {
    requireNonNull(fields, "fields");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(requireNonNull(fields.get(i), "field")));
    }
    out.append("\r\n");
    return this;
  }

  /**
   * Appends one row.
   *
   * @param fields the fields, not null
   * @return this
   */
  public Csv row(String... fields) {
    return row(List.of(fields));
  }

  /** The document. */
  @Override
  public String toString() {
    return out.toString();
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
