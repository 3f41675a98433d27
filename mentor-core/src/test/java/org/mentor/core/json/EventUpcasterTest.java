package org.mentor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.MentorVisited;

/**
 * The upcasting mechanism, proved on a made-up history: suppose {@code MentorVisited} version 1
 * called its field {@code contactMode} and version 2 renamed it {@code mode}. The public form has
 * no such history (every type is at version 1); this test builds its own table of versions.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventUpcasterTest {
  private static final String VISIT_V1 = "{\"type\":\"MentorVisited\",\"schemaVersion\":1,\"id\":\"emr-0017\","
      + "\"occurredOn\":\"2025-05-12\",\"recordedAt\":\"2025-05-12T15:00:00Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},"
      + "\"contactMode\":\"HOME\"}";
  private static final MentorVisited VISIT = new MentorVisited(EventSamples.id("0017"), LocalDate.of(2025, 5, 12),
      EventSamples.at("2025-05-12T15:00:00Z"), EventSamples.NURSE, ContactMode.HOME);

  /** Version 1 of the made-up history: {@code contactMode} became {@code mode}. */
  private static class ContactModeRenamed implements EventUpcaster {
    @Override
    public String type() {
      return "MentorVisited";
    }

    @Override
    public int fromVersion() {
      return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
      if (!event.has("contactMode")) {
        throw new InvalidEventException("$.contactMode", null, Rule.EVENT_FIELD_MISSING);
      }
      event.set("mode", event.remove("contactMode"));
      return event;
    }
  }

  private final EventJson atVersion2 = new EventJson(visitAtVersion(2), List.of(new ContactModeRenamed()));

  @Test
  void given_a_version_1_document_when_read_by_a_version_2_reader_then_it_is_upcast_and_read() {
    assertThat(atVersion2.read(VISIT_V1)).isEqualTo(VISIT);
  }

  @Test
  void given_a_version_2_reader_when_writing_then_it_writes_version_2_with_the_new_field_name() {
    String written = atVersion2.write(VISIT);

    assertThat(written).contains("\"schemaVersion\":2").contains("\"mode\":\"HOME\"").doesNotContain("contactMode");
    assertThat(atVersion2.read(written)).isEqualTo(VISIT);
  }

  @Test
  void given_a_version_1_correction_replacement_when_read_then_the_nested_event_is_upcast_too() {
    String correction = "{\"type\":\"Corrected\",\"schemaVersion\":1,\"corrects\":\"emr-0016\",\"replacement\":"
        + VISIT_V1 + "}";

    assertThat(atVersion2.read(correction)).isEqualTo(new Corrected(EventSamples.id("0016"), VISIT));
  }

  @Test
  void given_a_version_3_document_when_read_by_a_version_2_reader_then_it_is_refused() {
    Throwable thrown = catchThrowable(() -> atVersion2.read(VISIT_V1.replace("\"schemaVersion\":1", "\"schemaVersion\":3")));

    assertThat(thrown).isInstanceOfSatisfying(InvalidEventException.class, e -> {
      assertThat(e.rule().id()).isEqualTo("JSON-003");
      assertThat(e.field()).isEqualTo("$.schemaVersion");
    });
  }

  @Test
  void given_an_upcast_tree_with_a_left_over_field_when_read_then_the_strict_reader_refuses_it() {
    String both = VISIT_V1.replace("\"contactMode\":\"HOME\"", "\"contactMode\":\"HOME\",\"colour\":\"red\"");

    Throwable thrown = catchThrowable(() -> atVersion2.read(both));

    assertThat(thrown).isInstanceOfSatisfying(InvalidEventException.class, e -> {
      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.colour");
    });
  }

  @Test
  void given_an_upcaster_that_refuses_its_tree_when_read_then_its_refusal_passes_through() {
    String without = VISIT_V1.replace(",\"contactMode\":\"HOME\"", "");

    Throwable thrown = catchThrowable(() -> atVersion2.read(without));

    assertThat(thrown).isInstanceOfSatisfying(InvalidEventException.class, e -> {
      assertThat(e.rule().id()).isEqualTo("JSON-005");
      assertThat(e.field()).isEqualTo("$.contactMode");
    });
  }

  @Test
  void given_the_standard_reader_when_reading_the_made_up_version_1_then_contact_mode_is_an_unknown_field() {
    Throwable thrown = catchThrowable(() -> EventJson.standard().read(VISIT_V1));

    assertThat(thrown).isInstanceOfSatisfying(InvalidEventException.class,
        e -> assertThat(e.rule().id()).isEqualTo("JSON-004"));
  }

  @Test
  void given_a_version_bumped_without_an_upcaster_when_built_then_it_is_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new EventJson(visitAtVersion(2), List.of()))
        .withMessageContaining("MentorVisited").withMessageContaining("no upcaster from version 1");
  }

  @Test
  void given_an_upcaster_from_the_current_version_of_an_unknown_type_or_twice_when_built_then_it_is_refused() {
    assertThatIllegalArgumentException().isThrownBy(
        () -> new EventJson(visitAtVersion(1), List.of(new ContactModeRenamed())));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new EventJson(visitAtVersion(2), List.of(new ContactModeRenamed(), new ContactModeRenamed() {
          @Override
          public String type() {
            return "MentorVisit";
          }
        })));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new EventJson(visitAtVersion(2), ImmutableList.of(new ContactModeRenamed(), new ContactModeRenamed())));
  }

  private static Map<EventKind, Integer> visitAtVersion(int version) {
    Map<EventKind, Integer> versions = new EnumMap<>(EventTypes.versions());
    versions.put(EventKind.MENTOR_VISITED, version);
    return versions;
  }
}
