package org.mentor.sim.psa;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A one-way sensitivity analysis of one output (by default the benefit-cost ratio of transmission.md
 * C26): each input at its low and high end with the others at their points, the widest swing first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param output the output
 * @param base its value with every input at its point
 * @param bars one bar per input, widest swing first
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Tornado(Output output, double base, ImmutableList<Bar> bars) {
  public Tornado {
    requireNonNull(output, "output");
    bars = ImmutableList.sortedCopyOf(Comparator.comparingDouble(Bar::swing).reversed(), requireNonNull(bars, "bars"));
  }

  /**
   * One input's bar.
   *
   * @param input the input
   * @param atLow the output with the input at its low end
   * @param atHigh the output with the input at its high end
   */
  public record Bar(Uncertain input, double atLow, double atHigh) {
    public Bar {
      requireNonNull(input, "input");
    }

    /** How far apart the two ends put the output. */
    public double swing() {
      return Math.abs(atHigh - atLow);
    }
  }

  /** The bars as a Markdown table: input, its range, the output at each end, the swing, the range's source. */
  public String table() {
    return table(bars.size());
  }

  /**
   * The widest bars as a Markdown table (inputs that do not move the output are left out).
   *
   * @param top how many bars at most
   * @return the table
   */
  public String table(int top) {
    String title = output.title();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s with every input at its point: %.2f%n%n",
        Character.toUpperCase(title.charAt(0)) + title.substring(1), base));
    out.append("| Input | Low – high | At low | At high | Swing | Range from |\n|---|---|---:|---:|---:|---|\n");
    for (Bar b : bars.stream().filter(b -> b.swing() > 0 || top >= bars.size()).limit(top).toList()) {
      out.append("| `").append(b.input().name()).append("` | ").append(value(b.input().low())).append(" – ")
          .append(value(b.input().high())).append(" | ").append(String.format(Locale.ROOT, "%.2f", b.atLow())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", b.atHigh())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", b.swing())).append(" | ").append(b.input().rangeSource()).append(" |\n");
    }
    return out.toString();
  }

  private static String value(double v) {
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 1 ? "%.2f" : "%.4g", v);
  }
}
