package org.mentor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mentor.core.InvalidEventException;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;

/**
 * {@code docs/events.md} cannot drift from the code: every fenced JSON example reads and is exactly
 * what {@link EventJson} writes (white space aside), every refusal example is refused as it says,
 * and every type has its row in the table of types and a section listing exactly its fields.
 *
 * <p>Fences: {@code json} is one event; {@code json envelope} is a case envelope; {@code ndjson}
 * is a batch; {@code json refused <rule-id> <field>} is input refused with that rule and field.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventsDocTest {
  private static final ObjectMapper TREES = new ObjectMapper();
  private static final Pattern TYPE_ROW = Pattern.compile("^\\| `(\\w+)` \\| (\\d+) \\| (\\w+) \\|.*");
  private static final Pattern FIELD_ROW = Pattern.compile("^\\| `(\\w+)` \\|.*");
  private static final Pattern SECTION = Pattern.compile("^### `(\\w+)`$");

  private final EventJson json = EventJson.standard();
  private final List<String> lines = readDoc();

  /** A fenced block: its info string, its text and the line its fence opens on. */
  private record Block(String info, String text, int line, String section) {}

  @TestFactory
  Stream<DynamicTest> given_each_fenced_example_when_read_then_it_is_accepted_or_refused_as_the_fence_says() {
    List<Block> examples = blocks().stream()
        .filter(block -> block.info().startsWith("json") || block.info().startsWith("ndjson")).toList();
    assertThat(examples).hasSizeGreaterThan(EventKind.values().length);
    return examples.stream().map(block -> DynamicTest.dynamicTest(
        "line " + block.line() + " (" + block.info() + ")", () -> check(block)));
  }

  @Test
  void given_every_type_then_its_section_holds_an_example_of_it() {
    List<Block> blocks = blocks();
    for (EventKind kind : EventKind.values()) {
      String name = json.typeName(kind);

      assertThat(blocks)
          .as("a ```json example of %s in its section", name)
          .anyMatch(block -> block.info().equals("json") && block.section().equals(name)
              && json.read(block.text()).kind() == kind);
    }
  }

  @Test
  void given_the_table_of_types_then_it_lists_every_type_in_intra_day_order_with_its_version_and_scope() {
    List<String> rows = new ArrayList<>();
    for (String line : lines) {
      Matcher row = TYPE_ROW.matcher(line);
      if (row.matches()) {
        rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
      }
    }

    List<String> expected = Arrays.stream(EventKind.values())
        .map(kind -> json.typeName(kind) + " " + json.schemaVersion(kind) + " "
            + kind.scope().name().toLowerCase(Locale.ROOT))
        .toList();
    assertThat(rows).containsExactlyElementsOf(expected);
  }

  @Test
  void given_the_sections_of_types_then_they_come_in_intra_day_order_and_list_exactly_each_types_own_fields() {
    List<String> sections = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher heading = SECTION.matcher(lines.get(i));
      if (!heading.matches()) {
        continue;
      }
      String name = heading.group(1);
      sections.add(name);
      List<String> documented = new ArrayList<>();
      for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("#"); j++) {
        Matcher row = FIELD_ROW.matcher(lines.get(j));
        if (row.matches()) {
          documented.add(row.group(1));
        }
      }
      EventTypes.Type type = EventTypes.named(name).orElseThrow(() -> new AssertionError("no type " + name));
      List<String> own = new ArrayList<>(type.fields());
      if (type.kind() != EventKind.CORRECTED) {
        own.removeAll(EventTypes.ENVELOPE);
      }

      assertThat(documented).as("the fields of %s in docs/events.md", name).containsExactlyElementsOf(own);
    }

    assertThat(sections).containsExactlyElementsOf(Arrays.stream(EventKind.values()).map(json::typeName).toList());
  }

  private void check(Block block) throws IOException {
    String[] info = block.info().split("\\s+");
    switch (info[0] + (info.length > 1 ? " " + info[1] : "")) {
      case "json" -> {
        PathwayEvent event = json.read(block.text());
        assertThat(json.write(event)).as("the canonical form").isEqualTo(compact(block.text()));
      }
      case "json envelope" -> {
        CaseEvent caseEvent = json.readCaseEvent(block.text());
        assertThat(json.writeCaseEvent(caseEvent)).as("the canonical form").isEqualTo(compact(block.text()));
      }
      case "ndjson" -> {
        List<PathwayEvent> events = json.readNdjson(new StringReader(block.text()));
        StringWriter written = new StringWriter();
        json.writeNdjson(events, written);
        assertThat(written.toString()).isEqualTo(block.text() + "\n");
      }
      case "json refused" -> {
        assertThat(info).as("json refused <rule-id> <field>").hasSize(4);
        Throwable thrown = catchThrowable(() -> json.read(block.text()));
        assertThat(thrown).isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.rule().id()).isEqualTo(info[2]);
          assertThat(e.field()).isEqualTo(info[3]);
        });
      }
      default -> throw new AssertionError("unknown fence info at line " + block.line() + ": " + block.info());
    }
  }

  private static String compact(String text) throws IOException {
    return TREES.writeValueAsString(TREES.readTree(text));
  }

  private List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        Matcher heading = SECTION.matcher(line);
        section = heading.matches() ? heading.group(1) : "";
      }
      if (line.startsWith("```")) {
        int start = i;
        StringBuilder text = new StringBuilder();
        for (i++; !lines.get(i).equals("```"); i++) {
          text.append(text.length() == 0 ? "" : "\n").append(lines.get(i));
        }
        blocks.add(new Block(line.substring(3).strip(), text.toString(), start + 1, section));
      }
    }
    return blocks;
  }

  private static List<String> readDoc() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/events.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("docs/events.md in this directory or above").isNotNull();
    try {
      return Files.readAllLines(dir.resolve("docs/events.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
