package org.mentor.sim.calibration;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A check with the model's value.
 *
 * @param check the check
 * @param simulated the simulated value
 * @param detail how it was counted (numerator, denominator and exact 95 % interval, or the two arms
 *     a hazard ratio came from)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CheckResult(Check check, double simulated, String detail) {
  public CheckResult {
    requireNonNull(check, "check");
    requireNonNull(detail, "detail");
  }

  /** Whether the simulated value lies within the check's tolerance. */
  public boolean inside() {
    return check.accepts(simulated);
  }

  /** Whether the result is what the check expects (inside, or outside for a documented gap or a rejecting figure). */
  public boolean asExpected() {
    return inside() == (check.expect() == Check.Expect.INSIDE);
  }

  /** The simulated value as text. */
  public String simulatedText() {
    return check.format(simulated);
  }
}
