package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
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

  private static ImmutableList<Attention> collect(CaseState state, ImmutableList<org.mentor.core.schedule.Milestone> actionable) {
    requireNonNull(state, "state");
    ImmutableList.Builder<Attention> items = ImmutableList.builder();
    {
      for (org.mentor.core.schedule.Milestone m : actionable) {
        Kind kind = switch (m.state()) {
          case OVERDUE -> Kind.MILESTONE_OVERDUE;
          case LATE -> Kind.MILESTONE_LATE;
          default -> Kind.MILESTONE_DUE;
        };
        items.add(new Attention(kind, m.infantId(), m.due(), m.ruleId() + " due " + m.due() + ": " + m.why().text()));
      }
    }
    for (InfantState infant : state.infants()) {
      Optional<InfantId> id = Optional.of(infant.infantId());
      switch (infant.hivStatus()) {
        case PRESUMPTIVE_POSITIVE -> items.add(new Attention(Kind.CONFIRM_INFANT_POSITIVE, id, infant.status().since(), infant.status().why()));
        case INCONCLUSIVE -> items.add(new Attention(Kind.REPEAT_INFANT_SAMPLE, id, infant.status().since(), infant.status().why()));
        case LOST_TO_FOLLOW_UP -> items.add(new Attention(Kind.TRACE_INTERRUPTED, id, infant.status().since(), infant.status().why()));
        case EXPOSED, HIV_POSITIVE, HIV_NEGATIVE, TRANSFERRED_OUT, DIED -> { }
      }
      infant.outcome().filter(o -> o.category() == FinalOutcome.Category.NOT_TESTED_AT_FINAL_AGE)
          .ifPresent(o -> items.add(new Attention(Kind.FINAL_INFANT_TEST_OVERDUE, id, o.on(), "infant.md F7")));
    }
    MaternalState mother = state.mother();
    switch (mother.artStatus()) {
      case ART_START_DUE, ART_START_LATE -> items.add(new Attention(Kind.START_ART, Optional.empty(), mother.art().since(), mother.art().why()));
      case NOT_KNOWN_POSITIVE, ON_ART -> { }
    }
    switch (mother.viralLoadStatus()) {
      case SWITCH_INDICATED -> items.add(new Attention(Kind.SWITCH_REGIMEN, Optional.empty(), mother.viralLoad().since(), mother.viralLoad().why()));
      case LOW_LEVEL_VIRAEMIA, UNSUPPRESSED, ENHANCED_COUNSELLING ->
          items.add(new Attention(Kind.ENHANCED_ADHERENCE_COUNSELLING, Optional.empty(), mother.viralLoad().since(), mother.viralLoad().why()));
      case REPEAT_DUE -> items.add(new Attention(Kind.REPEAT_VIRAL_LOAD, Optional.empty(), mother.viralLoad().since(), mother.viralLoad().why()));
      case NO_RESULT, SUPPRESSED -> { }
    }
    if (mother.adherenceBand() == AdherenceBand.POOR) {
      items.add(new Attention(Kind.ADHERENCE_SUPPORT, Optional.empty(), mother.adherence().since(), mother.adherence().why()));
    }
    switch (mother.retentionStatus()) {
      case INTERRUPTED -> items.add(new Attention(Kind.TRACE_INTERRUPTED, Optional.empty(), mother.retention().since(), mother.retention().why()));
      case APPOINTMENT_MISSED -> items.add(new Attention(Kind.TRACE_MISSED_APPOINTMENT, Optional.empty(), mother.retention().since(), mother.retention().why()));
      case TRACED -> items.add(new Attention(Kind.TRACE_MISSED_APPOINTMENT, Optional.empty(), mother.retention().since(),
          mother.retention().why() + " (reached; awaiting her return)"));
      case IN_CARE, RETURNED, TRANSFERRED_OUT, DIED -> { }
    }
    for (Alert alert : state.alerts()) {
      items.add(new Attention(Kind.ALERT, Optional.empty(), state.asOf(), alert.name()));
    }
    for (org.mentor.core.DataQualityIssue issue : state.issues()) {
      items.add(new Attention(Kind.CHECK_DATA, Optional.empty(), issue.on(), issue.rule().id() + ": " + issue.rule().description()));
    }
    return items.build().stream()
        .sorted(java.util.Comparator.comparing(Attention::kind).thenComparing(Attention::since))
        .collect(ImmutableList.toImmutableList());
  }
}
