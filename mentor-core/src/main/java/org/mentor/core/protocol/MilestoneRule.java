package org.mentor.core.protocol;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableSet;
import java.time.Period;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One milestone of a protocol's schedule, in the closed vocabulary of DESIGN.md §3: when it
 * exists ({@link #appliesWhen}), when it is due, when its window opens, when it is overdue and
 * when it closes, what satisfies it and what cancels it. Numbers and choices only; no logic.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the milestone's id, such as {@code NAT_6W}
 * @param subject whom it concerns
 * @param anchor the date it counts from (and, for a family, one occurrence per date)
 * @param due how the due date is computed
 * @param windowOpens when the window opens: a term, or {@code due − windowLead}
 * @param windowLead with no {@code windowOpens}: the window opens this long before the due date
 * @param overdueAfterDue how long after the due date it is overdue; empty for never
 * @param closes when it closes unmet (it is then MISSED)
 * @param appliesWhen when it exists
 * @param satisfiedBy what satisfies it
 * @param cancelledBy what cancels it
 * @param catchUpOnLateRegistration for an infant registered late: whether a due date before the
 *     registration moves to the registration date (otherwise the milestone is not created)
 * @param source where the rule comes from
 */
@API(status = STABLE, since = "0.1")
public record MilestoneRule(
    String id,
    Subject subject,
    Anchor anchor,
    DueRule due,
    Optional<Term> windowOpens,
    Period windowLead,
    Optional<Period> overdueAfterDue,
    Closing closes,
    Condition appliesWhen,
    Satisfaction satisfiedBy,
    ImmutableSet<CancelReason> cancelledBy,
    boolean catchUpOnLateRegistration,
    Source source) {

  public MilestoneRule {
    requireNonNull(id, "id");
    requireNonNull(subject, "subject");
    requireNonNull(anchor, "anchor");
    requireNonNull(due, "due");
    requireNonNull(windowOpens, "windowOpens");
    requireNonNull(windowLead, "windowLead");
    requireNonNull(overdueAfterDue, "overdueAfterDue");
    requireNonNull(closes, "closes");
    requireNonNull(appliesWhen, "appliesWhen");
    requireNonNull(satisfiedBy, "satisfiedBy");
    cancelledBy = ImmutableSet.copyOf(requireNonNull(cancelledBy, "cancelledBy"));
    requireNonNull(source, "source");
  }

  /** Whom a milestone concerns. */
  public enum Subject {
    MOTHER,
    INFANT
  }

  /** Why a milestone no longer applies (clinical/README.md, milestone states). */
  public enum CancelReason {
    /** The infant's infection was confirmed: remaining routine tests end (E2). */
    CONFIRMED_POSITIVE,
    /** The subject died. */
    DIED,
    /** The subject (or the pair) transferred out. */
    TRANSFERRED_OUT,
    /** A pregnancy viral load still open or upcoming at delivery, replaced by the viral load at delivery. */
    SUPERSEDED_AT_DELIVERY,
    /** A newer anchor (such as a newer viral-load sample) replaced this occurrence before its window opened. */
    SUPERSEDED
  }

  /**
   * What satisfies a milestone: an event kind, optionally narrowed to a test type.
   *
   * @param event the event kind's name, such as {@code INFANT_HIV_TESTED}
   * @param testType for infant tests: {@code NAT}, {@code ANTIBODY}, or {@code AGE_APPROPRIATE}
   *     (antibody from the final-test age, else NAT); empty for any
   */
  public record Satisfaction(String event, Optional<String> testType) {
    public Satisfaction {
      requireNonNull(event, "event");
      requireNonNull(testType, "testType");
    }

    @Override
    public String toString() {
      return event + testType.map(t -> " (" + t + ")").orElse("");
    }
  }

  /** When a milestone closes unmet. */
  public sealed interface Closing {
    /** Never closes (stays LATE / OVERDUE until met or cancelled). */
    record Never() implements Closing {}

    /**
     * Closes when another milestone's window opens.
     *
     * @param milestoneId the other milestone
     */
    record WhenWindowOpens(String milestoneId) implements Closing {
      public WhenWindowOpens {
        requireNonNull(milestoneId, "milestoneId");
      }
    }

    /**
     * Closes on a date.
     *
     * @param term the date
     */
    record At(Term term) implements Closing {
      public At {
        requireNonNull(term, "term");
      }
    }

    /** For a family anchor: closes at the next anchor date (the next sample replaces this occurrence). */
    record AtNextAnchor() implements Closing {}
  }
}
