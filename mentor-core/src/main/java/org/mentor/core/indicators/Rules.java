package org.mentor.core.indicators;

import com.google.common.collect.Sets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.ArtStatus;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.FinalOutcome;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.InfantStatus;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.ViralLoadResulted;

/**
 * Each indicator's rule: how one case contributes, read off its snapshot. The numbers here are the
 * indicators' own definitions (shared/clinical/indicators.md §1–§3, versioned with
 * {@link Indicators#DEFINITION_VERSION}), not protocol values: a programme's protocol decides what is
 * due, the published definition decides what is counted.
 */
final class Rules {
  /** VER.1: suppressed at delivery means a result below 1000 copies/mL (indicators.md §2, HIV.IND.37). */
  static final int VER_1_SUPPRESSED_BELOW = 1000;
  /** PMTCT_EID, PMTCT_HEI_POS, VER.2: the first virologic sample by 12 months of age (§1, K3, K4). */
  static final int EID_AGE_LIMIT_MONTHS = 12;
  /** The 2-month age split of PMTCT_EID (≤, K3), PMTCT_HEI_POS and VER.2 (<), and VER.11's CTX limit (§1, §2). */
  static final int EARLY_AGE_MONTHS = 2;
  /** VER.14: a result returned within 4 weeks of the sample (§2, HIV.IND.125). */
  static final int TURNAROUND_DAYS = 28;
  /** VER.15: infants under 24 months (§2, HIV.IND.126). */
  static final int EARLY_ART_AGE_LIMIT_MONTHS = 24;
  /** PMTCT_FO: the birth cohort is the period moved back 24 months (K5). */
  static final int BIRTH_COHORT_LAG_MONTHS = 24;

  private Rules() {}

  /**
   * PMTCT_FO's birth cohort for a reporting period (K5), made once per report: the moved period's
   * label is text built from its dates.
   */
  static ReportingPeriod birthCohort(ReportingPeriod p) {
    return p.minusMonths(BIRTH_COHORT_LAG_MONTHS);
  }

  /**
   * One case's contributions to one indicator in a period.
   *
   * @param birthCohort {@link #birthCohort} of the period
   */
  static List<Contribution> contributions(Indicator indicator, CaseSnapshot c, ReportingPeriod p,
      ReportingPeriod birthCohort) {
    return switch (indicator) {
      case PMTCT_STAT -> pmtctStat(c, p);
      case PMTCT_STAT_POS -> pmtctStatPos(c, p);
      case PMTCT_ART -> pmtctArt(c, p);
      case PMTCT_EID -> pmtctEid(c, p);
      case PMTCT_HEI_POS -> confirmedPositives(Indicator.PMTCT_HEI_POS, c, p);
      case PMTCT_FO -> pmtctFo(c, birthCohort);
      case VER_1 -> ver1(c, p);
      case VER_2 -> ver2(c, p);
      case VER_3 -> ver3(c, p);
      case VER_4 -> ver4(c, p);
      case VER_7 -> ver7(c, p);
      case VER_8 -> ver8(c, p);
      case VER_10 -> ver10(c, p);
      case VER_11 -> ver11(c, p);
      case VER_14 -> ver14(c, p);
      case VER_15 -> confirmedPositives(Indicator.VER_15, c, p);
    };
  }

  // --- maternal indicators: the mother once per pregnancy (K8) ---------------------------------

  private static boolean positive(Category status) {
    return status == Category.KNOWN_POSITIVE || status == Category.NEWLY_TESTED_POSITIVE;
  }

  private static List<Contribution> pmtctStat(CaseSnapshot c, ReportingPeriod p) {
    if (!c.anc1In(p)) {
      return List.of();
    }
    Optional<Category> status = c.statusAtAnc1();
    return status.isPresent()
        ? List.of(pregnancy(Indicator.PMTCT_STAT, c, true, true, Set.of(status.get()), Set.of(Gap.MATERNAL_AGE_NOT_HELD)))
        : List.of(pregnancy(Indicator.PMTCT_STAT, c, false, true, Set.of(),
            Set.of(Gap.MATERNAL_AGE_NOT_HELD, Gap.HIV_STATUS_NOT_ASCERTAINED_AT_ANC1)));
  }

