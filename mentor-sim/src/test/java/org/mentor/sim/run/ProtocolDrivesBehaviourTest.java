package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.scenario.Scenario;

/**
 * The same cohort under WHO 2021 and South Africa 2023: the engine's schedule, not the simulator,
 * decides which infant tests happen and when (../shared/clinical/infant.md §3a NAT_6W window day 28,
 * due day 42, NAT_9M; §3b BIRTH_PCR at birth, PCR_10W window day 63, due day 70, PCR_6M).
 * Transmission is off, so no positive result adds a confirmatory test.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProtocolDrivesBehaviourTest {
  private static final int PAIRS = 150;

  private static Scenario cohort(String protocol) {
    Scenario.Builder b = Scenario.builder().name(protocol).pairs(PAIRS).seed(11).protocol(protocol);
    for (String p : List.of("peripartum.artBeforePregnancy", "peripartum.artInPregnancy", "peripartum.noArt",
        "peripartum.incidentInPregnancy", "breastfeedingPerMonth.artBeforePregnancy", "breastfeedingPerMonth.artInPregnancy",
        "breastfeedingPerMonth.noArtCd4Below350", "breastfeedingPerMonth.noArtCd4Above350")) {
      b.set("transmission." + p, 0.0);
    }
    return b.build();
  }

  /** For each pair's first infant, the age in days at each NAT sample, in order. */
  private static List<List<Integer>> natAgesPerInfant(Scenario s) {
    List<List<Integer>> all = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      Delivered delivery = null;
      List<Integer> ages = new ArrayList<>();
      for (ImmutableList<PathwayEvent> batch : Simulation.eventsOf(s, i)) {
        for (PathwayEvent e : batch) {
          if (e instanceof Delivered d) {
            delivery = d;
          } else if (e instanceof InfantHivTested t && t.testType() == InfantTestType.NAT
              && t.infantId().equals(delivery.births().get(0).infantId())) {
            ages.add((int) (t.occurredOn().toEpochDay() - delivery.occurredOn().toEpochDay()));
          }
        }
      }
      all.add(ages);
    }
    return all;
  }

  /** The age at every NAT of every pair's first infant. */
  private static List<Integer> natAges(Scenario s) {
    return natAgesPerInfant(s).stream().flatMap(List::stream).toList();
  }

  @Test
  void only_South_Africa_takes_a_PCR_at_birth() {
    List<Integer> who = natAges(cohort("WHO_2021"));
    List<Integer> za = natAgesPerInfant(cohort("ZA_2023")).stream().filter(a -> !a.isEmpty()).map(a -> a.get(0)).toList();
    assertThat(who).isNotEmpty().allSatisfy(age -> assertThat(age).isGreaterThanOrEqualTo(28)); // NAT_6W opens on day 28
    long atBirth = za.stream().filter(age -> age == 0).count();
    assertThat(atBirth).isGreaterThan(PAIRS * 9L / 10);
    assertThat(Simulation.of(cohort("ZA_2023")).threads(1).run().milestone("BIRTH_PCR").onTime())
        .isGreaterThanOrEqualTo(atBirth);
    assertThat(Simulation.of(cohort("WHO_2021")).threads(1).run().milestones())
        .noneMatch(m -> m.ruleId().equals("BIRTH_PCR"));
  }

  @Test
  void test_timing_follows_each_protocols_windows() {
    List<List<Integer>> who = natAgesPerInfant(cohort("WHO_2021"));
    List<List<Integer>> za = natAgesPerInfant(cohort("ZA_2023"));
    // WHO: one NAT in the first 8 months (NAT_6W: window day 28, booked at its due date, day 42), the next at 9
    // months (NAT_9M: window 14 days before 9 months, about day 259).
    List<Integer> whoFirst = who.stream().filter(a -> !a.isEmpty()).map(a -> a.get(0)).toList();
    assertThat(whoFirst).hasSizeGreaterThan(PAIRS * 8 / 10).allSatisfy(a -> assertThat(a).isGreaterThanOrEqualTo(28));
    assertThat(median(whoFirst)).isEqualTo(42);
    assertThat(who).allSatisfy(ages -> assertThat(ages.stream().filter(a -> a < 250)).hasSizeLessThanOrEqualTo(1));
    assertThat(median(who.stream().filter(a -> a.size() > 1).map(a -> a.get(1)).toList())).isBetween(259, 290);
    // South Africa: at birth, then PCR_10W (window day 63, due day 70), then PCR_6M.
    List<Integer> zaSecond = za.stream().filter(a -> a.size() > 1 && a.get(0) == 0).map(a -> a.get(1)).toList();
    assertThat(zaSecond).hasSizeGreaterThan(PAIRS * 8 / 10);
    assertThat(median(zaSecond)).isEqualTo(70);
    assertThat(zaSecond).allSatisfy(a -> assertThat(a).isGreaterThanOrEqualTo(14));
  }

  private static int median(List<Integer> values) {
    List<Integer> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
