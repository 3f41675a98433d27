package org.mentor.core.schedule;

import org.mentor.core.internal.InternedDates;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.protocol.MilestoneRule.CancelReason;

/**
 * One milestone occurrence with everything that does not depend on the evaluation date: its dates,
 * the event that satisfies it, what would end it (cancellation, close, final negative status), its
 * key and why. {@link #at} classifies it on a date.
 *
 * <p>It keeps the milestone as stated on the date it was planned, and {@link #at} returns that very
 * instance whenever the state is the same (immutable values: sharing is safe), so a schedule from
 * a memoised plan allocates nothing per milestone until a state changes, and the plan and the first
 * schedule share their milestones.
 */
final class Planned {
  private static final Optional<CancelReason> SUPERSEDED = Optional.of(CancelReason.SUPERSEDED);

  /** The milestone as stated on the date it was planned. */
  final Milestone planned;
  /** The rule's position in the protocol (equal due dates and keys keep the rules' order). */
  final int ruleIndex;
  /** The earliest of the cancellation, the close and the final negative status, if any. */
  private final @Nullable LocalDate end;
  /** The state from {@link #end} on: CANCELLED (with {@link #endReason}) or MISSED. */
  private final MilestoneState endState;
  private final Optional<CancelReason> endReason;

  // What a later event is judged by, should one meet it (Scheduler#replan): an event meets it from
  // the window's start, before the close, and not after a cancellation.
  private final @Nullable LocalDate closedOn;
  private final @Nullable LocalDate cancelOn;
  private final @Nullable CancelReason cancelReason;
  private final @Nullable LocalDate finalNegative;
  /** The day from which an event no longer meets it (for a family's occurrence: the day after the next anchor). */
  private final @Nullable LocalDate metBefore;

  // Which of its rule's anchor dates it counts from, for a family's occurrence kept when newer facts
  // add later dates to the family (Scheduler#replan): its number (1 for the first date, and for a
  // rule with one anchor date) and the next date of the family, which ends it.
  final int occurrence;
  final @Nullable LocalDate nextAnchor;
  /**
   * Its subject's slot in the scheduler that planned it (0 the mother, i ≥ 1 the state's i-th
   * infant): a plan is made again only for the same infants in the same order, so the slot holds
   * in the newer facts' scheduler too, and {@link Scheduler#replan} need not look the infant up.
   */
  final int slot;

  @SuppressWarnings("checkstyle:ParameterNumber")
  Planned(int ruleIndex, String key, String ruleId, Optional<InfantId> infantId, LocalDate windowStart, LocalDate due,
      Optional<LocalDate> overdue, @Nullable LocalDate closedOn, @Nullable EventId satisfiedBy,
      @Nullable LocalDate satisfiedOn, @Nullable LocalDate cancelOn, @Nullable CancelReason cancelReason,
      @Nullable LocalDate finalNegative, Optional<String> expectedTest, Why why, LocalDate plannedOn,
      @Nullable LocalDate metBefore, int occurrence, @Nullable LocalDate nextAnchor, int slot) {
    this.ruleIndex = ruleIndex;
    this.slot = slot;
    this.occurrence = occurrence;
    this.nextAnchor = nextAnchor;
    this.closedOn = closedOn;
    this.cancelOn = cancelOn;
    this.cancelReason = cancelReason;
    this.finalNegative = finalNegative;
    this.metBefore = metBefore;
    this.end = earliest(cancelOn, closedOn, finalNegative);
    // Cancelling beats closing on one day; a close before the window opened is a supersession.
    if (end != null && end.equals(cancelOn)) {
      endState = MilestoneState.CANCELLED;
      endReason = Optional.ofNullable(cancelReason);
    } else if (end != null && windowStart.isBefore(end)) {
      endState = MilestoneState.MISSED;
      endReason = Optional.empty();
    } else {
      endState = MilestoneState.CANCELLED;
      endReason = SUPERSEDED;
    }
    boolean done = satisfiedOn != null;
    MilestoneState state = done ? MilestoneState.DONE : stateOn(plannedOn, windowStart, due, overdue.orElse(null));
    this.planned = new Milestone(key, ruleId, infantId, windowStart, due, overdue,
        InternedDates.optional(closedOn), state, reasonFor(state), Optional.ofNullable(done ? satisfiedBy : null),
        InternedDates.optional(satisfiedOn), expectedTest, why);
  }

  /** Whether an event on that day would meet it (its subject and test type aside). */
  boolean admits(LocalDate on) {
    return !on.isBefore(planned.windowStart()) && (metBefore == null || on.isBefore(metBefore))
        && (cancelOn == null || !on.isAfter(cancelOn));
  }

  /** The same occurrence, met by an event. */
  Planned satisfiedBy(EventId event, LocalDate on, LocalDate plannedOn) {
    return new Planned(ruleIndex, planned.key(), planned.ruleId(), planned.infantId(), planned.windowStart(), planned.due(),
        planned.overdueFrom(), closedOn, event, on, cancelOn, cancelReason, finalNegative, planned.expectedTest(),
        planned.why(), plannedOn, metBefore, occurrence, nextAnchor, slot);
  }

  /** The milestone as of a date (clinical/README.md, milestone states). */
  Milestone at(LocalDate asOf) {
    if (planned.state() == MilestoneState.DONE) {
      return planned;
    }
    MilestoneState state = stateOn(asOf, planned.windowStart(), planned.due(), planned.overdueFrom().orElse(null));
    Optional<CancelReason> reason = reasonFor(state);
    if (state == planned.state() && reason.equals(planned.cancelReason())) {
      return planned;
    }
    return new Milestone(planned.key(), planned.ruleId(), planned.infantId(), planned.windowStart(), planned.due(),
        planned.overdueFrom(),
        planned.closesOn(), state, reason, Optional.empty(), Optional.empty(), planned.expectedTest(), planned.why());
  }

  /** The state on a date of an occurrence not met. */
  private MilestoneState stateOn(LocalDate asOf, LocalDate windowStart, LocalDate due, @Nullable LocalDate overdue) {
    if (end != null && !end.isAfter(asOf)) {
      return endState;
    } else if (asOf.isBefore(windowStart)) {
      return MilestoneState.UPCOMING;
    } else if (!asOf.isAfter(due)) {
      return MilestoneState.DUE;
    } else if (overdue == null || asOf.isBefore(overdue)) {
      return MilestoneState.LATE;
    }
    return MilestoneState.OVERDUE;
  }

  private Optional<CancelReason> reasonFor(MilestoneState state) {
    return state == MilestoneState.CANCELLED ? endReason : Optional.empty();
  }

  private static @Nullable LocalDate earliest(@Nullable LocalDate a, @Nullable LocalDate b, @Nullable LocalDate c) {
    LocalDate min = a;
    if (b != null && (min == null || b.isBefore(min))) {
      min = b;
    }
    if (c != null && (min == null || c.isBefore(min))) {
      min = c;
    }
    return min;
  }
}
