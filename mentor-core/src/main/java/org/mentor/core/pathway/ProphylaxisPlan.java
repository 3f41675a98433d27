package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;

/**
 * An infant's antiretroviral prophylaxis as of a date: the course the protocol plans for its risk
 * and feeding (infant.md §2) and where it stands.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status where the course stands
 * @param regimen the regimen of the first phase
 * @param laterRegimen the regimen after the first phase, if the course has two
 * @param startedOn the start date the plan counts from, once started
 * @param firstPhaseEndsOn the end of the first phase, for a two-phase course
 * @param plannedStopOn the planned stop date; empty while it waits for a maternal result (ZA P8)
 * @param stoppedOn the recorded stop, if any
 * @param plannedDays the course's minimum length in days
 * @param lateStart whether the start came later than the protocol's limit after birth
 */
@API(status = STABLE, since = "0.1")
public record ProphylaxisPlan(
    Status status,
    ProphylaxisRegimen regimen,
    Optional<ProphylaxisRegimen> laterRegimen,
    Optional<LocalDate> startedOn,
    Optional<LocalDate> firstPhaseEndsOn,
    Optional<LocalDate> plannedStopOn,
    Optional<LocalDate> stoppedOn,
    int plannedDays,
    boolean lateStart) {
  public ProphylaxisPlan {
    requireNonNull(status, "status");
    requireNonNull(regimen, "regimen");
    requireNonNull(laterRegimen, "laterRegimen");
    requireNonNull(startedOn, "startedOn");
    requireNonNull(firstPhaseEndsOn, "firstPhaseEndsOn");
    requireNonNull(plannedStopOn, "plannedStopOn");
    requireNonNull(stoppedOn, "stoppedOn");
  }

  /** Where a prophylaxis course stands. */
  public enum Status {
    NOT_STARTED,
    ONGOING,
    COMPLETED,
    STOPPED
  }
}
