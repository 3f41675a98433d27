package org.mentor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.ViralLoadStatus;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClinicDayTest {

  private static String runClinicDay() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ClinicDay().run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_clinic_day_prints_each_case_with_its_state_and_what_needs_attention() {
    String out = runClinicDay();
    assertThat(out).startsWith("Mentor - clinic-042, 2025-11-20 (protocol WHO_2021@1)");
    assertThat(out).contains("case-001  phase POSTNATAL since 2025-10-10  (version 7)");
    assertThat(out).contains("prophylaxis NVP ONGOING until 2025-11-21");
    // case-002 missed 2025-10-20: interruption from + 28 days (maternal.md R1)
    assertThat(out).contains("TRACE_INTERRUPTED                since 2025-11-17");
    // case-002 started ART 2025-03-03 and never had a VL: V9 due + 3 months, overdue after 28 days (maternal.md V9)
    assertThat(out).contains("MILESTONE_OVERDUE                since 2025-06-03  why: VL_ART_3M due 2025-06-03");
    // case-003: 18 days of ART at delivery (< 28, infant.md I1a) and a late result of 2 400
    assertThat(out).contains("risk HIGH prophylaxis AZT_NVP ONGOING until 2026-02-06");
    assertThat(out).contains("ENHANCED_ADHERENCE_COUNSELLING   since 2025-11-19");
    // case-004: 30 dispensed, 12 remaining after 28 days = 64 % (maternal.md A1/A2: poor < 85 %)
    assertThat(out).contains("adherence POOR");
    assertThat(out).contains("ADHERENCE_SUPPORT                since 2025-11-18");
  }

  @Test
  void the_readme_shows_exactly_the_example_code_that_is_compiled_and_run() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve("mentor-core"))) {
      root = root.getParent();
    }
    List<String> source = Files.readAllLines(root.resolve(
        "mentor-examples/src/main/java/org/mentor/examples/ReadmeExample.java"));
    String example = source.subList(source.indexOf("    // readme:begin") + 1, source.indexOf("    // readme:end")).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));
    assertThat(Files.readString(root.resolve("README.md"))).contains(example);
    assertThat(ReadmeExample.run().mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.UNSUPPRESSED);
  }
}
