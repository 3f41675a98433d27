package org.mentor.core.registry;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.ConsentRecorded;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.RiskAssessment.RiskClass;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.DueItem.Category;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.Schedule;

/** Turns a case view into due items: which items, their category and tier (the rule is on {@link Tier}). */
final class DueItems {
  /** Per protocol instance (identity: two protocols may share a ref across registries). */
  private static final com.google.common.cache.LoadingCache<Protocol, ImmutableMap<String, Category>> CATEGORIES =
      com.google.common.cache.CacheBuilder.newBuilder().weakKeys().build(com.google.common.cache.CacheLoader.from(DueItems::categoriesOf));

  private DueItems() {}

  /** The due items of a case on its view's day, in no particular order. */
  static ImmutableList<DueItem> of(CaseView view, MotherId mother, Protocol protocol) {
    return of(view.caseId(), view.asOf(), view.state(), view.schedule(), view.assignment(), mother, protocol);
  }

  /** The due items of a case evaluated on a day. */
  static ImmutableList<DueItem> of(CaseId caseId, LocalDate asOf, CaseState state, Schedule schedule, Assignment assignment,
      MotherId mother, Protocol protocol) {
    ImmutableList.Builder<DueItem> items = ImmutableList.builder();
    for (Milestone m : schedule.milestones()) {
      if (!m.state().isActionable()) {
        continue;
      }
      Category category = categories(protocol).getOrDefault(m.ruleId(), Category.VISIT);
      Attention.Kind action = switch (m.state()) {
        case OVERDUE -> Attention.Kind.MILESTONE_OVERDUE;
        case LATE -> Attention.Kind.MILESTONE_LATE;
        default -> Attention.Kind.MILESTONE_DUE;
      };
      boolean highRisk = m.infantId().flatMap(state::infant).map(DueItems::isHighRisk).orElse(false);
      Tier tier;
      if (category == Category.INFANT_TEST && highRisk) {
        tier = action == Attention.Kind.MILESTONE_DUE ? Tier.HIGH : Tier.URGENT;
      } else {
        tier = action == Attention.Kind.MILESTONE_OVERDUE ? Tier.HIGH : Tier.ROUTINE;
      }
      items.add(new DueItem(caseId, mother, m.infantId(), action, category, Optional.of(m.key()), Optional.of(m.ruleId()),
          m.due(), Math.max(0, ChronoUnit.DAYS.between(m.due(), asOf)), Optional.of(m.state()), tier, m.why().text(),
          assignment, ImmutableSet.of()));
    }
    for (Attention a : Attention.of(state)) {
      ImmutableSet<ContactMode> contact = isTracing(a.kind()) ? agreedChannels(state.mother().consent()) : ImmutableSet.of();
      items.add(new DueItem(caseId, mother, a.infantId(), a.kind(), category(a.kind()), Optional.empty(), Optional.empty(),
          a.since(), Math.max(0, ChronoUnit.DAYS.between(a.since(), asOf)), Optional.empty(), tier(a.kind()), a.why(),
          assignment, contact));
    }
    return items.build();
  }

  static boolean isHighRisk(InfantState infant) {
    return infant.risk().riskClass() == RiskClass.HIGH;
  }

  private static boolean isTracing(Attention.Kind kind) {
    return kind == Attention.Kind.TRACE_INTERRUPTED || kind == Attention.Kind.TRACE_MISSED_APPOINTMENT;
  }

  /**
   * The channels the mother agreed to in her latest consent (DESIGN.md §7): none recorded means
   * none agreed, so she is met at her next clinic visit only. A clinic contact needs no consent.
   */
  static ImmutableSet<ContactMode> agreedChannels(Optional<ConsentRecorded> consent) {
    if (consent.isEmpty()) {
      return ImmutableSet.of();
    }
    ImmutableSet.Builder<ContactMode> modes = ImmutableSet.builder();
    if (consent.get().phoneCalls()) {
      modes.add(ContactMode.PHONE);
    }
    if (consent.get().sms()) {
      modes.add(ContactMode.SMS);
    }
    if (consent.get().homeVisits()) {
      modes.add(ContactMode.HOME);
    }
    return modes.build();
  }

  private static Tier tier(Attention.Kind kind) {
    return switch (kind) {
      case CONFIRM_INFANT_POSITIVE, REPEAT_INFANT_SAMPLE, START_ART, SWITCH_REGIMEN, ENHANCED_ADHERENCE_COUNSELLING,
          REPEAT_VIRAL_LOAD, FINAL_INFANT_TEST_OVERDUE -> Tier.URGENT;
      case TRACE_INTERRUPTED, TRACE_MISSED_APPOINTMENT, ADHERENCE_SUPPORT, MILESTONE_OVERDUE -> Tier.HIGH;
      case MILESTONE_LATE, MILESTONE_DUE, ALERT -> Tier.ROUTINE;
      case CHECK_DATA -> Tier.DATA;
    };
  }

  private static Category category(Attention.Kind kind) {
    return switch (kind) {
      case CONFIRM_INFANT_POSITIVE, REPEAT_INFANT_SAMPLE, FINAL_INFANT_TEST_OVERDUE -> Category.INFANT_TEST;
      case START_ART, SWITCH_REGIMEN -> Category.TREATMENT;
      case ENHANCED_ADHERENCE_COUNSELLING, ADHERENCE_SUPPORT -> Category.ADHERENCE;
      case REPEAT_VIRAL_LOAD -> Category.VIRAL_LOAD;
      case TRACE_INTERRUPTED, TRACE_MISSED_APPOINTMENT -> Category.TRACING;
      case MILESTONE_OVERDUE, MILESTONE_LATE, MILESTONE_DUE, ALERT -> Category.VISIT;
      case CHECK_DATA -> Category.DATA;
    };
  }

  /** Each milestone rule's category, from the event kind that satisfies it. */
  private static ImmutableMap<String, Category> categories(Protocol protocol) {
    return CATEGORIES.getUnchecked(protocol);
  }

  private static ImmutableMap<String, Category> categoriesOf(Protocol protocol) {
    ImmutableMap.Builder<String, Category> map = ImmutableMap.builder();
    for (MilestoneRule rule : protocol.milestones()) {
      map.put(rule.id(), category(rule.satisfiedBy().event()));
    }
    return map.buildKeepingLast();
  }

  private static Category category(String satisfyingEvent) {
    EventKind kind;
    try {
      kind = EventKind.valueOf(satisfyingEvent);
    } catch (IllegalArgumentException e) {
      return Category.VISIT;
    }
    return switch (kind) {
      case INFANT_HIV_TESTED -> Category.INFANT_TEST;
      case INFANT_PROPHYLAXIS_STARTED, INFANT_PROPHYLAXIS_STOPPED, COTRIMOXAZOLE_STARTED, COTRIMOXAZOLE_STOPPED,
          INFANT_ART_STARTED -> Category.INFANT_MEDICINE;
      case VIRAL_LOAD_RESULTED -> Category.VIRAL_LOAD;
      case MATERNAL_HIV_TESTED -> Category.MATERNAL_TEST;
      case ART_STARTED, REGIMEN_CHANGED, ARVS_DISPENSED -> Category.TREATMENT;
      case PILL_COUNTED, ADHERENCE_COUNSELLED -> Category.ADHERENCE;
      default -> Category.VISIT;
    };
  }

  /** The infant an item is about, if any (for gap lists). */
  static Optional<InfantState> infant(CaseState state, Optional<InfantId> id) {
    return id.flatMap(state::infant);
  }
}
