package org.mentor.core.registry;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.testing.CaseBuilder.aCase;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.Attention.Kind;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.core.testing.CaseBuilder;

/**
 * Due lists over the cases of shared/clinical/scenarios.md on the dates the scenarios name. S6 is
 * the missed visit → interruption path (with consent to phone and SMS only), S4 the high-risk infant
 * after a high maternal viral load near delivery.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DueListTest {
  private static final MentorId MM1 = MentorId.of("mm-1");
  private static final MentorId MM2 = MentorId.of("mm-2");

  /** S6 facts up to the missed appointment of 2025-09-08; she agreed to phone calls and SMS, not home visits. */
  private final CaseBuilder s6 = aCase("s6").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4)).mentor(of(2024, 11, 4), "mm-1")
      .consent(of(2024, 11, 4), false, true, true)
      .delivered(of(2025, 5, 20)).breastfed().prophylaxisStarted(of(2025, 5, 20))
      .nat(of(2025, 7, 1), InfantTestResult.NEGATIVE)
      .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8));

  /** S4 facts to delivery (the 2026-01-22 result not yet in). */
  private final CaseBuilder s4 = aCase("s4").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 5, 5)).startedArt(of(2025, 5, 5))
      .mentor(of(2025, 5, 5), "mm-1").viralLoad(of(2025, 8, 5), ViralLoad.copies(180))
      .viralLoad(of(2025, 10, 22), ViralLoad.copies(15_400)).delivered(of(2025, 11, 10)).breastfed()
      .prophylaxisStarted(of(2025, 11, 10));

  private static CaseRegistry registryWith(CaseBuilder... cases) {
    CaseRegistry registry = CaseRegistry.builder().build();
    for (CaseBuilder built : cases) {
      var events = built.events();
      registry.enrol(built.caseId(), (Enrolled) events.get(0));
      events.subList(1, events.size()).forEach(e -> registry.record(built.caseId(), e));
    }
    return registry;
  }

  private static List<DueItem> itemsOf(DueList list, CaseId caseId, Kind action) {
    return list.items().stream().filter(i -> i.caseId().equals(caseId) && i.action() == action).toList();
  }

  @Test // S6: 2025-09-08 the appointment is due today, nobody is traced yet
  void S6_on_the_appointment_day_there_is_no_tracing_item() {
    DueList list = registryWith(s6).dueList(DueQuery.mentor(MM1, of(2025, 9, 8)));
    assertThat(list.items()).noneMatch(i -> i.category() == DueItem.Category.TRACING);
  }

  @Test // S6: 2025-09-09 MISSED (1 day late): a tracing item by the channels she agreed to, never a home visit
  void S6_the_day_after_the_missed_appointment_the_mother_is_traced_by_phone_or_SMS_only() {
    DueList list = registryWith(s6).dueList(DueQuery.mentor(MM1, of(2025, 9, 9)));
    List<DueItem> tracing = itemsOf(list, s6.caseId(), Kind.TRACE_MISSED_APPOINTMENT);
    assertThat(tracing).singleElement().satisfies(item -> {
      assertThat(item.since()).isEqualTo(of(2025, 9, 9));
      assertThat(item.tier()).isEqualTo(Tier.HIGH);
      assertThat(item.infantId()).isEmpty();
      assertThat(item.contact()).containsExactlyInAnyOrder(ContactMode.PHONE, ContactMode.SMS);
      assertThat(DueText.english().render(item))
          .isEqualTo("Trace: appointment missed, not back since 2025-09-09 (0 days); contact by phone, text message");
    });
  }

  @Test // S6: 2025-10-06 IIT (appointment + 28 days, DAK R1); 2025-12-22 still interrupted, 77 days on
  void S6_from_the_28th_day_the_mother_is_traced_as_interrupted_and_days_late_count_from_then() {
    CaseRegistry registry = registryWith(s6);
    assertThat(itemsOf(registry.dueList(DueQuery.mentor(MM1, of(2025, 10, 5))), s6.caseId(), Kind.TRACE_INTERRUPTED)).isEmpty();
    List<DueItem> mother = itemsOf(registry.dueList(DueQuery.mentor(MM1, of(2025, 12, 22))), s6.caseId(), Kind.TRACE_INTERRUPTED)
        .stream().filter(i -> i.infantId().isEmpty()).toList();
    assertThat(mother).singleElement().satisfies(item -> {
      assertThat(item.since()).isEqualTo(of(2025, 10, 6));
      assertThat(item.daysLate()).isEqualTo(77);
      assertThat(item.contact()).doesNotContain(ContactMode.HOME);
    });
  }

  @Test // consent: a mother who refused home visits never gets a home-visit tracing item; one with no consent only at the clinic
  void consent_limits_every_tracing_item_to_the_channels_agreed() {
    CaseBuilder noConsent = aCase("nc").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4)).mentor(of(2024, 11, 4), "mm-1")
        .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8));
    CaseBuilder homeOk = aCase("ho").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4)).mentor(of(2024, 11, 4), "mm-1")
        .consent(of(2024, 11, 4), true, false, false)
        .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8));
    CaseRegistry registry = registryWith(s6, noConsent, homeOk);
    for (LocalDate day = of(2025, 9, 9); day.isBefore(of(2026, 3, 1)); day = day.plusDays(7)) {
      for (DueItem item : registry.dueList(DueQuery.everyone(day)).items()) {
        if (item.category() != DueItem.Category.TRACING) {
          continue;
        }
        ImmutableSet<ContactMode> expected = switch (item.caseId().value()) {
          case "s6" -> ImmutableSet.of(ContactMode.PHONE, ContactMode.SMS);
          case "ho" -> ImmutableSet.of(ContactMode.HOME);
          default -> ImmutableSet.of();
        };
        assertThat(item.contact()).as("%s on %s", item.caseId(), day).isEqualTo(expected);
      }
    }
    DueItem clinicOnly = itemsOf(registry.dueList(DueQuery.everyone(of(2025, 9, 9))), noConsent.caseId(), Kind.TRACE_MISSED_APPOINTMENT).get(0);
    assertThat(DueText.english().render(clinicOnly)).endsWith("at her next clinic visit only (no contact agreed)");
  }

  @Test // S4 step 7: NAT_6W due 2025-12-22, overdue from 2026-01-19; step 5: the infant is high risk
  void S4_the_high_risk_infants_NAT_is_high_when_due_and_urgent_and_first_when_overdue() {
    CaseRegistry registry = registryWith(s4, s6);
    DueItem due = registry.dueList(DueQuery.mentor(MM1, of(2025, 12, 22))).items().stream()
        .filter(i -> i.ruleId().equals(Optional.of("NAT_6W"))).findFirst().orElseThrow();
    assertThat(due.state()).contains(MilestoneState.DUE);
    assertThat(due.tier()).isEqualTo(Tier.HIGH);
    assertThat(due.since()).isEqualTo(of(2025, 12, 22));
    assertThat(due.infantId()).contains(s4.infantA());

    DueList later = registry.dueList(DueQuery.mentor(MM1, of(2026, 1, 19)));
    DueItem first = later.items().get(0);
    assertThat(first.ruleId()).contains("NAT_6W");
    assertThat(first.state()).contains(MilestoneState.OVERDUE);
    assertThat(first.tier()).isEqualTo(Tier.URGENT);
    assertThat(first.daysLate()).isEqualTo(28);
    assertThat(first.why()).contains("NAT_6W").contains("WHO_2021");
  }

  @Test // S4 step 4: 15 400 -> T4, EAC: the unsuppressed mother is urgent
  void S4_the_unsuppressed_mother_is_urgent() {
    DueList list = registryWith(s4).dueList(DueQuery.mentor(MM1, of(2025, 12, 1)));
    assertThat(itemsOf(list, s4.caseId(), Kind.ENHANCED_ADHERENCE_COUNSELLING)).singleElement()
        .satisfies(i -> {
          assertThat(i.tier()).isEqualTo(Tier.URGENT);
          assertThat(i.since()).isEqualTo(of(2025, 10, 22));
        });
  }

  @Test
  void a_due_list_is_ranked_by_tier_then_due_date_and_scoped_by_the_mentor_responsible_on_the_day() {
    CaseBuilder handedOver = aCase("h1").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4)).mentor(of(2024, 11, 4), "mm-1")
        .mentor(of(2025, 9, 1), "mm-2").kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8));
    CaseRegistry registry = registryWith(s4, s6, handedOver);
    DueList mm1 = registry.dueList(DueQuery.mentor(MM1, of(2025, 9, 9)));
    DueList mm2 = registry.dueList(DueQuery.mentor(MM2, of(2025, 9, 9)));

    assertThat(mm1.items()).isNotEmpty().allMatch(i -> i.assignment().mentor().equals(Optional.of(MM1)));
    assertThat(mm1.items()).noneMatch(i -> i.caseId().equals(handedOver.caseId()));
    assertThat(mm2.items()).isNotEmpty().allMatch(i -> i.caseId().equals(handedOver.caseId()));
    assertThat(mm1.items()).isSortedAccordingTo(DueList.RANKING);
    assertThat(mm1.items().get(0).tier()).isEqualTo(Tier.URGENT);
    assertThat(registry.dueList(DueQuery.facility("facility-1", of(2025, 9, 9))).items())
        .hasSize(mm1.items().size() + mm2.items().size());
    assertThat(registry.dueList(DueQuery.facility("elsewhere", of(2025, 9, 9))).items()).isEmpty();
  }

  @Test // gap lists: S4's unsuppressed 15 400 (returned 2025-10-22, no counselling recorded) shows 14 days on
  void gap_lists_find_the_unsuppressed_mother_with_no_counselling_and_the_infant_with_no_NAT_at_6_to_8_weeks() {
    CaseRegistry registry = registryWith(s4, s6);
    assertThat(registry.gaps(Gap.UNSUPPRESSED_NO_COUNSELLING_IN_2_WEEKS, DueQuery.everyone(of(2025, 11, 5))))
        .singleElement().satisfies(i -> assertThat(i.caseId()).isEqualTo(s4.caseId()));
    assertThat(registry.gaps(Gap.UNSUPPRESSED_NO_COUNSELLING_IN_2_WEEKS, DueQuery.everyone(of(2025, 11, 4)))).isEmpty();
    // S4's infant born 2025-11-10: 42 days on 2025-12-22, 56 days on 2026-01-05
    assertThat(registry.gaps(Gap.INFANT_6_TO_8_WEEKS_NO_NAT_RESULT, DueQuery.everyone(of(2025, 12, 21)))).isEmpty();
    assertThat(registry.gaps(Gap.INFANT_6_TO_8_WEEKS_NO_NAT_RESULT, DueQuery.everyone(of(2025, 12, 22))))
        .singleElement().satisfies(i -> assertThat(i.infantId()).contains(s4.infantA()));
    assertThat(registry.gaps(Gap.INFANT_6_TO_8_WEEKS_NO_NAT_RESULT, DueQuery.everyone(of(2026, 1, 6)))).isEmpty();
    // S6's infant born 2025-05-20 had its NAT result, but is past 24 months on 2027-05-21 with no final status
    assertThat(registry.gaps(Gap.INFANT_PAST_24_MONTHS_NO_FINAL_STATUS, DueQuery.everyone(of(2027, 5, 21))))
        .anyMatch(i -> i.caseId().equals(s6.caseId()));
    assertThat(registry.gaps(Gap.INFANT_PAST_24_MONTHS_NO_FINAL_STATUS, DueQuery.everyone(of(2027, 5, 20))))
        .noneMatch(i -> i.caseId().equals(s6.caseId()));
  }

  @Test // forecast: S4's NAT_6W and CTX start fall due in the week of 2025-12-22 (scenario S4 step 7)
  void the_forecast_counts_milestones_falling_due_each_week_per_mentor() {
    Forecast forecast = registryWith(s4).forecast(DueQuery.mentor(MM1, of(2025, 12, 15)), 3);
    assertThat(forecast.weekStarts()).containsExactly(of(2025, 12, 15), of(2025, 12, 22), of(2025, 12, 29));
    assertThat(forecast.byMentor().get(MM1)).containsExactly(0, 2, 0);
    assertThat(forecast.unassigned()).containsExactly(0, 0, 0);
  }

  @Test
  void discreet_wording_never_names_the_condition_in_either_language() {
    CaseRegistry registry = registryWith(s4, s6);
    List<String> forbidden = List.of("HIV", "VVU", "ART", "ARV", "viral", "virusi", "PMTCT", "NAT", "prophylaxis", "kinga");
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sw"))) {
      DueText discreet = DueText.of(locale, DueText.Wording.DISCREET);
      for (LocalDate day = of(2025, 8, 1); day.isBefore(of(2026, 6, 1)); day = day.plusDays(14)) {
        for (DueItem item : registry.dueList(DueQuery.everyone(day)).items()) {
          String line = discreet.render(item);
          assertThat(forbidden).as(line).noneMatch(word -> line.contains(word));
        }
      }
    }
    DueItem nat = registry.dueList(DueQuery.everyone(of(2025, 12, 22))).items().stream()
        .filter(i -> i.ruleId().equals(Optional.of("NAT_6W"))).findFirst().orElseThrow();
    assertThat(DueText.of(Locale.ENGLISH, DueText.Wording.DISCREET).render(nat)).isEqualTo("Baby's test due 2025-12-22");
    assertThat(DueText.of(Locale.forLanguageTag("sw"), DueText.Wording.CLINICAL).render(
        itemsOf(registry.dueList(DueQuery.everyone(of(2025, 12, 1))), s4.caseId(), Kind.ENHANCED_ADHERENCE_COUNSELLING).get(0)))
        .isEqualTo("Ushauri wa ufuasi: wingi wa virusi haujadhibitiwa (tangu 2025-10-22)");
  }

  @Test
  void the_second_language_translates_every_key_of_the_english_bundle() throws Exception {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties sw = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/org/mentor/core/registry/DueMessages.properties");
        var in2 = getClass().getResourceAsStream("/org/mentor/core/registry/DueMessages_sw.properties")) {
      en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
      sw.load(new java.io.InputStreamReader(in2, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    assertThat(sw.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (Kind kind : Kind.values()) {
      String key = kind.name().startsWith("MILESTONE_") ? "milestone." + kind.name() : "action." + kind.name();
      assertThat(en.containsKey(key) && en.containsKey(key + ".discreet")).as(key).isTrue();
    }
    for (DueItem.Category category : DueItem.Category.values()) {
      assertThat(en.containsKey("category." + category.name()) && en.containsKey("category." + category.name() + ".discreet"))
          .as(category.name()).isTrue();
    }
  }
}
