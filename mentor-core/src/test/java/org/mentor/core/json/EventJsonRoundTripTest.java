package org.mentor.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;

/** Every event kind survives writing and reading unchanged, and writes the same bytes every time. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonRoundTripTest {
  private static final ObjectMapper TREES = new ObjectMapper();
  private final EventJson json = EventJson.standard();

  static Stream<PathwayEvent> samples() {
    return EventSamples.all().stream();
  }

  @Test
  void given_every_event_kind_then_the_samples_hold_at_least_one_of_it() {
    Set<EventKind> sampled = EnumSet.noneOf(EventKind.class);
    EventSamples.all().forEach(event -> sampled.add(event.kind()));

    assertThat(EventKind.values())
        .as("a new event kind needs a sample in EventSamples, its type in EventTypes and a section in docs/events.md")
        .allSatisfy(kind -> assertThat(sampled).contains(kind));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void given_a_sample_when_written_and_read_back_then_it_equals_the_original(PathwayEvent event) {
    String text = json.write(event);

    assertThat(json.read(text)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void given_a_sample_when_written_read_and_written_again_then_the_bytes_are_the_same(PathwayEvent event) {
    String first = json.write(event);

    assertThat(json.write(json.read(first))).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void given_a_sample_when_written_then_it_is_one_line_without_nulls(PathwayEvent event) {
    String text = json.write(event);

    assertThat(text).doesNotContain("\n", "\r", ":null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void given_a_sample_when_written_then_its_fields_come_in_the_order_of_the_type_table(PathwayEvent event)
      throws Exception {
    List<String> written = fieldNames(TREES.readTree(json.write(event)));

    assertThat(written.subList(0, 2)).containsExactly("type", "schemaVersion");
    List<String> expected = new ArrayList<>(EventTypes.of(event.kind()).fields());
    expected.retainAll(written);
    assertThat(written.subList(2, written.size())).isEqualTo(expected);
  }

  @Test
  void given_all_samples_then_every_field_of_every_type_is_written_by_at_least_one() throws Exception {
    Set<String> written = new LinkedHashSet<>();
    for (PathwayEvent event : EventSamples.all()) {
      JsonNode tree = TREES.readTree(json.write(event));
      fieldNames(tree).forEach(field -> written.add(tree.get("type").asText() + "." + field));
    }

    for (EventKind kind : EventKind.values()) {
      EventTypes.Type type = EventTypes.of(kind);
      assertThat(type.fields()).allSatisfy(field -> assertThat(written).contains(type.name() + "." + field));
    }
  }

  @Test
  void given_a_recording_instant_with_an_offset_when_read_then_it_is_the_same_instant_written_back_in_UTC() {
    String withOffset = json.write(EventSamples.VIRAL_LOAD)
        .replace("\"2025-08-04T11:02:17.250Z\"", "\"2025-08-04T13:02:17.25+02:00\"");

    PathwayEvent read = json.read(withOffset);

    assertThat(read).isEqualTo(EventSamples.VIRAL_LOAD);
    assertThat(json.write(read)).contains("\"recordedAt\":\"2025-08-04T11:02:17.250Z\"");
  }

  @Test
  void given_a_correction_when_written_then_the_replacement_is_a_full_event_with_its_own_type_and_version()
      throws Exception {
    Corrected correction = EventSamples.PILL_COUNT_CORRECTED;

    JsonNode tree = TREES.readTree(json.write(correction));

    assertThat(fieldNames(tree)).containsExactly("type", "schemaVersion", "corrects", "replacement");
    assertThat(tree.get("corrects").asText()).isEqualTo("emr-0007");
    assertThat(tree.get("replacement").get("type").asText()).isEqualTo("PillCounted");
    assertThat(tree.get("replacement").get("id").asText()).isEqualTo("emr-0008");
  }

  @Test
  void given_the_standard_form_then_every_type_is_at_schema_version_1_and_type_names_are_unique() {
    Set<String> names = new LinkedHashSet<>();
    for (EventKind kind : EventKind.values()) {
      assertThat(json.schemaVersion(kind)).as(kind.name()).isEqualTo(1);
      names.add(json.typeName(kind));
    }

    assertThat(names).hasSize(EventKind.values().length);
    assertThat(EventTypes.UPCASTERS).isEmpty();
  }

  @Test
  void given_the_same_events_when_written_twice_then_the_texts_are_identical() {
    ImmutableList<String> first = EventSamples.all().stream().map(json::write).collect(ImmutableList.toImmutableList());
    ImmutableList<String> second = EventSamples.all().stream().map(json::write).collect(ImmutableList.toImmutableList());

    assertThat(second).isEqualTo(first);
  }

  private static List<String> fieldNames(JsonNode tree) {
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
