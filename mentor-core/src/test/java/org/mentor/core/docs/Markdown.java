package org.mentor.core.docs;

import java.util.List;
import java.util.regex.Pattern;

/** Small builders for the Markdown that the docs tests generate. */
final class Markdown {
  /** A {@code <} that a Markdown renderer could take for the start of an HTML tag. */
  private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

  private Markdown() {}

  /**
   * A table: a header row, the separator and one line per row, each line ending with a break.
   *
   * @param headers the column titles
   * @param rows the rows, each with one cell per header (cells are already Markdown)
   * @return the table
   */
  static String table(List<String> headers, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append(line(headers));
    out.append("|").append("---|".repeat(headers.size())).append('\n');
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size() + " columns");
      }
      out.append(line(row));
    }
    return out.toString();
  }

  private static String line(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  /** Plain text made safe for a table cell: pipes escaped, tag-like {@code <} escaped, one line. */
  static String text(String plain) {
    return TAG_START.matcher(plain.replace("|", "\\|").replace("\n", " ")).replaceAll("&lt;");
  }

  /** An identifier in code font. */
  static String code(String identifier) {
    if (identifier.contains("`")) {
      throw new IllegalArgumentException("a backtick in " + identifier);
    }
    return "`" + identifier.replace("|", "\\|") + "`";
  }
}
