package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Period;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.result.Proportion;
import org.mentor.sim.run.CohortProbe.Anchor;
import org.mentor.sim.scenario.Scenario;

/**
 * The loss hazard by period of the pair's course (retention.periodHazard.*): each period's hazard acts
 * in that period only, and mentor support scales it. Hand-worked: a constant hazard h over t months
 * keeps e^(−h·t); 6 weeks are 42 / 30.4375 = 1.380 months. Losses are dated to the nearest day, so a
 * period's edge is sharp to within a day (± 1 point here).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LossPeriodsTest {
  private static final int PAIRS = 20_000;

  /** No losses but the period hazards, no returns, no deaths. */
  private static Scenario.Builder only() {
    return Scenario.builder().pairs(PAIRS).seed(3).mentorSupport(false).set("retention.ltfuHazardEarly", 0.0)
        .set("retention.ltfuHazardLater", 0.0).set("retention.returnHazard", 0.0).set("mortality.maternalPerMonth", 0.0)
        .set("feeding.neverBreastfedShare", 0.0);
  }

  private static double inCare(Scenario s, Anchor anchor, Period after) {
    Proportion p = CohortProbe.inCare(s, anchor, after);
    return (double) p.numerator() / p.denominator();
  }

  @Test
  void a_peripartum_hazard_acts_only_in_the_weeks_after_delivery() {
    Scenario s = only().set("retention.periodHazard.peripartum", 0.3).build();
    assertThat(inCare(s, Anchor.BIRTH, Period.ZERO)).isCloseTo(1.0, within(0.01)); // nobody lost in pregnancy (a loss within half a day of delivery is dated on it)
    double sixWeeks = Math.exp(-0.3 * 42 / 30.4375); // 0.661
    assertThat(inCare(s, Anchor.BIRTH, Period.ofWeeks(6))).isCloseTo(sixWeeks, within(0.01));
    assertThat(inCare(s, Anchor.BIRTH, Period.ofMonths(18))).isCloseTo(sixWeeks, within(0.01)); // no losses after
  }

  @Test
  void the_peripartum_window_has_its_stated_length() {
    Scenario s = only().set("retention.periodHazard.peripartum", 0.3).set("retention.peripartumWeeks", 12).build();
    assertThat(inCare(s, Anchor.BIRTH, Period.ofWeeks(12))).isCloseTo(Math.exp(-0.3 * 84 / 30.4375), within(0.01)); // 0.437
  }

  @Test
  void a_pregnancy_hazard_acts_from_booking_to_delivery() {
    Scenario s = only().set("retention.periodHazard.pregnancy", 0.1).build();
    assertThat(inCare(s, Anchor.ENROLMENT, Period.ofMonths(1))).isCloseTo(Math.exp(-0.1), within(0.01)); // booking ≥ 1 week before delivery; most ≥ 1 month
    assertThat(inCare(s, Anchor.BIRTH, Period.ofMonths(18))).isEqualTo(inCare(s, Anchor.BIRTH, Period.ZERO));
  }

  @Test
  void an_after_weaning_hazard_starts_when_breastfeeding_stops() {
    Scenario s = only().set("retention.periodHazard.afterWeaning", 0.2).build();
    assertThat(inCare(s, Anchor.END_OF_BREASTFEEDING, Period.ZERO)).isCloseTo(1.0, within(0.01));
    assertThat(inCare(s, Anchor.END_OF_BREASTFEEDING, Period.ofMonths(3))).isCloseTo(Math.exp(-0.2 * 3), within(0.01)); // 0.549
  }

  @Test
  void a_breastfeeding_hazard_stops_at_weaning() {
    Scenario s = only().set("retention.periodHazard.breastfeeding", 0.05).build();
    assertThat(inCare(s, Anchor.BIRTH, Period.ofWeeks(6))).isCloseTo(1.0, within(0.01));
    double atWeaning = inCare(s, Anchor.END_OF_BREASTFEEDING, Period.ZERO);
    assertThat(atWeaning).isLessThan(0.7); // 15 months on average, e^(−0.05·13.6) ≈ 0.5
    assertThat(inCare(s, Anchor.END_OF_BREASTFEEDING, Period.ofMonths(6))).isEqualTo(atWeaning);
  }

  @Test
  void mentor_support_multiplies_every_period_hazard() {
    Scenario none = only().set("retention.periodHazard.peripartum", 0.3).set("retention.periodHazard.afterWeaning", 0.2).build();
    Scenario mentor = none.toBuilder().mentorSupport(true).set("mentor.ltfuHazardRatio", 0.25).build();
    double hrAt6Weeks = Math.log(inCare(mentor, Anchor.BIRTH, Period.ofWeeks(6))) / Math.log(inCare(none, Anchor.BIRTH, Period.ofWeeks(6)));
    assertThat(hrAt6Weeks).isCloseTo(0.25, within(0.02));
  }
}