  /** Whether the case is in PMTCT_STAT_POS for the period: ANC1 in it and HIV-positive at ANC1. */
  private static boolean statPos(CaseSnapshot c, ReportingPeriod p) {
    return c.anc1In(p) && c.statusAtAnc1().isPresent() && positive(c.statusAtAnc1().get());
  }

  private static List<Contribution> pmtctStatPos(CaseSnapshot c, ReportingPeriod p) {
    if (!statPos(c, p)) {
      return List.of();
    }
    return List.of(pregnancy(Indicator.PMTCT_STAT_POS, c, true, false, Set.of(c.statusAtAnc1().orElseThrow()), Set.of()));
  }

  private static List<Contribution> pmtctArt(CaseSnapshot c, ReportingPeriod p) {
    if (!statPos(c, p)) {
      return List.of();
    }
    LocalDate limit = c.deliveredOn().orElse(c.evaluatedOn);
    Optional<LocalDate> art = c.firstArtStart().filter(s -> !s.isAfter(limit));
    Set<Gap> gaps = EnumSet.of(Gap.MATERNAL_AGE_NOT_HELD);
    Set<Category> timing = EnumSet.noneOf(Category.class);
    if (art.isPresent()) {
      Optional<LocalDate> lmp = c.datedLmp();
      if (lmp.isPresent()) {
        timing.add(art.get().isBefore(lmp.get()) ? Category.ALREADY_ON_ART : Category.NEW_ON_ART);
      } else if (!art.get().isBefore(c.anc1().orElseThrow())) {
        timing.add(Category.NEW_ON_ART); // started at or after ANC1: in this pregnancy
      } else {
        gaps.add(Gap.PREGNANCY_NOT_DATED);
      }
    }
    return List.of(pregnancy(Indicator.PMTCT_ART, c, art.isPresent(), true, timing, gaps));
  }

  /**
   * Whether she was newly tested positive in the period after ANC1 (HTS_TST_POS, post-ANC1
   * modality: pregnancy, labour and delivery, breastfeeding; K6): her first positive test is her
   * diagnosis, dated in the period, after ANC1 (or, enrolled postnatally, on or after enrolment).
   */
  private static boolean newlyPositiveAfterAnc1(CaseSnapshot c, ReportingPeriod p) {
    Optional<LocalDate> test = c.firstPositiveTest().map(PathwayEvent::occurredOn);
    if (test.isEmpty() || !p.contains(test.get()) || !c.diagnosedOn().equals(test)) {
      return false;
    }
    Optional<LocalDate> anc1 = c.anc1();
    return anc1.isPresent() ? test.get().isAfter(anc1.get()) : !test.get().isBefore(c.enrolment().occurredOn());
  }

  private static List<Contribution> pmtctEid(CaseSnapshot c, ReportingPeriod p) {
    List<Contribution> out = new ArrayList<>();
    if (statPos(c, p) || newlyPositiveAfterAnc1(c, p)) {
      out.add(pregnancy(Indicator.PMTCT_EID, c, false, true, Set.of(), Set.of()));
    }
    for (InfantState infant : infantsSampledIn(c, p)) {
      Optional<InfantHivTested> first = firstNat(infant);
      if (first.isEmpty() || !p.contains(first.get().sampleDate())
          || first.get().sampleDate().isAfter(infant.bornOn().plusMonths(EID_AGE_LIMIT_MONTHS))) {
        continue;
      }
      out.add(infant(Indicator.PMTCT_EID, c, infant.infantId(), true, false, Set.of(merAge(infant, first.get().sampleDate())), Set.of()));
    }
    return out;
  }

  /** K3: ≤ 2 months means a sample on or before birth + 2 calendar months. */
  private static Category merAge(InfantState infant, LocalDate sample) {
    return sample.isAfter(infant.bornOn().plusMonths(EARLY_AGE_MONTHS)) ? Category.AGE_2_TO_12_MONTHS : Category.AGE_0_TO_2_MONTHS;
  }

