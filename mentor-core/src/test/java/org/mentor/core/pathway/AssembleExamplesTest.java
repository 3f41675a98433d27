package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MotherId;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.protocol.Protocol;

/**
 * The cheaper forms {@link Pathway#assemble} takes: the mother's
 * diagnosis date ({@link InfantRisk#diagnosedOn}) at the bounds of the evaluation date, with ties
 * and an ART start after it; DQ-003 with its event and date, from two ART starts; an infant's
 * tests as of a date for none, one and many ({@link Pathway#testsAsOf}). Expected values are the
 * dates of the events themselves (clinical definition: maternal.md, diagnosed on the earliest of
 * her first positive test, a known-positive enrolment, or her first ART start if she enrolled
 * positive).
 */
class AssembleExamplesTest {
  private static final RecordedBy BY = new RecordedBy("clerk", "clinic", "review", Optional.empty());
  private static final LocalDate LMP = LocalDate.of(2025, 1, 1);
  private static final LocalDate ENROLLED = LocalDate.of(2025, 3, 10);
  private static final InfantId BABY = new InfantId(new UUID(0, 1));

  @Test
  void enrolled_positive_is_diagnosed_on_the_earliest_of_enrolment_positive_test_and_first_art_start_by_the_date() {
    CaseFile file = enrol(HivStatus.POSITIVE)
        .record(new MaternalHivTested(EventId.of("t-1"), LocalDate.of(2025, 3, 5), at(5), BY, HivTestResult.POSITIVE))
        .record(new ArtStarted(EventId.of("a-1"), LocalDate.of(2025, 4, 1), at(6), BY, Regimen.TLD));
    // Before her test: nothing known.
    assertThat(InfantRisk.diagnosedOn(file.facts(), LocalDate.of(2025, 3, 4))).isEmpty();
    // On the test's day (the bound is inclusive), before enrolment: the test alone.
    assertThat(InfantRisk.diagnosedOn(file.facts(), LocalDate.of(2025, 3, 5))).contains(LocalDate.of(2025, 3, 5));
    // After enrolment, before the ART start: the test is still the earliest.
    assertThat(InfantRisk.diagnosedOn(file.facts(), LocalDate.of(2025, 3, 20))).contains(LocalDate.of(2025, 3, 5));

    CaseFile earlyArt = enrol(HivStatus.POSITIVE)
        .record(new ArtStarted(EventId.of("a-0"), LocalDate.of(2023, 6, 1), at(5), BY, Regimen.TLD))
        .record(new ArtStarted(EventId.of("a-1"), LocalDate.of(2024, 1, 1), at(6), BY, Regimen.TLD));
    // Her first ART start counts whenever it is, once she enrolled positive.
    assertThat(InfantRisk.diagnosedOn(earlyArt.facts(), ENROLLED)).contains(LocalDate.of(2023, 6, 1));
    assertThat(InfantRisk.diagnosedOn(earlyArt.facts(), ENROLLED.minusDays(1))).isEmpty();

    CaseFile tie = enrol(HivStatus.POSITIVE)
        .record(new MaternalHivTested(EventId.of("t-1"), ENROLLED, at(5), BY, HivTestResult.POSITIVE))
        .record(new ArtStarted(EventId.of("a-1"), ENROLLED, at(6), BY, Regimen.TLD));
    assertThat(InfantRisk.diagnosedOn(tie.facts(), ENROLLED)).contains(ENROLLED);
  }

  @Test
  void enrolled_negative_is_diagnosed_on_her_first_positive_test_by_the_date_whatever_her_art() {
    CaseFile file = enrol(HivStatus.NEGATIVE)
        .record(new ArtStarted(EventId.of("a-1"), LocalDate.of(2025, 4, 1), at(4), BY, Regimen.TLD))
        .record(new MaternalHivTested(EventId.of("t-0"), LocalDate.of(2025, 4, 10), at(5), BY, HivTestResult.NEGATIVE))
        .record(new MaternalHivTested(EventId.of("t-1"), LocalDate.of(2025, 5, 1), at(6), BY, HivTestResult.POSITIVE))
        .record(new MaternalHivTested(EventId.of("t-2"), LocalDate.of(2025, 6, 1), at(7), BY, HivTestResult.POSITIVE));
    assertThat(InfantRisk.diagnosedOn(file.facts(), LocalDate.of(2025, 4, 30))).isEmpty();
    assertThat(InfantRisk.diagnosedOn(file.facts(), LocalDate.of(2025, 5, 1))).contains(LocalDate.of(2025, 5, 1));
    assertThat(InfantRisk.diagnosedOn(file.facts(), LocalDate.of(2025, 7, 1))).contains(LocalDate.of(2025, 5, 1));
  }

