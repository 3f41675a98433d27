package org.mentor.sim.calibration;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The calibration's results.
 *
 * <p>Immutable and thread-safe.
 *
 * @param calibration the calibration file's id and version
 * @param sizes the cohort sizes and seed
 * @param results one result per check, in the file's order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CalibrationReport(String calibration, Calibration.Sizes sizes, ImmutableList<CheckResult> results) {
  public CalibrationReport {
    requireNonNull(calibration, "calibration");
    requireNonNull(sizes, "sizes");
    results = ImmutableList.copyOf(results);
  }

  /** Whether every result is as its check expects (inside, a documented gap, or a sensitivity row outside). */
  public boolean asExpected() {
    return results.stream().allMatch(CheckResult::asExpected);
  }

  /**
   * The results as a Markdown table: row, use, measure, setting, arm, target, simulated value,
   * tolerance and result.
   */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Calibration %s: %,d pairs per arm for retention and suppression, %,d through the "
        + "engine, seed %d.%n%n", calibration, sizes.probePairs(), sizes.simulatedPairs(), sizes.seed()));
    out.append("| Target | Use | Measure | Setting | Arm | Published | Simulated | Tolerance | Result |\n");
    out.append("|---|---|---|---|---|---:|---:|---|---|\n");
    for (CheckResult r : results) {
      Check c = r.check();
      out.append("| ").append(c.id()).append(" | ").append(use(c.use()))
          .append(" | ").append(c.measure().title()).append(" | ").append(c.scenario()).append(" | ")
          .append(arm(c.arm())).append(" | ").append(c.target()).append(" | ").append(r.simulatedText())
          .append(" | ").append(c.toleranceText()).append(" | ").append(result(r)).append(" |\n");
    }
    return out.toString();
  }

  /** The simulated values with how they were counted, and each target's source, as a Markdown table. */
  public String details() {
    StringBuilder out = new StringBuilder("| Target | Arm | Simulated | Counted | Source |\n|---|---|---:|---|---|\n");
    for (CheckResult r : results) {
      out.append("| ").append(r.check().id()).append(" | ").append(arm(r.check().arm())).append(" | ")
          .append(r.simulatedText()).append(" | ").append(r.detail()).append(" | ").append(r.check().source()).append(" |\n");
    }
    return out.toString();
  }

  /** How the table names a row's use. */
  static String use(Check.Use use) {
    return switch (use) {
      case FIT -> "fit (derived input)";
      case CHECK -> "check";
      case SENSITIVITY -> "sensitivity (not a check)";
    };
  }

  /** How the table names a result as its row expects it: inside, outside as a known gap, or outside a sensitivity. */
  static String expected(Check.Expect expect) {
    return switch (expect) {
      case INSIDE -> "inside";
      case KNOWN_GAP -> "**outside: known gap**";
      case OUTSIDE -> "outside (the reading misses it)";
    };
  }

  private static String arm(Check.Arm arm) {
    return switch (arm) {
      case MENTOR -> "mentor";
      case COMPARATOR -> "comparator";
      case HAZARD_RATIO -> "hazard ratio";
    };
  }

  private static String result(CheckResult r) {
    if (r.asExpected()) {
      return expected(r.check().expect());
    }
    return r.inside() ? "inside (expected outside: update the docs)" : "**outside**";
  }
}
