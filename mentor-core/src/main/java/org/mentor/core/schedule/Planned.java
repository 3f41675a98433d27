package org.mentor.core.schedule;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.protocol.MilestoneRule.CancelReason;

/**
 * One milestone occurrence with everything that does not depend on the evaluation date: its dates,
 * the event that satisfies it, what would end it (cancellation, close, final negative status), its
 * key and why. {@link #at} classifies it on a date. Immutable; the optionals a milestone exposes are
 * built once here, so a schedule materialised from a memoised plan allocates only its milestones.
 */
final class Planned {
  final String key;
  final String ruleId;
  final Optional<InfantId> infantId;
  final LocalDate windowStart;
  final LocalDate due;
  final @Nullable LocalDate overdue;
  final Optional<LocalDate> overdueFrom;
  final Optional<LocalDate> closesOn;
  final @Nullable LocalDate closedOn;
  final @Nullable LocalDate satisfiedOnDate;
  final Optional<EventId> satisfiedBy;
  final Optional<LocalDate> satisfiedOn;
  final @Nullable LocalDate cancelOn;
  final Optional<CancelReason> cancelReason;
  final @Nullable LocalDate finalNegative;
  final Optional<String> expectedTest;
  final Why why;

  private static final Optional<CancelReason> SUPERSEDED = Optional.of(CancelReason.SUPERSEDED);

  @SuppressWarnings("checkstyle:ParameterNumber")
  Planned(String key, String ruleId, Optional<InfantId> infantId, LocalDate windowStart, LocalDate due,
      @Nullable LocalDate overdue, @Nullable LocalDate closedOn, @Nullable EventId satisfiedBy,
      @Nullable LocalDate satisfiedOn, @Nullable LocalDate cancelOn, @Nullable CancelReason cancelReason,
      @Nullable LocalDate finalNegative, Optional<String> expectedTest, Why why) {
    this.key = key;
    this.ruleId = ruleId;
    this.infantId = infantId;
    this.windowStart = windowStart;
    this.due = due;
    this.overdue = overdue;
    this.overdueFrom = Optional.ofNullable(overdue);
    this.closedOn = closedOn;
    this.closesOn = Optional.ofNullable(closedOn);
    this.satisfiedOnDate = satisfiedOn;
    this.satisfiedBy = Optional.ofNullable(satisfiedBy);
    this.satisfiedOn = Optional.ofNullable(satisfiedOn);
    this.cancelOn = cancelOn;
    this.cancelReason = Optional.ofNullable(cancelReason);
    this.finalNegative = finalNegative;
    this.expectedTest = expectedTest;
    this.why = why;
  }

  /** The milestone as of a date (clinical/README.md, milestone states; cancelling beats closing on one day). */
  Milestone at(LocalDate asOf) {
    MilestoneState state;
    Optional<CancelReason> reason = Optional.empty();
    if (satisfiedOnDate != null) {
      state = MilestoneState.DONE;
    } else {
      LocalDate end = earliest(cancelOn, closedOn, finalNegative);
      if (end != null && !end.isAfter(asOf)) {
        if (end.equals(cancelOn)) {
          state = MilestoneState.CANCELLED;
          reason = cancelReason;
        } else if (windowStart.isBefore(end)) {
          state = MilestoneState.MISSED;
        } else {
          state = MilestoneState.CANCELLED;
          reason = SUPERSEDED;
        }
      } else if (asOf.isBefore(windowStart)) {
        state = MilestoneState.UPCOMING;
      } else if (!asOf.isAfter(due)) {
        state = MilestoneState.DUE;
      } else if (overdue == null || asOf.isBefore(overdue)) {
        state = MilestoneState.LATE;
      } else {
        state = MilestoneState.OVERDUE;
      }
    }
    boolean done = state == MilestoneState.DONE;
    return new Milestone(key, ruleId, infantId, windowStart, due, overdueFrom, closesOn, state, reason,
        done ? satisfiedBy : Optional.empty(), done ? satisfiedOn : Optional.empty(), expectedTest, why);
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