  /** DQ-003 (Rule.ART_BEFORE_DIAGNOSIS): her first ART start by the date, before her first positive test. */
  @Test
  void art_before_diagnosis_names_the_first_art_start_by_the_date() {
    Protocol who = Protocol.who2021();
    CaseFile file = enrol(HivStatus.NEGATIVE)
        .record(new ArtStarted(EventId.of("a-1"), LocalDate.of(2025, 4, 1), at(4), BY, Regimen.TLD))
        .record(new ArtStarted(EventId.of("a-2"), LocalDate.of(2025, 4, 20), at(5), BY, Regimen.TLD))
        .record(new MaternalHivTested(EventId.of("t-1"), LocalDate.of(2025, 5, 1), at(6), BY, HivTestResult.POSITIVE));
    assertThat(dq003(file.evaluate(who, LocalDate.of(2025, 3, 31)))).isEmpty();
    assertThat(dq003(file.evaluate(who, LocalDate.of(2025, 4, 1))))
        .containsExactly(new DataQualityIssue(Rule.ART_BEFORE_DIAGNOSIS, EventId.of("a-1"), LocalDate.of(2025, 4, 1)));
    assertThat(dq003(file.evaluate(who, LocalDate.of(2025, 6, 1))))
        .containsExactly(new DataQualityIssue(Rule.ART_BEFORE_DIAGNOSIS, EventId.of("a-1"), LocalDate.of(2025, 4, 1)));

    CaseFile testedFirst = enrol(HivStatus.NEGATIVE)
        .record(new MaternalHivTested(EventId.of("t-1"), LocalDate.of(2025, 4, 1), at(4), BY, HivTestResult.POSITIVE))
        .record(new ArtStarted(EventId.of("a-1"), LocalDate.of(2025, 4, 1), at(5), BY, Regimen.TLD));
    assertThat(dq003(testedFirst.evaluate(who, LocalDate.of(2025, 6, 1)))).isEmpty(); // same day: not before

    CaseFile enrolledPositive = enrol(HivStatus.POSITIVE)
        .record(new ArtStarted(EventId.of("a-1"), LocalDate.of(2024, 4, 1), at(4), BY, Regimen.TLD));
    assertThat(dq003(enrolledPositive.evaluate(who, LocalDate.of(2025, 6, 1)))).isEmpty();
  }

  @Test
  void an_infants_tests_as_of_a_date_for_none_one_and_many() {
    LocalDate born = LocalDate.of(2025, 10, 1);
    CaseFile file = enrol(HivStatus.POSITIVE)
        .record(new ArtStarted(EventId.of("a-1"), ENROLLED, at(4), BY, Regimen.TLD))
        .record(new Delivered(EventId.of("d-1"), born, at(5), BY, ImmutableList.of(Birth.live(BABY, Birth.Sex.FEMALE, 3000))))
        .record(new FeedingRecorded(EventId.of("f-1"), born, at(6), BY, BABY, FeedingMode.EXCLUSIVE_BREASTFEEDING));
    assertThat(Pathway.testsAsOf(infant(file), born.plusDays(100))).isEmpty();

    InfantHivTested atBirth = new InfantHivTested(EventId.of("n-1"), born, at(7), BY, BABY, InfantTestType.NAT,
        InfantTestResult.NEGATIVE, Optional.of(LocalDate.of(2025, 10, 15)));
    file = file.record(atBirth);
    assertThat(Pathway.testsAsOf(infant(file), born.minusDays(1))).isEmpty(); // sampled after the date
    assertThat(Pathway.testsAsOf(infant(file), LocalDate.of(2025, 10, 14)))
        .containsExactly(pending(atBirth)); // its result comes the next day
    assertThat(Pathway.testsAsOf(infant(file), LocalDate.of(2025, 10, 15))).containsExactly(atBirth);

    InfantHivTested sixWeeks = new InfantHivTested(EventId.of("n-2"), LocalDate.of(2025, 11, 12), at(8), BY, BABY,
        InfantTestType.NAT, InfantTestResult.POSITIVE, Optional.of(LocalDate.of(2025, 11, 30)));
    InfantHivTested sameDay = new InfantHivTested(EventId.of("n-3"), LocalDate.of(2025, 11, 12), at(9), BY, BABY,
        InfantTestType.NAT, InfantTestResult.PENDING, Optional.empty());
    file = file.record(sixWeeks).record(sameDay);
    assertThat(Pathway.testsAsOf(infant(file), LocalDate.of(2025, 11, 11))).containsExactly(atBirth);
    assertThat(Pathway.testsAsOf(infant(file), LocalDate.of(2025, 11, 12)))
        .containsExactly(atBirth, pending(sixWeeks), sameDay);
    assertThat(Pathway.testsAsOf(infant(file), LocalDate.of(2025, 12, 1))).containsExactly(atBirth, sixWeeks, sameDay);
    // As the evaluation reads them.
    assertThat(file.evaluate(Protocol.who2021(), LocalDate.of(2025, 11, 12)).infants().get(0).tests())
        .containsExactly(atBirth, pending(sixWeeks), sameDay);
  }

  private static InfantHivTested pending(InfantHivTested test) {
    return new InfantHivTested(test.id(), test.occurredOn(), test.recordedAt(), test.recordedBy(), test.infantId(),
        test.testType(), InfantTestResult.PENDING, Optional.empty());
  }

  private static InfantFacts infant(CaseFile file) {
    return file.facts().infants().get(BABY);
  }

  private static ImmutableList<DataQualityIssue> dq003(CaseState state) {
    return state.issues().stream().filter(i -> i.rule() == Rule.ART_BEFORE_DIAGNOSIS).collect(ImmutableList.toImmutableList());
  }

  private static CaseFile enrol(HivStatus status) {
    return CaseFile.enrol(CaseId.of("assemble-review"), new Enrolled(EventId.of("e-1"), ENROLLED, at(0), BY,
        MotherId.of("m-1"), Protocol.who2021().ref(), status, Optional.of(LMP), Optional.empty(), Optional.empty()));
  }

  private static Instant at(int minutes) {
    return ENROLLED.atTime(12, 0).toInstant(ZoneOffset.UTC).plusSeconds(60L * minutes);
  }
}
