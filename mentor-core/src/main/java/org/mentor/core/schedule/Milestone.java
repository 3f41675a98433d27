package org.mentor.core.schedule;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.protocol.MilestoneRule.CancelReason;

/**
 * One occurrence of a milestone, dated and stated as of the evaluation date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key stable within the case: the rule id, with {@code #n} for the n-th occurrence of a
 *     re-anchoring rule, and {@code @infant} for an infant's milestone
 * @param ruleId the rule's id, such as {@code NAT_6W}
 * @param infantId the infant, or empty for the mother
 * @param windowStart when the window opens
 * @param due the due date
 * @param overdueFrom from when it is overdue; empty when it never is
 * @param closesOn when it closes unmet (MISSED), if it does
 * @param state the state on the evaluation date
 * @param cancelReason why it was cancelled, when CANCELLED
 * @param satisfiedBy the event that satisfied it, when DONE
 * @param satisfiedOn the date of that event (a sample date counts)
 * @param expectedTest for an infant test: {@code NAT} or {@code ANTIBODY}
 * @param why the explanation
 */
@API(status = STABLE, since = "0.1")
public record Milestone(
    String key,
    String ruleId,
    Optional<InfantId> infantId,
    LocalDate windowStart,
    LocalDate due,
    Optional<LocalDate> overdueFrom,
    Optional<LocalDate> closesOn,
    MilestoneState state,
    Optional<CancelReason> cancelReason,
    Optional<EventId> satisfiedBy,
    Optional<LocalDate> satisfiedOn,
    Optional<String> expectedTest,
    Why why) {
  public Milestone {
    requireNonNull(key, "key");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(infantId, "infantId");
    requireNonNull(windowStart, "windowStart");
    requireNonNull(due, "due");
    requireNonNull(overdueFrom, "overdueFrom");
    requireNonNull(closesOn, "closesOn");
    requireNonNull(state, "state");
    requireNonNull(cancelReason, "cancelReason");
    requireNonNull(satisfiedBy, "satisfiedBy");
    requireNonNull(satisfiedOn, "satisfiedOn");
    requireNonNull(expectedTest, "expectedTest");
    requireNonNull(why, "why");
  }
}
