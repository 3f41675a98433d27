package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.InfantId;

/**
 * One infant's evaluated state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param infantId the infant
 * @param bornOn the birth date
 * @param status the infant region's state, with its explanation
 * @param risk the risk class and its reasons
 * @param prophylaxis the prophylaxis course
 * @param tests the infant's HIV tests sampled by the evaluation date, oldest first (a result not
 *     yet returned by that date reads as pending)
 * @param diagnosedOn for a confirmed positive, the first positive sample date (E2)
 * @param outcome the final outcome, once reached
 */
@API(status = STABLE, since = "0.1")
public record InfantState(
    InfantId infantId,
    LocalDate bornOn,
    RegionState status,
    RiskAssessment risk,
    ProphylaxisPlan prophylaxis,
    ImmutableList<InfantHivTested> tests,
    Optional<LocalDate> diagnosedOn,
    Optional<FinalOutcome> outcome) {
  public InfantState {
    requireNonNull(infantId, "infantId");
    requireNonNull(bornOn, "bornOn");
    requireNonNull(status, "status");
    requireNonNull(risk, "risk");
    requireNonNull(prophylaxis, "prophylaxis");
    tests = ImmutableList.copyOf(requireNonNull(tests, "tests"));
    requireNonNull(diagnosedOn, "diagnosedOn");
    requireNonNull(outcome, "outcome");
  }

  /** The infant's HIV status. */
  public InfantStatus hivStatus() {
    return (InfantStatus) status.state();
  }
}
