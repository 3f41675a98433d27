package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.result.Charts;
import org.mentor.sim.result.LoadKind;
import org.mentor.sim.result.PairedDifference;
import org.mentor.sim.result.Proportion;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.scenario.Scenario;
import org.mentor.sim.scenario.TransmissionModel;

/** Whole cohorts through the engine: transmission, arms on common random numbers, outputs. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimulationTest {
  @TempDir
  Path dir;

  /** Everyone attends on the day, nobody is lost or dies, one infant each: only transmission is random. */
  private static Scenario.Builder orderly() {
    return Scenario.builder().seed(5).set("retention.ltfuHazardEarly", 0.0).set("retention.ltfuHazardLater", 0.0)
        .set("mortality.maternalPerMonth", 0.0).set("mortality.infantPerMonth", 0.0).set("pregnancy.twinProbability", 0.0)
        .set("attendance.onTime", 1.0).set("mentor.onTime", 1.0);
  }

  @Test // transmission.md T3: no ART, peripartum 22%; 99.9% exact binomial region at n = 500
  void without_ART_and_breastfeeding_the_engine_finds_T3s_22_percent_and_every_infection_is_diagnosed() {
    Scenario s = orderly().pairs(500).set("booking.onArtShare", 0.0).set("booking.diagnosedShare", 1.0)
        .set("booking.artStartPerVisit", 0.0).set("feeding.neverBreastfedShare", 1.0).build();
    SimulationResult r = Simulation.of(s).threads(2).run();

    Proportion atFinal = r.transmissionAtFinal();
    assertThat(atFinal.denominator()).isEqualTo(500);
    BinomialDistribution b = BinomialDistribution.of(500, 0.22);
    assertThat(atFinal.numerator()).isBetween((long) b.inverseCumulativeProbability(0.0005),
        (long) b.inverseCumulativeProbability(0.9995));
    assertThat(r.transmissionAt6Weeks()).isEqualTo(new Proportion("transmission at 6 weeks", atFinal.numerator(), 500));
    // Every infected infant is found by its NATs and confirmed; every other one reaches a final negative.
    assertThat(r.finalOutcomes()).containsEntry("HIV_POSITIVE", atFinal.numerator())
        .containsEntry("HIV_NEGATIVE", 500 - atFinal.numerator());
    assertThat(r.step("on ART at delivery").numerator()).isZero();
    assertThat(r.dataQualityIssues()).isEmpty();
    // The core's indicators on the same simulated cases agree (indicators.md: PMTCT_HEI_POS, VER.3, PMTCT_STAT).
    assertThat(r.indicator("whole cohort", "PMTCT_HEI_POS").numerator()).isEqualTo(atFinal.numerator());
    assertThat(r.indicator("whole cohort", "VER.3").numerator()).isEqualTo(500);
    assertThat(r.indicator("whole cohort", "VER.3").denominator()).contains(500L);
    assertThat(r.indicator("whole cohort", "PMTCT_STAT").numerator()).isEqualTo(500);
    assertThat(r.indicator("whole cohort", "PMTCT_ART").numerator()).isZero();
  }

  @Test
  void arms_share_every_pair_and_a_scenario_against_itself_differs_by_exactly_nothing() {
    Scenario a = Scenario.builder().name("a").pairs(200).seed(9).build();
    StringBuilder rows = new StringBuilder();
    ArmComparison same = Simulation.compare(a, a.toBuilder().name("b").build()).threads(2).pairCsv(rows).runComparison();
    assertThat(same.differences()).allSatisfy(d -> {
      assertThat(d.difference()).isZero();
      assertThat(d.discordant()).isZero();
      assertThat(d.lower()).isZero();
      assertThat(d.upper()).isZero();
    });
    List<String> lines = rows.toString().lines().skip(1).toList();
    for (int i = 0; i < 200; i++) {
      assertThat(lines.get(2 * i + 1).substring(2)).isEqualTo(lines.get(2 * i).substring(2));
    }
  }

  @Test
  void mentor_support_lowers_loss_to_follow_up_on_the_same_pairs() {
    Scenario mentors = Scenario.builder().name("mentor").pairs(400).seed(13).build();
    Scenario none = mentors.toBuilder().name("none").mentorSupport(false).build();
    StringBuilder rows = new StringBuilder();
    ArmComparison c = Simulation.compare(mentors, none).threads(2).pairCsv(rows).runComparison();

    // Common random numbers: each pair has the same booking, delivery, status and infants in both arms.
    List<String> lines = rows.toString().lines().skip(1).toList();
    for (int i = 0; i < 400; i++) {
      String[] m = lines.get(2 * i).split(",");
      String[] n = lines.get(2 * i + 1).split(",");
      assertThat(List.of(n[1], n[2], n[3], n[4], n[5], n[10])).isEqualTo(List.of(m[1], m[2], m[3], m[4], m[5], m[10]));
    }
    PairedDifference lost = c.difference("every pair: mother lost to follow-up at some point");
    assertThat(lost.pairs()).isEqualTo(400);
    assertThat(lost.upper()).isNegative(); // HR 0.2 (transmission.md §5): fewer losses with mentors, CI below 0
    assertThat(c.a().transmissionAtFinal().denominator()).isEqualTo(c.b().transmissionAtFinal().denominator());
    assertThat(c.a().load().peak(LoadKind.MENTOR_CONTACTS)).isPositive();
    assertThat(c.b().load().peak(LoadKind.MENTOR_CONTACTS)).isZero();
  }

  @Test // paired mean of d in {-1, 0, 1}: mean (sA - sB)/n, variance (discordant - n mean^2)/(n - 1)
  void a_paired_difference_is_the_mean_difference_with_its_normal_interval() {
    PairedDifference d = PairedDifference.of("x", 100, 30, 20, 14);
    assertThat(d.armA()).isEqualTo(0.30);
    assertThat(d.armB()).isEqualTo(0.20);
    assertThat(d.difference()).isEqualTo(0.10);
    double half = 1.959963984540054 * Math.sqrt((14 - 100 * 0.01) / 99.0 / 100);
    assertThat(d.lower()).isEqualTo(0.10 - half);
    assertThat(d.upper()).isEqualTo(0.10 + half);
  }

  @Test
  void results_are_written_as_csv_and_as_png_and_svg_charts() throws IOException {
    Scenario a = Scenario.builder().name("mentor").pairs(64).seed(3).build();
    ArmComparison c = Simulation.compare(a, a.toBuilder().name("none").mentorSupport(false).build()).threads(2)
        .runComparison();
    c.writeCsv(dir);
    assertThat(Files.readString(dir.resolve("cascade.csv"))).startsWith("arm,step,numerator,denominator,proportion")
        .contains("mentor,enrolled,64,64,1.000000,0.943991,1.000000"); // all 64: exact lower bound 0.025^(1/64)
    assertThat(Files.readString(dir.resolve("paired-differences.csv"))).startsWith("outcome,pairs,arm_a,arm_b");
    assertThat(Files.readString(dir.resolve("monthly-load.csv")).lines().findFirst().orElseThrow())
        .isEqualTo("arm,month,clinic_visits,due_items,nat_tests,antibody_tests,viral_loads,mentor_contacts");
    List<Path> png = Charts.write(c, dir, Charts.Format.PNG);
    List<Path> svg = Charts.write(c, dir, Charts.Format.SVG);
    assertThat(png).extracting(p -> p.getFileName().toString())
        .containsExactly("cascade.png", "transmission.png", "monthly-load-a.png", "monthly-load-b.png");
    for (Path p : png) {
      byte[] bytes = Files.readAllBytes(p);
      assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }
    for (Path p : svg) {
      assertThat(Files.readString(p)).contains("<svg");
    }
    assertThat(c.table()).contains("mentor — WHO_2021 v1, 64 pairs").contains("Paired differences (mentor − none)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"WHO_2021", "WHO_2025", "ZA_2023", "KE_2022"})
  void every_built_in_protocol_runs_women_of_every_status_with_both_transmission_models(String protocol) {
    for (TransmissionModel model : TransmissionModel.values()) {
      Scenario s = Scenario.builder().name(protocol).pairs(96).seed(21).protocol(protocol).transmissionModel(model)
          .set("booking.onArtShare", 0.4).set("booking.diagnosedShare", 0.4).set("booking.negativeShare", 0.2)
          .set("booking.incidencePerMonth", 0.03).set("pregnancy.twinProbability", 0.1).build();
      SimulationResult r = Simulation.of(s).threads(2).run();
      assertThat(r.pairs()).isEqualTo(96);
      assertThat(r.cascade()).allSatisfy(p -> assertThat(p.numerator()).isLessThanOrEqualTo(p.denominator()));
      assertThat(r.step("living with HIV at delivery").numerator()).isLessThan(96);
      // The engine finds nothing implausible in the simulated records but late prophylaxis after a late registration.
      assertThat(r.dataQualityIssues().keySet()).isSubsetOf("DQ-008");
    }
  }

  @Test
  void a_comparison_is_run_with_runComparison_and_one_arm_with_run() {
    Scenario a = Scenario.builder().pairs(1).build();
    assertThatThrownBy(() -> Simulation.compare(a, a.toBuilder().name("b").build()).run())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Simulation.of(a).runComparison()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Simulation.of(a).threads(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
