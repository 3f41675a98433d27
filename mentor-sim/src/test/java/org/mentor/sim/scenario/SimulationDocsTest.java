package org.mentor.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** docs/simulation.md shows the parameter table and the rules as the code has them, and its JSON example reads. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimulationDocsTest {
  private static final Path DOC = Path.of("..", "docs", "simulation.md");

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    assertThat(from).as(start).isNotNegative();
    assertThat(to).as(end).isGreaterThan(from);
    return text.substring(from + start.length(), to);
  }

  @Test
  void the_parameter_table_is_current() throws IOException {
    assertThat(between(Files.readString(DOC), "<!-- parameters:start -->\n", "<!-- parameters:end -->"))
        .isEqualTo(Parameters.table());
  }

  @Test
  void every_rule_is_listed_with_its_words() throws IOException {
    StringBuilder table = new StringBuilder("| Rule | Requires |\n|---|---|\n");
    for (SimRule rule : SimRule.values()) {
      table.append("| ").append(rule.id()).append(" | ").append(rule.description()).append(" |\n");
    }
    assertThat(between(Files.readString(DOC), "<!-- rules:start -->\n", "<!-- rules:end -->")).isEqualTo(table.toString());
  }

  @Test
  void the_json_example_reads() throws IOException {
    String json = between(Files.readString(DOC), "```json\n", "```\n\n`scenario.table()`");
    Scenario s = ScenarioJson.read(json);
    assertThat(s.protocol().ref().id()).isEqualTo("ZA_2023");
    assertThat(s.feeding().neverBreastfedShare()).isEqualTo(0.20);
  }
}
