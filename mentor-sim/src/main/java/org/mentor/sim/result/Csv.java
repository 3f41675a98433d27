package org.mentor.sim.result;

import java.util.Locale;

/** CSV formatting shared by every table: RFC 4180 quoting, numbers in the root locale, fixed decimals. */
final class Csv {
  private Csv() {}

  /** A text field, quoted when it holds a comma, a quote or a line break. */
  static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /** A number with six decimals, the same on every machine. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
