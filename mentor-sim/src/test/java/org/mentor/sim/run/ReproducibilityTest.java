package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.scenario.Scenario;

/** The same seed gives byte-identical CSV on 1, 2 and 7 threads; another seed gives other CSV. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReproducibilityTest {
  /** More pairs than 7 threads take in one round of chunks, and a last chunk that is not full. */
  private static final int PAIRS = 7 * Runner.CHUNK + 10;

  @TempDir
  Path dir;

  private Map<String, String> run(long seed, int threads, String name) throws IOException {
    Scenario mentors = Scenario.builder().name("mentor").pairs(PAIRS).seed(seed).protocol("ZA_2023").build();
    Scenario none = mentors.toBuilder().name("no mentor").mentorSupport(false).build();
    StringBuilder pairs = new StringBuilder();
    ArmComparison c = Simulation.compare(mentors, none).threads(threads).pairCsv(pairs).runComparison();
    Path out = dir.resolve(name);
    c.writeCsv(out);
    Map<String, String> files = new TreeMap<>();
    files.put("pairs.csv", pairs.toString());
    try (Stream<Path> list = Files.list(out)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return files;
  }

  @Test
  void one_two_and_seven_threads_write_byte_identical_csv_and_another_seed_does_not() throws IOException {
    Map<String, String> one = run(42, 1, "one");
    Map<String, String> two = run(42, 2, "two");
    Map<String, String> seven = run(42, 7, "seven");
    Map<String, String> otherSeed = run(43, 2, "other");

    assertThat(one.keySet()).containsExactly("cascade.csv", "final-outcomes.csv", "indicators.csv", "infections-by-age.csv",
        "milestones.csv", "monthly-load.csv", "paired-differences.csv", "pairs.csv", "resource-use.csv");
    assertThat(one.get("pairs.csv").lines().count()).isEqualTo(1 + 2L * PAIRS);
    assertThat(two).isEqualTo(one);
    assertThat(seven).isEqualTo(one);
    assertThat(otherSeed.get("pairs.csv")).isNotEqualTo(one.get("pairs.csv"));
    assertThat(otherSeed.get("cascade.csv")).isNotEqualTo(one.get("cascade.csv"));
  }

  @Test
  void pair_rows_come_in_pair_order_with_the_arms_side_by_side() throws IOException {
    List<String> rows = run(7, 2, "order").get("pairs.csv").lines().skip(1).toList();
    for (int i = 0; i < PAIRS; i++) {
      assertThat(rows.get(2 * i)).startsWith("mentor," + i + ",");
      assertThat(rows.get(2 * i + 1)).startsWith("no mentor," + i + ",");
    }
  }
}
