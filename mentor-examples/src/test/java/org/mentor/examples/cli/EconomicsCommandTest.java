package org.mentor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mentor economics}, run in-process: the two arms priced, the analysis and charts, bad usage. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EconomicsCommandTest {
  @TempDir
  Path dir;

  @Test
  void it_prices_two_arms_and_says_the_ratio_beside_the_published_one() {
    CliRun run = CliRun.of("economics", "--pairs", "48", "--threads", "2", "--out", dir.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(MentorCli.OK);
    assertThat(run.out()).startsWith("Cost-benefit of mentor-mother support (2015 US$; costs transmission-md-9 v1)")
        .contains("uganda-2011-2014 mentor mothers").contains("benefit-cost ratio (C26)").contains("[published: 11.40]")
        .contains("full-system benefit-cost ratio").contains("method: C26");
    assertThat(dir.resolve("economics.csv")).exists();
    assertThat(dir.resolve("economics-summary.csv")).exists();
  }

  @Test
  void with_draws_it_runs_the_analysis_and_writes_the_charts() {
    CliRun run = CliRun.of("economics", "--pairs", "24", "--draws", "2", "--seed", "3", "--threads", "2", "--out", dir.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(MentorCli.OK);
    assertThat(run.out()).contains("2 draws, 24 pairs per arm, analysis seed 3").contains("with every input at its point");
    assertThat(dir.resolve("economics-tornado.png")).exists();
    assertThat(dir.resolve("psa-summary.csv")).exists();
  }

  @Test
  void an_unknown_setting_or_size_is_bad_usage() {
    CliRun unknown = CliRun.of("economics", "--setting", "kenya");
    assertThat(unknown.exit()).isEqualTo(MentorCli.USAGE);
    assertThat(unknown.err()).contains("--setting: unknown setting 'kenya' (known: uganda-2011-2014, uganda-2011-2014-one-hazard, m2m-2014-2018)");
    assertThat(CliRun.of("economics", "--pairs", "0").exit()).isEqualTo(MentorCli.USAGE);
    assertThat(CliRun.of("economics", "--draws", "-1").exit()).isEqualTo(MentorCli.USAGE);
    assertThat(CliRun.of("economics", "--pairs", "many").exit()).isEqualTo(MentorCli.USAGE);
  }
}
