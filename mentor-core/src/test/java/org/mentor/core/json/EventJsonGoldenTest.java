package org.mentor.core.json;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.json.EventSamples.NURSE;
import static org.mentor.core.json.EventSamples.at;
import static org.mentor.core.json.EventSamples.id;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Voided;

/**
 * Schema version 1 of the public form, byte for byte. These strings are the format's contract
 * with stored data and other systems: if one of these tests fails, the format changed, and the
 * change needs a schema version bump, an upcaster and a note in {@code docs/events.md} rather
 * than a new golden string.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonGoldenTest {
  private static final String ENROLLED_V1 = "{\"type\":\"Enrolled\",\"schemaVersion\":1,\"id\":\"emr-0001\","
      + "\"occurredOn\":\"2025-04-28\",\"recordedAt\":\"2025-04-28T09:30:00Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},"
      + "\"motherId\":\"mother-001\",\"protocol\":{\"id\":\"WHO_2021\",\"version\":\"1\"},\"hivStatus\":\"POSITIVE\","
      + "\"lmp\":\"2025-01-06\"}";

  private static final String VIRAL_LOAD_V1 = "{\"type\":\"ViralLoadResulted\",\"schemaVersion\":1,\"id\":\"emr-0010\","
      + "\"occurredOn\":\"2025-07-28\",\"recordedAt\":\"2025-08-04T11:02:17.250Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},"
      + "\"resultDate\":\"2025-08-04\",\"result\":{\"copiesPerMl\":2400,\"qualifier\":\"EXACT\"}}";

  private static final String TWINS_V1 = "{\"type\":\"Delivered\",\"schemaVersion\":1,\"id\":\"emr-0020\","
      + "\"occurredOn\":\"2025-10-10\",\"recordedAt\":\"2025-10-10T16:40:00Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},"
      + "\"births\":[{\"infantId\":\"0b6f5c1e-6a43-4f0e-9d2a-3c7e1f8a4b21\",\"sex\":\"FEMALE\",\"birthWeightGrams\":2400,"
      + "\"outcome\":\"LIVE_BIRTH\"},{\"infantId\":\"7d2e9a40-1c5b-4e8f-a6d3-9b0c2f4e6a58\",\"sex\":\"MALE\","
      + "\"birthWeightGrams\":2300,\"outcome\":\"LIVE_BIRTH\"}]}";

  private static final String STILLBIRTH_V1 = "{\"type\":\"Delivered\",\"schemaVersion\":1,\"id\":\"emr-0021\","
      + "\"occurredOn\":\"2025-10-10\",\"recordedAt\":\"2025-10-10T18:05:00Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},"
      + "\"births\":[{\"infantId\":\"0b6f5c1e-6a43-4f0e-9d2a-3c7e1f8a4b21\",\"sex\":\"UNDETERMINED\","
      + "\"outcome\":\"STILLBIRTH\"}]}";

  private static final String CORRECTED_PILL_COUNT_V1 = "{\"type\":\"Corrected\",\"schemaVersion\":1,"
      + "\"corrects\":\"emr-0007\",\"replacement\":{\"type\":\"PillCounted\",\"schemaVersion\":1,\"id\":\"emr-0008\","
      + "\"occurredOn\":\"2025-05-26\",\"recordedAt\":\"2025-05-27T08:45:00Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},"
      + "\"pillsDispensed\":30,\"pillsRemaining\":2,\"daysSinceDispensing\":28,\"dailyDoses\":1}}";

  private static final String TRANSFERRED_OUT_MOTHER_V1 = "{\"type\":\"TransferredOut\",\"schemaVersion\":1,"
      + "\"id\":\"emr-0040\",\"occurredOn\":\"2026-02-02\",\"recordedAt\":\"2026-02-02T12:00:00Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},\"subject\":{}}";

  private static final String VOIDED_V1 = "{\"type\":\"Voided\",\"schemaVersion\":1,\"id\":\"emr-0050\","
      + "\"occurredOn\":\"2025-09-11\",\"recordedAt\":\"2025-09-11T08:00:00Z\","
      + "\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"clinic-042\",\"sourceSystem\":\"my-emr\"},"
      + "\"voids\":\"emr-0013\",\"reason\":\"duplicate \\\"VL\\\" entry – see lab log\"}";

  private static final Voided VOIDED = new Voided(id("0050"), of(2025, 9, 11), at("2025-09-11T08:00:00Z"), NURSE,
      id("0013"), "duplicate \"VL\" entry – see lab log");

  private final EventJson json = EventJson.standard();

  @Test
  void given_an_enrolment_with_only_an_LMP_then_it_writes_the_version_1_bytes_without_edd_or_gestational_age() {
    assertGolden(EventSamples.ENROLLED, ENROLLED_V1);
  }

  @Test
  void given_a_viral_load_with_a_fractional_recording_instant_then_it_writes_the_version_1_bytes() {
    assertGolden(EventSamples.VIRAL_LOAD, VIRAL_LOAD_V1);
  }

  @Test
  void given_a_twin_delivery_then_it_writes_both_births_in_order() {
    assertGolden(EventSamples.TWINS, TWINS_V1);
  }

  @Test
  void given_a_stillbirth_without_a_weight_then_the_weight_is_omitted() {
    assertGolden(EventSamples.STILLBIRTH, STILLBIRTH_V1);
  }

  @Test
  void given_a_corrected_pill_count_then_the_replacement_is_nested_whole() {
    assertGolden(EventSamples.PILL_COUNT_CORRECTED, CORRECTED_PILL_COUNT_V1);
  }

  @Test
  void given_a_transfer_out_of_the_mother_then_the_subject_is_an_empty_object() {
    assertGolden(EventSamples.TRANSFERRED_OUT_MOTHER, TRANSFERRED_OUT_MOTHER_V1);
  }

  @Test
  void given_a_void_whose_reason_has_quotes_and_a_dash_then_quotes_are_escaped_and_the_dash_is_kept() {
    assertGolden(VOIDED, VOIDED_V1);
  }

  private void assertGolden(PathwayEvent event, String golden) {
    assertThat(json.write(event)).isEqualTo(golden);
    assertThat(json.read(golden)).isEqualTo(event);
  }
}
