package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.GenCases.Scenario;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * The cheaper forms {@link Pathway#assemble} takes at every evaluation give what their plain
 * definitions give: the mother's diagnosis date ({@link InfantRisk#diagnosedOn}, as the Optional
 * chain over her tests, enrolment and first ART start), each infant's tests as of the date
 * ({@link Pathway#testsAsOf}, as the reversed history filtered and read as pending), the alerts,
 * and the ART-before-diagnosis issue, on generated cases ({@link GenCases}) under every built-in
 * protocol, on every event's day and around it.
 */
class AssemblePropertiesTest {
  private static int diagnosed;
  private static int pending;
  private static int alerts;
  private static int artBeforeDiagnosis;

  @Provide
  Arbitrary<Scenario> cases() {
    return GenCases.scenarios();
  }

  @Property(tries = 150, seed = "20261125")
  void the_assembled_parts_equal_their_plain_definitions(@ForAll("cases") Scenario scenario) {
    CaseFile file = scenario.file();
    Facts facts = file.facts();
    for (LocalDate asOf : dates(scenario, facts)) {
      Optional<LocalDate> diagnosedOn = InfantRisk.diagnosedOn(facts, asOf);
      assertThat(diagnosedOn).as("diagnosed as of %s", asOf).isEqualTo(plainDiagnosedOn(facts, asOf));
      diagnosed += diagnosedOn.isPresent() ? 1 : 0;
      for (InfantFacts infant : facts.infants().values()) {
        ImmutableList<InfantHivTested> tests = Pathway.testsAsOf(infant, asOf);
        assertThat(tests).as("tests as of %s", asOf).isEqualTo(plainTests(infant, asOf));
        pending += (int) tests.stream().filter(t -> t.result() == InfantTestResult.PENDING).count();
      }
      for (Protocol protocol : Protocols.builtIn()) {
        if (facts.enrolment().isEmpty()) {
          continue;
        }
        CaseState state = file.evaluate(protocol, asOf);
        assertThat(state.alerts()).as("%s alerts as of %s", protocol.ref(), asOf)
            .isEqualTo(plainAlerts(protocol, facts, asOf, state));
        alerts += state.alerts().size();
        boolean expected = plainArtBeforeDiagnosis(facts, asOf);
        assertThat(state.issues().stream().anyMatch(i -> i.rule() == Rule.ART_BEFORE_DIAGNOSIS))
            .as("%s DQ-003 as of %s", protocol.ref(), asOf).isEqualTo(expected);
        artBeforeDiagnosis += expected ? 1 : 0;
      }
    }
  }

  /** The generated cases reach every branch these compare. */
  @AfterContainer
  static void every_branch_was_reached() {
    assertThat(diagnosed).isPositive();
    assertThat(pending).isPositive();
    assertThat(alerts).isPositive();
    assertThat(artBeforeDiagnosis).isPositive();
  }

  /** Every event's day, the day before and a month after, and the scenario's own dates. */
  private static Set<LocalDate> dates(Scenario scenario, Facts facts) {
    Set<LocalDate> dates = new LinkedHashSet<>(scenario.evaluationDates());
    for (PathwayEvent event : facts.events()) {
      dates.add(event.occurredOn());
      dates.add(event.occurredOn().minusDays(1));
      dates.add(event.occurredOn().plusDays(30));
    }
    return dates;
  }

  /** The diagnosis date as the Optional chain it was written as. */
  private static Optional<LocalDate> plainDiagnosedOn(Facts facts, LocalDate asOf) {
    Optional<LocalDate> test = facts.mother().hivTests()
        .earliest(t -> t.result() == HivTestResult.POSITIVE && !t.occurredOn().isAfter(asOf)).map(MaternalHivTested::occurredOn);
    Optional<LocalDate> enrolled = facts.enrolment().filter(e -> e.hivStatus() == HivStatus.POSITIVE)
        .map(Enrolled::occurredOn).filter(d -> !d.isAfter(asOf));
    Optional<LocalDate> earliest = earlier(test, enrolled);
    if (enrolled.isPresent()) {
      earliest = earlier(earliest, facts.mother().firstArtStart().map(ArtStarted::occurredOn));
    }
    return earliest;
  }

  private static Optional<LocalDate> earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
  }

  /** Oldest first, sampled by the date, a result returned after it read as pending. */
  private static List<InfantHivTested> plainTests(InfantFacts infant, LocalDate asOf) {
    List<InfantHivTested> tests = new ArrayList<>();
    for (InfantHivTested test : infant.tests().oldestFirst()) {
      if (test.sampleDate().isAfter(asOf)) {
        continue;
      }
      boolean returned = test.resultDate().isPresent() && !test.resultDate().get().isAfter(asOf);
      tests.add(returned ? test : new InfantHivTested(test.id(), test.occurredOn(), test.recordedAt(), test.recordedBy(),
          test.infantId(), test.testType(), InfantTestResult.PENDING, Optional.empty()));
    }
    return tests;
  }

  /** The alerts as a list built in their order: the unsuppressed-while-breastfeeding alert, then the missing delivery. */
  private static List<Alert> plainAlerts(Protocol protocol, Facts facts, LocalDate asOf, CaseState state) {
    List<Alert> alerts = new ArrayList<>();
    Optional<Delivered> delivery = facts.delivery();
    Optional<ViralLoadResulted> vl = state.mother().latestViralLoad();
    if (vl.isPresent() && delivery.isPresent() && !delivery.get().occurredOn().isAfter(asOf)) {
      boolean breastfeeding = facts.infants().values().stream()
          .anyMatch(i -> i.feedingOn(asOf).map(Codes.FeedingMode::isBreastfeeding).orElse(true));
      if (vl.get().sampleDate().isAfter(delivery.get().occurredOn())
          && vl.get().result().isAbove(protocol.getInt(Key.VL_UNSUPPRESSED_ABOVE)) && breastfeeding
          && !protocol.is(Key.RISK_UNSUPPRESSED_BREASTFEEDING_IS_HIGH)) {
        alerts.add(Alert.MATERNAL_UNSUPPRESSED_WHILE_BREASTFEEDING);
      }
    }
    Optional<LocalDate> lmp = facts.enrolment().flatMap(Enrolled::datedLmp);
    if (delivery.isEmpty() && lmp.isPresent() && facts.mother().death().isEmpty()
        && asOf.isAfter(lmp.get().plusDays(280).plusWeeks(6))) {
      alerts.add(Alert.DELIVERY_NOT_RECORDED);
    }
    return alerts;
  }

  /** DQ-003: her first ART start by the date is before any positive test, and she did not enrol positive. */
  private static boolean plainArtBeforeDiagnosis(Facts facts, LocalDate asOf) {
    Optional<ArtStarted> firstArt = facts.mother().artStarts().earliest(a -> !a.occurredOn().isAfter(asOf));
    Optional<MaternalHivTested> firstPositive = facts.mother().hivTests().earliest(t -> t.result() == HivTestResult.POSITIVE);
    boolean enrolledPositive = facts.enrolment().orElseThrow().hivStatus() == HivStatus.POSITIVE;
    return firstArt.isPresent() && !enrolledPositive
        && (firstPositive.isEmpty() || firstArt.get().occurredOn().isBefore(firstPositive.get().occurredOn()))
        || facts.issues().any((DataQualityIssue i) -> i.rule() == Rule.ART_BEFORE_DIAGNOSIS && !i.on().isAfter(asOf));
  }
}