  private static List<Contribution> ver1(CaseSnapshot c, ReportingPeriod p) {
    if (!c.deliveredIn(p) || !c.positiveByDelivery() || !artStartedBy(c, c.deliveredOn().orElseThrow())) {
      return List.of();
    }
    LocalDate d = c.deliveredOn().orElseThrow();
    // K7: the sample must be dated exactly on the delivery date; of those, the first result returned by the cut-off.
    boolean sampledOnDelivery = false;
    ViralLoadResulted returned = null;
    for (ViralLoadResulted vl : c.facts.mother().viralLoads()) {
      if (!vl.sampleDate().equals(d)) {
        continue;
      }
      sampledOnDelivery = true;
      boolean returnedByCutOff = !vl.resultDate().isAfter(c.evaluatedOn);
      if (returnedByCutOff && (returned == null || vl.resultDate().isBefore(returned.resultDate()))) {
        returned = vl;
      }
    }
    if (!sampledOnDelivery) {
      return List.of(pregnancy(Indicator.VER_1, c, false, false, Set.of(),
          Set.of(Gap.MATERNAL_AGE_NOT_HELD, Gap.NO_VIRAL_LOAD_ON_DELIVERY_DATE)));
    }
    if (returned == null) {
      return List.of(pregnancy(Indicator.VER_1, c, false, false, Set.of(),
          Set.of(Gap.MATERNAL_AGE_NOT_HELD, Gap.VIRAL_LOAD_RESULT_AFTER_CUT_OFF)));
    }
    boolean suppressed = returned.result().isBelow(VER_1_SUPPRESSED_BELOW);
    Set<Gap> gaps = EnumSet.of(Gap.MATERNAL_AGE_NOT_HELD);
    Set<Category> timing = suppressed ? whoTiming(c, gaps) : Set.of();
    return List.of(pregnancy(Indicator.VER_1, c, suppressed, true, timing, gaps));
  }

  /** Whether her first ART start is on or before a day. */
  private static boolean artStartedBy(CaseSnapshot c, LocalDate day) {
    Optional<LocalDate> start = c.firstArtStart();
    return start.isPresent() && !start.get().isAfter(day);
  }

  /**
   * WHO ART timing (VER.4): on ART before ANC1, started from ANC1 up to the day before delivery, or
   * on the delivery date. A case enrolled at or after delivery has no ANC1 to compare with.
   */
  private static Set<Category> whoTiming(CaseSnapshot c, Set<Gap> gaps) {
    LocalDate start = c.firstArtStart().orElseThrow();
    LocalDate delivered = c.deliveredOn().orElseThrow();
    if (start.equals(delivered)) {
      return Set.of(Category.STARTED_AT_DELIVERY);
    }
    Optional<LocalDate> anc1 = c.anc1();
    if (anc1.isEmpty()) {
      gaps.add(Gap.NO_ANTENATAL_VISIT);
      return Set.of();
    }
    return Set.of(start.isBefore(anc1.get()) ? Category.ON_ART_BEFORE_ANC1 : Category.STARTED_IN_PREGNANCY);
  }

  /** The denominator shared by VER.2, VER.3, VER.11: HIV-positive women who delivered in the period. */
  private static Optional<Contribution> deliveredPositive(Indicator indicator, CaseSnapshot c, ReportingPeriod p) {
    return c.deliveredIn(p) && c.positiveByDelivery()
        ? Optional.of(pregnancy(indicator, c, false, true, Set.of(), Set.of()))
        : Optional.empty();
  }

  private static List<Contribution> ver4(CaseSnapshot c, ReportingPeriod p) {
    if (!c.deliveredIn(p) || !c.positiveByDelivery()) {
      return List.of();
    }
    boolean onArt = artStartedBy(c, c.deliveredOn().orElseThrow());
    Set<Gap> gaps = EnumSet.noneOf(Gap.class);
    Set<Category> timing = onArt ? whoTiming(c, gaps) : Set.of();
    return List.of(pregnancy(Indicator.VER_4, c, onArt, true, timing, gaps));
  }

  private static List<Contribution> ver7(CaseSnapshot c, ReportingPeriod p) {
    Optional<Category> status = c.anc1In(p) ? c.statusAtAnc1() : Optional.empty();
    if (status.isEmpty() || status.get() == Category.KNOWN_POSITIVE) {
      return List.of(); // only women tested at ANC1
    }
    return List.of(pregnancy(Indicator.VER_7, c, status.get() == Category.NEWLY_TESTED_POSITIVE, true, Set.of(), Set.of()));
  }

