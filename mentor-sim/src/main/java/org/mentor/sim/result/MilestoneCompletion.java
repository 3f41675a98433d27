package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How one milestone of the protocol went across the cohort, as the engine classified it at the end
 * of each pair's walk.
 *
 * @param ruleId the protocol's milestone id, such as {@code NAT_6W}
 * @param onTime done by the due date
 * @param late done after the due date (within its window's close)
 * @param missed closed unmet (MISSED)
 * @param openAtEnd still due, late or overdue when the walk ended (lost, horizon)
 * @param cancelled cancelled (died, confirmed positive, superseded, transferred)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MilestoneCompletion(String ruleId, long onTime, long late, long missed, long openAtEnd, long cancelled) {
  public MilestoneCompletion {
    requireNonNull(ruleId, "ruleId");
  }

  /** Occurrences that came due: on time + late + missed + open at the end. */
  public long due() {
    return onTime + late + missed + openAtEnd;
  }
}
