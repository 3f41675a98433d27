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
 *     construction), {@code CHECK} if it was not, {@code SENSITIVITY} for a figure measured in a
 *     sensitivity reading the calibration does not rest on (reported, not a check)
 * @param measure what is measured
 * @param scenario the calibration scenario it is measured in
 * @param arm the arm, or the hazard ratio implied by the two arms' retention ({@code ln(mentor) / ln(comparator)})
 * @param low the target's lower end (equal to {@code high} for a single figure)
 * @param high the target's upper end
 * @param tolerance how far outside [low, high] the simulated value may lie
 * @param expect {@code INSIDE}; {@code KNOWN_GAP} for a documented miss of a check the model cannot
 *     close by changing parameters; {@code OUTSIDE} for a sensitivity row that lies outside (a figure
 *     that rejects that reading)
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
    if ((expect == Expect.KNOWN_GAP && use != Use.CHECK) || (expect == Expect.OUTSIDE && use != Use.SENSITIVITY)) {
      throw new IllegalArgumentException(id + ": only a check can be a known gap, and only a sensitivity row outside");
    }
  }

  /** Whether a figure was used to derive inputs. */
  public enum Use {
    /** Used to derive an input: the model reproduces it by construction (a test of the derivation). */
    FIT,
    /** Not used to derive any input: a check of the model. */
    CHECK,
    /**
     * Measured in a sensitivity reading (a setting the economics are re-run in, not the one the
     * calibration rests on): reported beside the checks so the reading's fit to the data is seen, but
     * not a check of the model.
     */
    SENSITIVITY
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
    KNOWN_GAP,
    /** A sensitivity row that lies outside: a figure that rejects the sensitivity reading. */
    OUTSIDE
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