  private static List<Contribution> ver8(CaseSnapshot c, ReportingPeriod p) {
    if (!c.anc1In(p) || !c.statusAtAnc1().equals(Optional.of(Category.NEWLY_TESTED_NEGATIVE))) {
      return List.of();
    }
    LocalDate anc1 = c.anc1().orElseThrow();
    LocalDate until = c.deliveredOn().orElse(c.evaluatedOn); // during pregnancy or at labour and delivery
    return List.of(pregnancy(Indicator.VER_8, c, c.testedBetween(anc1, until), true, Set.of(), Set.of()));
  }

  private static List<Contribution> ver10(CaseSnapshot c, ReportingPeriod p) {
    if (!c.deliveredIn(p) || !c.positiveByDelivery()) {
      return List.of();
    }
    LocalDate dayBefore = c.deliveredOn().orElseThrow().minusDays(1);
    if (!artStartedBy(c, dayBefore)) {
      return List.of();
    }
    // On ART at delivery: the same evaluation, as of the day before delivery, since the delivery is
    // itself a clinical contact that would return an interrupted mother to care that day.
    CaseState atDelivery = c.stateOn(dayBefore);
    Retention retention = atDelivery.mother().retentionStatus();
    boolean retained = atDelivery.mother().artStatus() == ArtStatus.ON_ART
        && retention != Retention.INTERRUPTED && retention != Retention.TRANSFERRED_OUT && retention != Retention.DIED;
    return List.of(pregnancy(Indicator.VER_10, c, retained, true, Set.of(), Set.of()));
  }

  // --- infant indicators: each infant (each twin) once (K8) ------------------------------------

