package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.mentor.core.InfantId;

/**
 * What in a case needs someone to act on the evaluation date, read off its {@link CaseState}:
 * an ART start due or late, counselling or a repeat viral load, a regimen switch, a missed
 * appointment (trace), an interruption, an unconfirmed positive or inconclusive infant result, an
 * infant overdue for its final test, alerts and data-quality issues. Each item says since when and
 * why. The milestone schedule adds its due items on top of these.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what to do
 * @param infantId the infant concerned, or empty for the mother
 * @param since since when
 * @param why the explanation (region state, rule or alert)
 */
@API(status = STABLE, since = "0.1")
public record Attention(Kind kind, Optional<InfantId> infantId, LocalDate since, String why) {
  public Attention {
    requireNonNull(kind, "kind");
    requireNonNull(infantId, "infantId");
    requireNonNull(since, "since");
    requireNonNull(why, "why");
  }

  /** What needs doing, most urgent kinds first. */
  public enum Kind {
    MILESTONE_OVERDUE,
    CONFIRM_INFANT_POSITIVE,
    REPEAT_INFANT_SAMPLE,
    START_ART,
    SWITCH_REGIMEN,
    TRACE_INTERRUPTED,
    TRACE_MISSED_APPOINTMENT,
    ENHANCED_ADHERENCE_COUNSELLING,
    REPEAT_VIRAL_LOAD,
    ADHERENCE_SUPPORT,
    FINAL_INFANT_TEST_OVERDUE,
    MILESTONE_LATE,
    MILESTONE_DUE,
    ALERT,
    CHECK_DATA
  }

  /**
   * Lists what needs attention in a case state, most urgent first.
   *
   * @param state the evaluated case, not null
   * @return the items, possibly empty
   */
  public static ImmutableList<Attention> of(CaseState state) {
    return collect(state, ImmutableList.of());
  }

  /**
   * Lists what needs attention in a case state and its schedule (milestones due, late or
   * overdue), most urgent first.
   *
   * @param state the evaluated case, not null
   * @param schedule the case's schedule as of the same date, not null
   * @return the items, possibly empty
   */
  public static ImmutableList<Attention> of(CaseState state, org.mentor.core.schedule.Schedule schedule) {
    return collect(state, requireNonNull(schedule, "schedule").actionable());
  }

  /**
   * The kinds of what needs attention in a case state, as {@link #of(CaseState)} lists them, without
   * building the items and their explanations (a caller that acts on the kind alone, such as the
   * simulator, asks this at every contact).
   *
   * @param state the evaluated case, not null
   * @return the kinds, possibly none
   */
  public static EnumSet<Kind> kinds(CaseState state) {
    EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
    visit(state, ImmutableList.of(), (kind, infantId, since, why) -> kinds.add(kind));
    return kinds;
  }

  /** Where {@link #visit} reports each item; {@code why} is only read by a sink that keeps it. */
  private interface Sink {
    void add(Kind kind, Optional<InfantId> infantId, LocalDate since, Supplier<String> why);
  }

  private static ImmutableList<Attention> collect(CaseState state, ImmutableList<org.mentor.core.schedule.Milestone> actionable) {
    List<Attention> items = new ArrayList<>();
    visit(state, actionable, (kind, infantId, since, why) -> items.add(new Attention(kind, infantId, since, why.get())));
    items.sort(ORDER);
    return ImmutableList.copyOf(items);
  }

  private static final Comparator<Attention> ORDER = Comparator.comparing(Attention::kind).thenComparing(Attention::since);

  /** Every item, in the order of the rules below (the caller sorts). */
  private static void visit(CaseState state, ImmutableList<org.mentor.core.schedule.Milestone> actionable, Sink items) {
    requireNonNull(state, "state");
    for (org.mentor.core.schedule.Milestone m : actionable) {
      Kind kind = switch (m.state()) {
        case OVERDUE -> Kind.MILESTONE_OVERDUE;
        case LATE -> Kind.MILESTONE_LATE;
        default -> Kind.MILESTONE_DUE;
      };
      items.add(kind, m.infantId(), m.due(), () -> m.ruleId() + " due " + m.due() + ": " + m.why().text());
    }
    for (InfantState infant : state.infants()) {
      Optional<InfantId> id = Optional.of(infant.infantId());
      switch (infant.hivStatus()) {
        case PRESUMPTIVE_POSITIVE -> items.add(Kind.CONFIRM_INFANT_POSITIVE, id, infant.status().since(), infant.status()::why);
        case INCONCLUSIVE -> items.add(Kind.REPEAT_INFANT_SAMPLE, id, infant.status().since(), infant.status()::why);
        case LOST_TO_FOLLOW_UP -> items.add(Kind.TRACE_INTERRUPTED, id, infant.status().since(), infant.status()::why);
        case EXPOSED, HIV_POSITIVE, HIV_NEGATIVE, TRANSFERRED_OUT, DIED -> { }
      }
      Optional<FinalOutcome> outcome = infant.outcome();
      if (outcome.isPresent() && outcome.get().category() == FinalOutcome.Category.NOT_TESTED_AT_FINAL_AGE) {
        items.add(Kind.FINAL_INFANT_TEST_OVERDUE, id, outcome.get().on(), () -> "infant.md F7");
      }
    }
    MaternalState mother = state.mother();
    switch (mother.artStatus()) {
      case ART_START_DUE, ART_START_LATE -> items.add(Kind.START_ART, Optional.empty(), mother.art().since(), mother.art()::why);
      case NOT_KNOWN_POSITIVE, ON_ART -> { }
    }
    switch (mother.viralLoadStatus()) {
      case SWITCH_INDICATED -> items.add(Kind.SWITCH_REGIMEN, Optional.empty(), mother.viralLoad().since(), mother.viralLoad()::why);
      case LOW_LEVEL_VIRAEMIA, UNSUPPRESSED, ENHANCED_COUNSELLING ->
          items.add(Kind.ENHANCED_ADHERENCE_COUNSELLING, Optional.empty(), mother.viralLoad().since(), mother.viralLoad()::why);
      case REPEAT_DUE -> items.add(Kind.REPEAT_VIRAL_LOAD, Optional.empty(), mother.viralLoad().since(), mother.viralLoad()::why);
      case NO_RESULT, SUPPRESSED -> { }
    }
    if (mother.adherenceBand() == AdherenceBand.POOR) {
      items.add(Kind.ADHERENCE_SUPPORT, Optional.empty(), mother.adherence().since(), mother.adherence()::why);
    }
    switch (mother.retentionStatus()) {
      case INTERRUPTED -> items.add(Kind.TRACE_INTERRUPTED, Optional.empty(), mother.retention().since(), mother.retention()::why);
      case APPOINTMENT_MISSED ->
          items.add(Kind.TRACE_MISSED_APPOINTMENT, Optional.empty(), mother.retention().since(), mother.retention()::why);
      case TRACED -> items.add(Kind.TRACE_MISSED_APPOINTMENT, Optional.empty(), mother.retention().since(),
          () -> mother.retention().why() + " (reached; awaiting her return)");
      case IN_CARE, RETURNED, TRANSFERRED_OUT, DIED -> { }
    }
    for (Alert alert : state.alerts()) {
      items.add(Kind.ALERT, Optional.empty(), state.asOf(), alert::name);
    }
    for (org.mentor.core.DataQualityIssue issue : state.issues()) {
      items.add(Kind.CHECK_DATA, Optional.empty(), issue.on(), () -> issue.rule().id() + ": " + issue.rule().description());
    }
  }
}
