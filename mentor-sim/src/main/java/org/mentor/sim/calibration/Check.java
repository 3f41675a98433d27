package org.mentor.sim.calibration;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A published outcome and how close the model must come to it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the transmission.md row, such as {@code MM6}
 * @param use {@code FIT} if the figure was used to derive an input (so it is reproduced by
 *     construction), {@code CHECK} if it was not
 * @param measure what is measured
 * @param scenario the calibration scenario it is measured in
 * @param arm the arm, or the hazard ratio implied by the two arms' retention ({@code ln(mentor) / ln(comparator)})
 * @param low the target's lower end (equal to {@code high} for a single figure)
 * @param high the target's upper end
 * @param tolerance how far outside [low, high] the simulated value may lie
 * @param expect {@code INSIDE}, or {@code KNOWN_GAP} for a documented miss the model cannot close by
 *     changing parameters
 * @param source the row, its confidence, and how a derived target was computed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Check(String id, Use use, Measure measure, String scenario, Arm arm, double low, double high, double tolerance,
    Expect expect, String source) {
  public Check {
    requireNonNull(id, "id");
    requireNonNull(use, "use");
    requireNonNull(measure, "measure");
    requireNonNull(scenario, "scenario");
    requireNonNull(arm, "arm");
    requireNonNull(expect, "expect");
    requireNonNull(source, "source");
    if (!(low <= high) || !(tolerance >= 0)) {
      throw new IllegalArgumentException(id + ": low <= high and tolerance >= 0 are required");
    }
    if (arm == Arm.HAZARD_RATIO && !measure.retention()) {
      throw new IllegalArgumentException(id + ": a hazard ratio is implied by a retention measure only");
    }
  }

  /** Whether a figure was used to derive inputs. */
  public enum Use {
    /** Used to derive an input: the model reproduces it by construction (a test of the derivation). */
    FIT,
    /** Not used to derive any input: a check of the model. */
    CHECK
  }

  /** Which arm is measured. */
  public enum Arm {
    /** The arm with mentor-mother support. */
    MENTOR,
    /** The arm without. */
    COMPARATOR,
    /** The hazard ratio the two arms' retention implies. */
    HAZARD_RATIO
  }

  /** What the check's test expects. */
  public enum Expect {
    /** The simulated value lies within the tolerance. */
    INSIDE,
    /** A documented gap: the simulated value lies outside, for a reason written in the docs. */
    KNOWN_GAP
  }

  /**
   * Whether a simulated value lies within the tolerance of the target.
   *
   * @param simulated the simulated value
   * @return {@code low − tolerance ≤ simulated ≤ high + tolerance}
   */
  public boolean accepts(double simulated) {
    return simulated >= low - tolerance && simulated <= high + tolerance;
  }

  /** The target as text: a percentage (or ratio) or a range. */
  public String target() {
    return low == high ? format(low) : format(low) + "–" + format(high);
  }

  /** The tolerance as text. */
  public String toleranceText() {
    if (tolerance == 0) {
      return low == high ? "exact" : "the range";
    }
    if (arm == Arm.HAZARD_RATIO) {
      return String.format(Locale.ROOT, "± %.2f", tolerance);
    }
    double points = 100 * tolerance;
    return String.format(Locale.ROOT, points == 1 ? "± %.0f point" : "± %.0f points", points);
  }

  String format(double v) {
    return arm == Arm.HAZARD_RATIO ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }
}