  /** The infant's first NAT by sample date (the earliest listed, on a tie). */
  private static Optional<InfantHivTested> firstNat(InfantState infant) {
    InfantHivTested first = null;
    for (InfantHivTested test : infant.tests()) {
      if (test.testType() == InfantTestType.NAT && (first == null || test.sampleDate().isBefore(first.sampleDate()))) {
        first = test;
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * The case's infants, if a test of theirs was sampled in the period, else none: the rules that
   * count tests by sample date then need not evaluate the case.
   */
  private static List<InfantState> infantsSampledIn(CaseSnapshot c, ReportingPeriod p) {
    return c.infantSampledIn(p) ? c.state().infants() : List.of();
  }

  /** HIV-exposed infants born in the period: live-born, mother known positive by the cut-off. */
  private static List<InfantState> exposedBornIn(CaseSnapshot c, ReportingPeriod p) {
    if (!c.infantBornIn(p) || !c.motherPositive()) { // births first: they need no evaluation
      return List.of();
    }
    List<InfantState> born = new ArrayList<>(c.state().infants().size());
    for (InfantState infant : c.state().infants()) {
      if (p.contains(infant.bornOn())) {
        born.add(infant);
      }
    }
    return born;
  }

  private static List<Contribution> ver2(CaseSnapshot c, ReportingPeriod p) {
    List<Contribution> out = new ArrayList<>();
    deliveredPositive(Indicator.VER_2, c, p).ifPresent(out::add);
    for (InfantState infant : exposedBornIn(c, p)) {
      Optional<InfantHivTested> first = firstNat(infant);
      if (first.isEmpty() || first.get().sampleDate().isAfter(infant.bornOn().plusMonths(EID_AGE_LIMIT_MONTHS))) {
        continue;
      }
      Category age = first.get().sampleDate().isBefore(infant.bornOn().plusMonths(EARLY_AGE_MONTHS))
          ? Category.AGE_UNDER_2_MONTHS : Category.AGE_2_MONTHS_TO_12_MONTHS;
      out.add(infant(Indicator.VER_2, c, infant.infantId(), true, false, Set.of(age, result(first.get().result())), Set.of()));
    }
    return out;
  }

  private static Category result(InfantTestResult result) {
    return switch (result) {
      case POSITIVE -> Category.NAT_POSITIVE;
      case NEGATIVE -> Category.NAT_NEGATIVE;
      case INDETERMINATE -> Category.NAT_INDETERMINATE;
      case PENDING -> Category.NAT_PENDING;
    };
  }

  private static List<Contribution> ver3(CaseSnapshot c, ReportingPeriod p) {
    List<Contribution> out = new ArrayList<>();
    deliveredPositive(Indicator.VER_3, c, p).ifPresent(out::add);
    for (InfantState infant : exposedBornIn(c, p)) {
      Optional<InfantProphylaxisStarted> start = c.infant(infant.infantId()).prophylaxis()
          .earliest(e -> e.kind() == EventKind.INFANT_PROPHYLAXIS_STARTED).map(InfantProphylaxisStarted.class::cast);
      // K7: started on the date of birth; a start the next day does not count.
      if (start.isPresent() && start.get().occurredOn().equals(infant.bornOn())) {
        out.add(infant(Indicator.VER_3, c, infant.infantId(), true, false, Set.of(regimen(start.get())), Set.of()));
      }
    }
    return out;
  }

  private static Category regimen(InfantProphylaxisStarted start) {
    return switch (start.regimen()) {
      case NVP -> Category.NVP;
      case AZT -> Category.AZT;
      case AZT_NVP -> Category.AZT_NVP;
      case THREE_DRUG -> Category.THREE_DRUG;
    };
  }

  private static List<Contribution> ver11(CaseSnapshot c, ReportingPeriod p) {
    List<Contribution> out = new ArrayList<>();
    deliveredPositive(Indicator.VER_11, c, p).ifPresent(out::add);
    for (InfantState infant : exposedBornIn(c, p)) {
      LocalDate limit = infant.bornOn().plusMonths(EARLY_AGE_MONTHS);
      boolean started = c.infant(infant.infantId()).cotrimoxazole()
          .any(e -> e.kind() == EventKind.COTRIMOXAZOLE_STARTED && !e.occurredOn().isAfter(limit)
              && !e.occurredOn().isAfter(c.evaluatedOn));
      if (started) {
        out.add(infant(Indicator.VER_11, c, infant.infantId(), true, false, Set.of(), Set.of()));
      }
    }
    return out;
  }

  private static List<Contribution> ver14(CaseSnapshot c, ReportingPeriod p) {
    List<Contribution> out = new ArrayList<>();
    for (InfantState infant : infantsSampledIn(c, p)) {
      for (InfantHivTested test : infant.tests()) {
        if (test.testType() != InfantTestType.NAT || !p.contains(test.sampleDate())) {
          continue;
        }
        Unit unit = Unit.test(c.caseId, infant.infantId(), c.rootOf(test.id()));
        LocalDate deadline = test.sampleDate().plusDays(TURNAROUND_DAYS);
        if (test.resultDate().isPresent()) {
          out.add(count(Indicator.VER_14, c, unit, !test.resultDate().get().isAfter(deadline), true, Set.of(), Set.of()));
        } else if (!c.evaluatedOn.isBefore(deadline)) {
          out.add(count(Indicator.VER_14, c, unit, false, true, Set.of(), Set.of())); // still pending after 4 weeks
        } else {
          out.add(count(Indicator.VER_14, c, unit, false, false, Set.of(), Set.of(Gap.RESULT_PENDING_WITHIN_4_WEEKS)));
        }
      }
    }
    return out;
  }

  /**
   * PMTCT_HEI_POS and VER.15 (K4): infants confirmed HIV-positive in the period, by the sample date
   * of the confirming test (a positive on a sample after the first positive, E1–E2; the pathway
   * always asks for confirmation), with age taken at the first positive sample. A first positive
   * in the period still awaiting confirmation is listed, not counted.
   */
  private static List<Contribution> confirmedPositives(Indicator indicator, CaseSnapshot c, ReportingPeriod p) {
    List<Contribution> out = new ArrayList<>();
    int ageLimit = indicator == Indicator.PMTCT_HEI_POS ? EID_AGE_LIMIT_MONTHS : EARLY_ART_AGE_LIMIT_MONTHS;
    for (InfantState infant : infantsSampledIn(c, p)) {
      InfantHivTested first = firstPositiveSampledAfter(infant, null);
      if (first == null) {
        continue;
      }
      LocalDate ageBy = infant.bornOn().plusMonths(ageLimit);
      boolean young = indicator == Indicator.PMTCT_HEI_POS ? !first.sampleDate().isAfter(ageBy) : first.sampleDate().isBefore(ageBy);
      if (!young) {
        continue;
      }
      InfantHivTested confirming = firstPositiveSampledAfter(infant, first.sampleDate());
      if (infant.hivStatus() == InfantStatus.HIV_POSITIVE && confirming != null && p.contains(confirming.sampleDate())) {
        InfantFacts facts = c.infant(infant.infantId());
        Optional<LocalDate> art = facts.artStart().map(PathwayEvent::occurredOn).filter(d -> !d.isAfter(c.evaluatedOn));
        if (indicator == Indicator.PMTCT_HEI_POS) {
          Category started = art.isPresent() ? Category.STARTED_ART : Category.NOT_STARTED_ART;
          out.add(infant(indicator, c, infant.infantId(), true, false, Set.of(merAge(infant, first.sampleDate()), started), Set.of()));
        } else {
          // VER.15: ART the same day as the diagnosis became known (the first positive result's date).
          boolean sameDay = art.isPresent() && art.equals(first.resultDate());
          out.add(infant(indicator, c, infant.infantId(), sameDay, true, Set.of(), Set.of()));
        }
      } else if (infant.hivStatus() == InfantStatus.PRESUMPTIVE_POSITIVE && p.contains(first.sampleDate())) {
        out.add(infant(indicator, c, infant.infantId(), false, false, Set.of(), Set.of(Gap.CONFIRMATION_PENDING)));
      }
    }
    return out;
  }

  /**
   * The infant's earliest positive test sampled after a day (any day, if null): the earliest listed
   * on a tie, as a stable sort by sample date would put first.
   */
  private static @Nullable InfantHivTested firstPositiveSampledAfter(InfantState infant, @Nullable LocalDate day) {
    InfantHivTested first = null;
    for (InfantHivTested test : infant.tests()) {
      if (test.result() == InfantTestResult.POSITIVE && (day == null || test.sampleDate().isAfter(day))
          && (first == null || test.sampleDate().isBefore(first.sampleDate()))) {
        first = test;
      }
    }
    return first;
  }

  private static List<Contribution> pmtctFo(CaseSnapshot c, ReportingPeriod cohort) {
    List<Contribution> out = new ArrayList<>();
    for (InfantState infant : exposedBornIn(c, cohort)) {
      Set<Gap> gaps = EnumSet.noneOf(Gap.class);
      Optional<Category> outcome = infant.outcome().map(o -> outcome(o.category()));
      if (outcome.isEmpty()) {
        gaps.add(Gap.NO_OUTCOME_BY_CUT_OFF);
      }
      boolean settled = outcome.map(o -> o == Category.HIV_INFECTED || o == Category.DIED_WITHOUT_STATUS_KNOWN).orElse(false);
      if (!settled && c.infant(infant.infantId()).feedingOn(c.evaluatedOn).isEmpty()) {
        gaps.add(Gap.FEEDING_NOT_RECORDED);
      }
      out.add(infant(Indicator.PMTCT_FO, c, infant.infantId(), outcome.isPresent(), true,
          outcome.map(Set::of).orElse(Set.of()), gaps));
    }
    return out;
  }

  /** infant.md §5, F8: F2 infected; F3 uninfected; F5, F6, F7 unknown; F4 died without status known. */
  private static Category outcome(FinalOutcome.Category category) {
    return switch (category) {
      case HIV_POSITIVE -> Category.HIV_INFECTED;
      case HIV_NEGATIVE -> Category.HIV_UNINFECTED;
      case LOST_TO_FOLLOW_UP, TRANSFERRED_OUT, NOT_TESTED_AT_FINAL_AGE -> Category.HIV_FINAL_STATUS_UNKNOWN;
      case DIED -> Category.DIED_WITHOUT_STATUS_KNOWN;
    };
  }

  // --- building contributions ------------------------------------------------------------------

  private static Contribution pregnancy(Indicator indicator, CaseSnapshot c, boolean numerator, boolean denominator,
      Set<Category> categories, Set<Gap> gaps) {
    return count(indicator, c, Unit.pregnancy(c.caseId), numerator, denominator, categories, gaps);
  }

  private static Contribution infant(Indicator indicator, CaseSnapshot c, InfantId infantId, boolean numerator,
      boolean denominator, Set<Category> categories, Set<Gap> gaps) {
    return count(indicator, c, Unit.infant(c.caseId, infantId), numerator, denominator, categories, gaps);
  }

  private static Contribution count(Indicator indicator, CaseSnapshot c, Unit unit, boolean numerator, boolean denominator,
      Set<Category> categories, Set<Gap> gaps) {
    // Enum sets straight away: the contribution keeps them so, and copying twice costs in every report.
    return new Contribution(indicator, unit, c.protocol(), numerator, denominator, Sets.immutableEnumSet(categories),
        Sets.immutableEnumSet(gaps));
  }
}
