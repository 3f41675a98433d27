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
import org.junit.jupiter.api.io.TempDir;
import org.mentor.core.pathway.ViralLoadStatus;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdbcStoreExampleTest {
  @Test
  void the_example_records_a_case_in_an_H2_file_and_a_restarted_registry_holds_it(@TempDir Path directory) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    var state = JdbcStoreExample.run(directory, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // 2 400 copies/mL sampled 2025-07-28: above 1 000 is unsuppressed (shared/clinical/maternal.md §4, T4)
    assertThat(state.mother().viralLoadStatus()).isEqualTo(ViralLoadStatus.UNSUPPRESSED);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("recorded 3 events")
        .contains("after a restart: 1 case, version 3, viral load UNSUPPRESSED");
    assertThat(directory.resolve("mentor.mv.db")).exists();
  }

  @Test
  void the_readme_shows_exactly_the_three_configuring_lines_of_the_example() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve("mentor-core"))) {
      root = root.getParent();
    }
    List<String> source = Files.readAllLines(root.resolve(
        "mentor-examples/src/main/java/org/mentor/examples/JdbcStoreExample.java"));
    String example = source.subList(source.indexOf("    // readme:begin") + 1, source.indexOf("    // readme:end")).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));
    assertThat(example.lines()).hasSize(3);
    assertThat(Files.readString(root.resolve("README.md"))).contains(example);
  }
}
