package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.InfantId;
import org.mentor.core.protocol.ProtocolRef;

/**
 * A case evaluated as of a date: every region's state with its explanation, the mother's and each
 * infant's derived values, alerts and data-quality issues. Nothing here is stored; evaluating the
 * same facts with the same protocol as of the same date always gives an equal state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case
 * @param protocol the protocol evaluated with
 * @param asOf the evaluation date
 * @param phase the phase region
 * @param mother the mother's state
 * @param infants each live-born infant's state, in birth order
 * @param alerts conditions to act on
 * @param issues data-quality issues dated on or before {@code asOf}, oldest first
 */
@API(status = STABLE, since = "0.1")
public record CaseState(
    CaseId caseId,
    ProtocolRef protocol,
    LocalDate asOf,
    RegionState phase,
    MaternalState mother,
    ImmutableList<InfantState> infants,
    ImmutableList<Alert> alerts,
    ImmutableList<DataQualityIssue> issues) {
  public CaseState {
    requireNonNull(caseId, "caseId");
    requireNonNull(protocol, "protocol");
    requireNonNull(asOf, "asOf");
    requireNonNull(phase, "phase");
    requireNonNull(mother, "mother");
    infants = ImmutableList.copyOf(requireNonNull(infants, "infants"));
    alerts = ImmutableList.copyOf(requireNonNull(alerts, "alerts"));
    issues = ImmutableList.copyOf(requireNonNull(issues, "issues"));
  }

  /** The phase. */
  public Phase phaseStatus() {
    return (Phase) phase.state();
  }

  /**
   * One infant's state.
   *
   * @param infantId the infant, not null
   * @return the state, if the infant was born alive in this case
   */
  public Optional<InfantState> infant(InfantId infantId) {
    requireNonNull(infantId, "infantId");
    return infants.stream().filter(i -> i.infantId().equals(infantId)).findFirst();
  }

  /** Every region's state: phase, the mother's four, then one per infant. */
  public ImmutableList<RegionState> regions() {
    ImmutableList.Builder<RegionState> all = ImmutableList.builder();
    all.add(phase, mother.art(), mother.viralLoad(), mother.adherence(), mother.retention());
    infants.forEach(i -> all.add(i.status()));
    return all.build();
  }
}
