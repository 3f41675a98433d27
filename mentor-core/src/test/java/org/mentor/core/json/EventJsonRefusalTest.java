package org.mentor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.InvalidEventException;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;

/**
 * Reading refuses bad input whole, naming the JSON path, the rule and its id; the records' own
 * rules pass through unchanged; messages keep sensitive values out.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonRefusalTest {
  private static final ObjectMapper TREES = new ObjectMapper();
  private final EventJson json = EventJson.standard();

  @Nested
  class JSON_001_unreadable {
    @Test
    void given_truncated_JSON_when_read_then_the_root_is_refused() {
      InvalidEventException e = refused(() -> json.read("{\"type\":\"Died\","));

      assertThat(e.rule().id()).isEqualTo("JSON-001");
      assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void given_a_bare_word_from_a_patient_record_when_read_then_the_message_does_not_quote_it() {
      InvalidEventException e = refused(() -> json.read("{\"type\": Nomvula}"));

      assertThat(e.rule().id()).isEqualTo("JSON-001");
      assertThat(e.getMessage()).doesNotContain("Nomvula").contains("$").contains("[JSON-001:");
      assertThat(e.getCause()).isNull();
    }

    @Test
    void given_an_array_a_string_or_nothing_at_the_root_when_read_then_each_is_refused() {
      assertThat(refused(() -> json.read("[]")).rule().id()).isEqualTo("JSON-001");
      assertThat(refused(() -> json.read("\"Died\"")).rule().id()).isEqualTo("JSON-001");
      assertThat(refused(() -> json.read("")).rule().id()).isEqualTo("JSON-001");
      assertThat(refused(() -> json.read("   ")).rule().id()).isEqualTo("JSON-001");
    }

    @Test
    void given_a_second_value_after_the_event_when_read_then_the_whole_text_is_refused() {
      String two = json.write(EventSamples.VIRAL_LOAD) + " {}";

      assertThat(refused(() -> json.read(two)).rule().id()).isEqualTo("JSON-001");
    }

    @Test
    void given_a_field_written_twice_when_read_then_it_is_refused_rather_than_the_last_one_winning() {
      String twice = json.write(EventSamples.VIRAL_LOAD).replace("\"resultDate\"", "\"occurredOn\":\"2025-07-29\",\"resultDate\"");

      assertThat(refused(() -> json.read(twice)).rule().id()).isEqualTo("JSON-001");
    }
  }

  @Nested
  class JSON_002_type_unknown {
    @Test
    void given_an_unknown_type_when_read_then_the_type_is_refused_and_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("type", "ViralLoadReported"))));

      assertThat(e.rule().id()).isEqualTo("JSON-002");
      assertThat(e.field()).isEqualTo("$.type");
      assertThat(e.rejectedValue()).contains("ViralLoadReported");
      assertThat(e.getMessage()).isEqualTo(
          "$.type ViralLoadReported breaks a rule [JSON-002: an event's JSON names a known event type]");
    }

    @Test
    void given_a_type_in_other_letter_case_when_read_then_it_is_unknown() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("type", "viralLoadResulted"))));

      assertThat(e.rule().id()).isEqualTo("JSON-002");
    }

    @Test
    void given_a_type_that_is_not_a_string_when_read_then_it_is_refused_as_invalid() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.put("type", 7))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.type");
    }
  }

  @Nested
  class JSON_003_schema_version_unsupported {
    @Test
    void given_a_newer_schema_version_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.put("schemaVersion", 2))));

      assertThat(e.rule().id()).isEqualTo("JSON-003");
      assertThat(e.field()).isEqualTo("$.schemaVersion");
      assertThat(e.rejectedValue()).contains(2);
    }

    @Test
    void given_schema_version_0_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.put("schemaVersion", 0))));

      assertThat(e.rule().id()).isEqualTo("JSON-003");
    }

    @Test
    void given_a_correction_whose_replacement_has_a_newer_version_when_read_then_the_nested_path_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.PILL_COUNT_CORRECTED,
          n -> ((ObjectNode) n.get("replacement")).put("schemaVersion", 9))));

      assertThat(e.rule().id()).isEqualTo("JSON-003");
      assertThat(e.field()).isEqualTo("$.replacement.schemaVersion");
    }

    @Test
    void given_a_schema_version_written_as_text_when_read_then_it_is_refused_as_invalid() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("schemaVersion", "1"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.schemaVersion");
    }
  }

  @Nested
  class JSON_004_field_unknown {
    @Test
    void given_an_extra_top_level_field_when_read_then_it_is_refused_by_name() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.put("colour", "red"))));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.colour");
      assertThat(e.rejectedValue()).contains("colour");
    }

    @Test
    void given_a_misspelt_field_when_read_then_the_unknown_name_is_reported_before_the_missing_one() {
      String misspelt = json.write(EventSamples.VIRAL_LOAD).replace("\"occurredOn\"", "\"ocurredOn\"");

      InvalidEventException e = refused(() -> json.read(misspelt));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.ocurredOn");
    }

    @Test
    void given_a_field_of_another_type_when_read_then_it_is_unknown_here() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.PILL_COUNT,
          n -> n.put("resultDate", "2025-05-26"))));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.resultDate");
    }

    @Test
    void given_an_extra_field_in_recorded_by_when_read_then_its_nested_path_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> ((ObjectNode) n.get("recordedBy")).put("role", "nurse"))));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.recordedBy.role");
    }

    @Test
    void given_an_extra_field_in_the_second_birth_when_read_then_its_index_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.TWINS,
          n -> ((ObjectNode) n.get("births").get(1)).put("name", "Baby"))));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.births[1].name");
    }

    @Test
    void given_an_envelope_field_on_a_correction_when_read_then_it_is_unknown_there() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.PILL_COUNT_CORRECTED,
          n -> n.put("occurredOn", "2025-05-26"))));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.occurredOn");
    }
  }

  @Nested
  class JSON_005_field_missing {
    @Test
    void given_no_occurred_on_when_read_then_the_missing_field_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.remove("occurredOn"))));

      assertThat(e.rule().id()).isEqualTo("JSON-005");
      assertThat(e.field()).isEqualTo("$.occurredOn");
      assertThat(e.rejectedValue()).isEmpty();
    }

    @Test
    void given_no_type_or_no_schema_version_when_read_then_each_is_named() {
      assertThat(refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.remove("type")))).field())
          .isEqualTo("$.type");
      assertThat(refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.remove("schemaVersion")))).field())
          .isEqualTo("$.schemaVersion");
    }

    @Test
    void given_a_viral_load_without_a_qualifier_when_read_then_the_nested_path_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> ((ObjectNode) n.get("result")).remove("qualifier"))));

      assertThat(e.rule().id()).isEqualTo("JSON-005");
      assertThat(e.field()).isEqualTo("$.result.qualifier");
    }

    @Test
    void given_a_birth_without_a_sex_when_read_then_its_index_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.TWINS,
          n -> ((ObjectNode) n.get("births").get(0)).remove("sex"))));

      assertThat(e.rule().id()).isEqualTo("JSON-005");
      assertThat(e.field()).isEqualTo("$.births[0].sex");
    }

    @Test
    void given_a_correction_without_its_replacement_when_read_then_the_replacement_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.PILL_COUNT_CORRECTED,
          n -> n.remove("replacement"))));

      assertThat(e.rule().id()).isEqualTo("JSON-005");
      assertThat(e.field()).isEqualTo("$.replacement");
    }
  }

  @Nested
  class JSON_006_field_invalid {
    @Test
    void given_an_impossible_date_when_read_then_it_is_refused_and_the_date_kept_out_of_the_message() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("occurredOn", "2025-02-30"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.occurredOn");
      assertThat(e.rejectedValue()).contains("2025-02-30");
      assertThat(e.getMessage()).isEqualTo("$.occurredOn (value redacted) breaks a rule "
          + "[JSON-006: an event's JSON field has the type and form its definition requires]");
    }

    @Test
    void given_a_date_in_a_local_format_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("resultDate", "04/08/2025"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.resultDate");
    }

    @Test
    void given_a_recording_time_without_a_zone_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("recordedAt", "2025-08-04T11:02:17"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.recordedAt");
    }

    @Test
    void given_a_second_infant_id_that_is_not_a_UUID_when_read_then_its_index_is_named_and_the_id_redacted() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.TWINS,
          n -> ((ObjectNode) n.get("births").get(1)).put("infantId", "twin-2-of-mother-001"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.births[1].infantId");
      assertThat(e.getMessage()).doesNotContain("twin-2-of-mother-001");
    }

    @Test
    void given_a_UUID_in_a_short_form_the_JDK_would_accept_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.TWINS,
          n -> ((ObjectNode) n.get("births").get(0)).put("infantId", "1-1-1-1-1"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.births[0].infantId");
    }

    @Test
    void given_a_code_in_lower_case_when_read_then_it_is_refused_and_redacted() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.ENROLLED,
          n -> n.put("hivStatus", "positive"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.hivStatus");
      assertThat(e.getMessage()).doesNotContain("positive");
    }

    @Test
    void given_an_unknown_viral_load_qualifier_when_read_then_the_nested_path_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> ((ObjectNode) n.get("result")).put("qualifier", "LESS_THAN"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.result.qualifier");
    }

    @Test
    void given_a_count_written_as_text_as_a_fraction_or_beyond_an_int_when_read_then_each_is_refused() {
      for (Consumer<ObjectNode> bad : List.<Consumer<ObjectNode>>of(
          n -> n.put("copiesPerMl", "2400"),
          n -> n.put("copiesPerMl", 2400.5),
          n -> n.put("copiesPerMl", 3_000_000_000L))) {
        InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
            n -> bad.accept((ObjectNode) n.get("result")))));

        assertThat(e.rule().id()).isEqualTo("JSON-006");
        assertThat(e.field()).isEqualTo("$.result.copiesPerMl");
      }
    }

    @Test
    void given_null_for_an_optional_field_when_read_then_it_is_refused_because_absent_means_omitted() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.ENROLLED, n -> n.putNull("edd"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.edd");
    }

    @Test
    void given_null_for_a_required_field_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD, n -> n.putNull("resultDate"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.resultDate");
    }

    @Test
    void given_a_blank_user_when_read_then_the_user_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> ((ObjectNode) n.get("recordedBy")).put("user", " "))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.recordedBy.user");
    }

    @Test
    void given_recorded_by_as_text_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("recordedBy", "nurse-07"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.recordedBy");
    }

    @Test
    void given_an_event_id_of_129_characters_when_read_then_the_id_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("id", "x".repeat(129)))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.id");
    }

    @Test
    void given_births_that_are_not_an_array_of_objects_when_read_then_each_shape_is_refused() {
      InvalidEventException notArray = refused(() -> json.read(edit(EventSamples.TWINS, n -> n.put("births", 2))));
      InvalidEventException notObject = refused(() -> json.read(edit(EventSamples.TWINS,
          n -> n.putArray("births").add("0b6f5c1e-6a43-4f0e-9d2a-3c7e1f8a4b21"))));

      assertThat(notArray.field()).isEqualTo("$.births");
      assertThat(notObject.field()).isEqualTo("$.births[0]");
      assertThat(notObject.rule().id()).isEqualTo("JSON-006");
    }

    @Test
    void given_a_consent_written_as_text_when_read_then_it_is_refused() {
      PathwayEvent consent = EventSamples.all().stream()
          .filter(event -> event.kind() == EventKind.CONSENT_RECORDED).findFirst().orElseThrow();

      InvalidEventException e = refused(() -> json.read(edit(consent, n -> n.put("sms", "true"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.sms");
    }

    @Test
    void given_an_appointment_set_for_before_the_day_it_was_set_when_read_then_the_event_object_is_refused() {
      AppointmentSet set = new AppointmentSet(EventSamples.id("0060"), EventSamples.ANC1,
          EventSamples.at("2025-04-28T10:40:00Z"), EventSamples.NURSE, EventSamples.ANC1, AppointmentPurpose.ANTENATAL);

      InvalidEventException e = refused(() -> json.read(edit(set, n -> n.put("appointmentOn", "2025-04-27"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$");
      assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_a_not_detected_result_with_a_count_when_read_then_the_result_object_is_refused() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> ((ObjectNode) n.get("result")).put("qualifier", "NOT_DETECTED"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.result");
    }

    @Test
    void given_a_bad_date_inside_a_replacement_when_read_then_the_nested_path_is_named() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.PILL_COUNT_CORRECTED,
          n -> ((ObjectNode) n.get("replacement")).put("occurredOn", "2025-05-32"))));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.replacement.occurredOn");
    }
  }

  @Nested
  class Domain_rules_pass_through {
    @Test
    void given_a_negative_pill_count_when_read_then_ADH_001_is_thrown_as_the_record_throws_it() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.PILL_COUNT,
          n -> n.put("pillsRemaining", -3))));

      assertThat(e.rule().id()).isEqualTo("ADH-001");
      assertThat(e.field()).isEqualTo("pillCount.pillsRemaining");
      assertThat(e.rejectedValue()).contains(-3);
      assertThat(e.getMessage()).contains("-3");
    }

    @Test
    void given_a_negative_viral_load_when_read_then_VL_001_passes_through() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> ((ObjectNode) n.get("result")).put("copiesPerMl", -1))));

      assertThat(e.rule().id()).isEqualTo("VL-001");
    }

    @Test
    void given_a_result_returned_before_its_sample_when_read_then_LAB_001_passes_through() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.VIRAL_LOAD,
          n -> n.put("resultDate", "2025-07-27"))));

      assertThat(e.rule().id()).isEqualTo("LAB-001");
    }

    @Test
    void given_a_delivery_without_births_or_with_an_impossible_weight_when_read_then_DEL_rules_pass_through() {
      assertThat(refused(() -> json.read(edit(EventSamples.TWINS, n -> n.putArray("births")))).rule().id())
          .isEqualTo("DEL-002");
      assertThat(refused(() -> json.read(edit(EventSamples.TWINS,
          n -> ((ObjectNode) n.get("births").get(1)).put("birthWeightGrams", 150)))).rule().id())
          .isEqualTo("DEL-004");
    }

    @Test
    void given_a_correction_whose_replacement_is_a_void_when_read_then_EVT_003_passes_through() {
      String voidReplacement = json.write(EventSamples.all().stream()
          .filter(event -> event.kind() == EventKind.VOIDED).findFirst().orElseThrow());
      String correction = "{\"type\":\"Corrected\",\"schemaVersion\":1,\"corrects\":\"emr-0010\",\"replacement\":"
          + voidReplacement + "}";

      assertThat(refused(() -> json.read(correction)).rule().id()).isEqualTo("EVT-003");
    }

    @Test
    void given_a_correction_whose_replacement_reuses_the_corrected_id_when_read_then_EVT_005_passes_through() {
      InvalidEventException e = refused(() -> json.read(edit(EventSamples.PILL_COUNT_CORRECTED,
          n -> n.put("corrects", "emr-0008"))));

      assertThat(e.rule().id()).isEqualTo("EVT-005");
    }
  }

  private static InvalidEventException refused(ThrowingCallable read) {
    Throwable thrown = catchThrowable(read);
    assertThat(thrown).isInstanceOf(InvalidEventException.class);
    return (InvalidEventException) thrown;
  }

  /** The event's JSON after an edit of its tree. */
  private String edit(PathwayEvent event, Consumer<ObjectNode> change) {
    try {
      ObjectNode tree = (ObjectNode) TREES.readTree(json.write(event));
      change.accept(tree);
      return TREES.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
