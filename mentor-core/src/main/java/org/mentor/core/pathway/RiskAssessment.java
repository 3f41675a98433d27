package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An infant's risk class as of a date, with the criteria that made it high (infant.md §1).
 *
 * <p>Immutable and thread-safe.
 *
 * @param riskClass low or high
 * @param reasons each criterion met, in words citing its table row (empty when low)
 * @param highRiskSince the date the first high-risk criterion became known, when high
 */
@API(status = STABLE, since = "0.1")
public record RiskAssessment(RiskClass riskClass, ImmutableList<String> reasons, Optional<LocalDate> highRiskSince) {
  public RiskAssessment {
    requireNonNull(riskClass, "riskClass");
    reasons = ImmutableList.copyOf(requireNonNull(reasons, "reasons"));
    requireNonNull(highRiskSince, "highRiskSince");
  }

  /** An infant's HIV risk class. */
  public enum RiskClass {
    LOW,
    HIGH
  }
}
