package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.result.LoadKind;
import org.mentor.sim.result.Resource;
import org.mentor.sim.result.ResourceUse;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.scenario.Scenario;

/** What each arm uses, counted over its pairs' follow-up, against what must hold by construction. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResourceCountTest {
  /** On ART before pregnancy, never lost, never dying, one infant, always suppressed: every infant is low risk. */
  private static Scenario.Builder orderly() {
    return Scenario.builder().pairs(48).seed(3).set("booking.onArtShare", 1.0).set("booking.diagnosedShare", 0.0)
        .set("retention.ltfuHazardEarly", 0.0).set("retention.ltfuHazardLater", 0.0).set("mortality.maternalPerMonth", 0.0)
        .set("mortality.infantPerMonth", 0.0).set("pregnancy.twinProbability", 0.0).set("adherence.monthly.alpha", 1000.0)
        .set("adherence.monthly.beta", 0.001).set("attendance.onTime", 1.0).set("mentor.onTime", 1.0);
  }

  @Test
  void in_care_on_ART_from_booking_every_supported_day_is_an_ART_day_and_low_risk_infants_get_6_weeks_of_NVP() {
    Scenario mentors = orderly().name("mentor").build();
    ArmComparison c = Simulation.compare(mentors, mentors.toBuilder().name("none").mentorSupport(false).build()).threads(2)
        .indicators(false).runComparison();
    ResourceUse m = c.a().resources();
    ResourceUse n = c.b().resources();
    assertThat(m.total(Resource.MENTOR_CLIENT_DAYS)).isPositive().isEqualTo(m.total(Resource.MATERNAL_ART_DAYS));
    assertThat(n.total(Resource.MENTOR_CLIENT_DAYS)).isZero();
    assertThat(n.total(Resource.MENTOR_CONTACTS)).isZero();
    // WHO 2021 P1 (infant.md §2): low-risk infants get NVP for 42 days; nobody here is high risk
    assertThat(m.total(Resource.PROPHYLAXIS_NVP_DAYS)).isEqualTo(42L * 48);
    assertThat(m.total(Resource.PROPHYLAXIS_AZT_NVP_DAYS)).isZero();
    assertThat(m.total(Resource.INFANT_ART_DAYS)).isLessThanOrEqualTo(m.total(Resource.INFANT_CTX_DAYS));
  }

  @Test
  void with_losses_ART_days_never_exceed_days_in_care_and_tests_and_visits_are_the_monthly_load() {
    Scenario s = Scenario.builder().pairs(64).seed(11).name("mentor").build();
    SimulationResult r = Simulation.of(s).threads(2).indicators(false).run();
    ResourceUse use = r.resources();
    assertThat(use.pairs()).isEqualTo(64);
    assertThat(use.total(Resource.MATERNAL_ART_DAYS)).isPositive()
        .isLessThanOrEqualTo(use.total(Resource.MENTOR_CLIENT_DAYS));
    assertThat(use.total(Resource.CLINIC_VISITS)).isEqualTo(sum(r, LoadKind.CLINIC_VISITS));
    assertThat(use.total(Resource.NAT_TESTS)).isEqualTo(sum(r, LoadKind.NAT_TESTS));
    assertThat(use.total(Resource.VIRAL_LOADS)).isEqualTo(sum(r, LoadKind.VIRAL_LOADS));
    assertThat(use.total(Resource.ANTIBODY_TESTS)).isEqualTo(sum(r, LoadKind.ANTIBODY_TESTS));
    assertThat(use.total(Resource.MENTOR_CONTACTS)).isEqualTo(sum(r, LoadKind.MENTOR_CONTACTS));
    // no pair is followed for more than 45 weeks of pregnancy and 36 months after delivery
    assertThat(use.total(Resource.MENTOR_CLIENT_DAYS)).isLessThan(64L * (45 * 7 + 36 * 31));
  }

  private static long sum(SimulationResult r, LoadKind kind) {
    long total = 0;
    for (int m = 0; m < r.load().months(); m++) {
      total += r.load().get(kind, m);
    }
    return total;
  }
}
