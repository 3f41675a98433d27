package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One indicator computed by mentor-core's indicator code ({@code org.mentor.core.indicators}) on the
 * simulated cases, for one reporting period, summed over the cohort.
 *
 * @param period the reporting period's label, such as {@code FY2026}, or {@code whole cohort}
 * @param code the indicator's code, such as {@code PMTCT_EID} or {@code VER.1}
 * @param title the indicator's title
 * @param numerator the numerator
 * @param denominator the denominator, or empty for a count indicator
 * @param notComputed units that could not be computed (each gap counted once per unit)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IndicatorValue(String period, String code, String title, long numerator, Optional<Long> denominator,
    long notComputed) {
  public IndicatorValue {
    requireNonNull(period, "period");
    requireNonNull(code, "code");
    requireNonNull(title, "title");
    requireNonNull(denominator, "denominator");
  }

  /** numerator / denominator, if there is a non-zero denominator. */
  public Optional<Double> proportion() {
    return denominator.filter(d -> d > 0).map(d -> (double) numerator / d);
  }
}
