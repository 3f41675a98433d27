package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.scenario.Scenario;
import org.mentor.sim.scenario.TransmissionModel;

/**
 * The transmission model against the numbers of ../shared/clinical/transmission.md on large
 * synthetic cohorts. Each observed count must lie in the exact two-sided 99.9 % acceptance region
 * of Binomial(n, p) with p the table's number; the seeds are fixed, so the test never flakes, and a
 * risk off by a tenth of itself falls outside the region.
 *
 * <p>The cohorts run the mother's course and the infant's infection draws without the registry
 * (the full walk is tested by {@link SimulationTest}); nobody is lost, dies or has twins.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TransmissionModelTest {

  private static Scenario.Builder cohort() {
    return Scenario.builder().seed(20240108).set("retention.ltfuHazardEarly", 0.0).set("retention.ltfuHazardLater", 0.0)
        .set("mortality.maternalPerMonth", 0.0).set("mortality.infantPerMonth", 0.0).set("pregnancy.twinProbability", 0.0);
  }

  private static Scenario.Builder neverBreastfed(Scenario.Builder b) {
    return b.set("feeding.neverBreastfedShare", 1.0);
  }

  /** Breastfed for exactly 12 (or 24) months, no peripartum risk, so only the monthly risk acts. */
  private static Scenario.Builder breastfedFor(Scenario.Builder b, double months) {
    return b.set("feeding.neverBreastfedShare", 0.0).set("feeding.durationMonths.mean", months)
        .set("feeding.durationMonths.sd", 0.0001).set("feeding.durationMonths.min", months - 0.001)
        .set("feeding.durationMonths.max", months + 0.001);
  }

  private static Scenario.Builder onArtBeforePregnancy(Scenario.Builder b) {
    return b.set("booking.onArtShare", 1.0).set("booking.diagnosedShare", 0.0);
  }

  private static Scenario.Builder diagnosedAtBooking(Scenario.Builder b) {
    return b.set("booking.onArtShare", 0.0).set("booking.diagnosedShare", 1.0);
  }

  /** Infected first infants out of n pairs; {@code artAtBooking} starts ART at booking for diagnosed women. */
  private static long infected(Scenario s, int n, boolean artAtBooking) {
    long infected = 0;
    for (int i = 0; i < n; i++) {
      PairPlan plan = new PairPlan(s, i);
      MotherCourse mother = new MotherCourse(plan, s);
      if (artAtBooking) {
        mother.startArt(plan.booking);
      }
      InfantInfection infant = new InfantInfection(s, plan, mother, 0);
      infant.advanceTo(LocalDate.MAX);
      infected += infant.infectedOn() != null ? 1 : 0;
    }
    return infected;
  }

  private static void assertBinomial(long observed, int n, double p) {
    BinomialDistribution b = BinomialDistribution.of(n, p);
    int low = b.inverseCumulativeProbability(0.0005);
    int high = b.inverseCumulativeProbability(0.9995);
    assertThat(observed).as("%d of %d against p = %s (99.9%% region %d..%d)", observed, n, p, low, high)
        .isBetween((long) low, (long) high);
  }

  @Test // T12: ART started before pregnancy, peripartum 0.5%
  void peripartum_risk_on_ART_from_before_pregnancy_is_T12() {
    Scenario s = neverBreastfed(onArtBeforePregnancy(cohort())).build();
    assertBinomial(infected(s, 200_000, false), 200_000, 0.005);
  }

  @Test // T11: ART started during pregnancy, peripartum 2%
  void peripartum_risk_on_ART_started_in_pregnancy_is_T11() {
    Scenario s = neverBreastfed(diagnosedAtBooking(cohort())).build();
    assertBinomial(infected(s, 50_000, true), 50_000, 0.02);
  }

  @Test // T3: no ART at delivery (CD4 not specified), peripartum 22%
  void peripartum_risk_without_ART_is_T3() {
    Scenario s = neverBreastfed(diagnosedAtBooking(cohort())).build();
    assertBinomial(infected(s, 20_000, false), 20_000, 0.22);
  }

  @Test // T1: the mother acquires HIV in pregnancy, peripartum 30%
  void peripartum_risk_after_an_incident_infection_in_pregnancy_is_T1() {
    Scenario s = neverBreastfed(cohort()).set("booking.onArtShare", 0.0).set("booking.diagnosedShare", 0.0)
        .set("booking.negativeShare", 1.0).set("booking.incidencePerMonth", 30.0).build();
    assertBinomial(infected(s, 20_000, false), 20_000, 0.30);
  }

  @Test // §1 derived: 0.16% per month (T12) gives 1.9% over 12 months and 3.8% over 24
  void twelve_and_twenty_four_months_of_breastfeeding_on_ART_from_before_pregnancy_give_the_derived_1_9_and_3_8_percent() {
    Scenario twelve = breastfedFor(onArtBeforePregnancy(cohort()), 12).set("transmission.peripartum.artBeforePregnancy", 0.0)
        .build();
    assertBinomial(infected(twelve, 200_000, false), 200_000, 0.019);
    Scenario twentyFour = breastfedFor(onArtBeforePregnancy(cohort()), 24)
        .set("transmission.peripartum.artBeforePregnancy", 0.0).build();
    assertBinomial(infected(twentyFour, 100_000, false), 100_000, 0.038);
  }

  @Test // §1 derived: 0.2% per month (T11) gives 2.4% over 12 months
  void twelve_months_of_breastfeeding_on_ART_started_in_pregnancy_give_the_derived_2_4_percent() {
    Scenario s = breastfedFor(diagnosedAtBooking(cohort()), 12).set("transmission.peripartum.artInPregnancy", 0.0).build();
    assertBinomial(infected(s, 100_000, true), 100_000, 0.024);
  }

  @Test // §1 derived: off ART, 1.57% per month (CD4 < 350, T4/T5) gives 17.3%; 0.51% (CD4 > 350, T6) gives 6.0%
  void twelve_months_of_breastfeeding_off_ART_give_the_derived_17_3_and_6_0_percent_by_CD4() {
    Scenario low = breastfedFor(diagnosedAtBooking(cohort()), 12).set("transmission.peripartum.noArt", 0.0)
        .set("adherence.cd4Below350Share", 1.0).build();
    assertBinomial(infected(low, 20_000, false), 20_000, 0.173);
    Scenario high = breastfedFor(diagnosedAtBooking(cohort()), 12).set("transmission.peripartum.noArt", 0.0)
        .set("adherence.cd4Below350Share", 0.0).build();
    assertBinomial(infected(high, 40_000, false), 40_000, 0.060);
  }

  @Test // S4: by viral load at delivery, < 50 -> 0.2%, 50-1000 -> 1%, > 1000 on ART -> 5%
  void peripartum_risk_by_viral_load_is_S4() {
    Scenario.Builder banded = neverBreastfed(onArtBeforePregnancy(cohort())).transmissionModel(TransmissionModel.VIRAL_LOAD_BANDED);
    Scenario below50 = banded.set("adherence.lowLevelFrom", 0.0).set("adherence.suppressedFrom", 0.0).build();
    assertBinomial(infected(below50, 200_000, false), 200_000, 0.002);
    Scenario lowLevel = banded.set("adherence.lowLevelFrom", 0.0).set("adherence.suppressedFrom", 1.0).build();
    assertBinomial(infected(lowLevel, 50_000, false), 50_000, 0.01);
    Scenario unsuppressed = banded.set("adherence.lowLevelFrom", 1.0).set("adherence.suppressedFrom", 1.0).build();
    assertBinomial(infected(unsuppressed, 20_000, false), 20_000, 0.05);
  }

  @Test // S5: < 50 -> 0.05% per month of breastfeeding: 1 - (1 - 0.0005)^12 over 12 months
  void breastfeeding_risk_while_suppressed_is_S5() {
    Scenario s = breastfedFor(onArtBeforePregnancy(cohort()), 12).transmissionModel(TransmissionModel.VIRAL_LOAD_BANDED)
        .set("transmission.vlBanded.peripartum.below50", 0.0).set("adherence.lowLevelFrom", 0.0)
        .set("adherence.suppressedFrom", 0.0).build();
    assertBinomial(infected(s, 200_000, false), 200_000, 1 - Math.pow(1 - 0.0005, 12));
  }

  @Test // T2: a mother who acquires HIV while breastfeeding transmits with overall risk 28%
  void an_incident_infection_while_breastfeeding_transmits_with_T2() {
    Scenario s = breastfedFor(cohort(), 24).set("booking.onArtShare", 0.0).set("booking.diagnosedShare", 0.0)
        .set("booking.negativeShare", 1.0).set("booking.incidencePerMonth", 0.05).build();
    long exposed = 0;
    long infected = 0;
    for (int i = 0; i < 40_000; i++) {
      PairPlan plan = new PairPlan(s, i);
      LocalDate incident = plan.incidentInfection;
      if (incident == null || incident.isBefore(plan.delivery) || !incident.isBefore(plan.weaned)) {
        continue;
      }
      InfantInfection infant = new InfantInfection(s, plan, new MotherCourse(plan, s), 0);
      infant.advanceTo(LocalDate.MAX);
      exposed++;
      infected += infant.infectedOn() != null ? 1 : 0;
    }
    assertThat(exposed).isGreaterThan(10_000);
    assertBinomial(infected, (int) exposed, 0.28);
  }
}
