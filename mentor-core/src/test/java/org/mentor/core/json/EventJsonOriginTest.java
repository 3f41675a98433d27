package org.mentor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Origin;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;

/**
 * A fact copied from a record another system owns carries its origin in {@code recordedBy.origin}; events without
 * one are written exactly as before the field existed (docs/events.md, "Recorded by").
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonOriginTest {
  private final EventJson json = EventJson.standard();
  private static final RecordedBy PULL = new RecordedBy("fhir-pull", "national-lab", "national-fhir");
  private static final Origin LAB = Origin.of("https://fhir.example.gov/fhir", "Observation/9001", "1");

  private static ViralLoadResulted result(RecordedBy by) {
    return new ViralLoadResulted(EventId.of("fhir:Observation/9001"), LocalDate.of(2025, 11, 24),
        Instant.parse("2025-11-25T06:12:00Z"), by, LocalDate.of(2025, 11, 24), ViralLoad.belowLimit(40));
  }

  @Test
  void given_an_origin_when_written_then_it_sits_in_recordedBy_after_the_source_system_and_reads_back_equal() {
    ViralLoadResulted event = result(PULL.withOrigin(LAB));

    String text = json.write(event);

    assertThat(text).contains("\"recordedBy\":{\"user\":\"fhir-pull\",\"facility\":\"national-lab\",\"sourceSystem\":\"national-fhir\","
        + "\"origin\":{\"system\":\"https://fhir.example.gov/fhir\",\"identifier\":\"Observation/9001\",\"version\":\"1\"}}");
    assertThat(json.read(text)).isEqualTo(event);
    assertThat(((ViralLoadResulted) json.read(text)).recordedBy().origin()).contains(LAB);
  }

  @Test
  void given_no_origin_when_written_then_the_form_is_the_one_before_the_field_existed() {
    String text = json.write(result(PULL));

    assertThat(text).doesNotContain("origin")
        .contains("\"recordedBy\":{\"user\":\"fhir-pull\",\"facility\":\"national-lab\",\"sourceSystem\":\"national-fhir\"},");
    assertThat(((ViralLoadResulted) json.read(text)).recordedBy().origin()).isEmpty();
  }

  @Test
  void given_an_origin_without_a_version_then_the_version_is_omitted_and_reads_back_empty() {
    ViralLoadResulted event = result(PULL.withOrigin(new Origin("lims-7", "ACC-2025-000123", Optional.empty())));

    String text = json.write(event);

    assertThat(text).contains("\"origin\":{\"system\":\"lims-7\",\"identifier\":\"ACC-2025-000123\"}}");
    assertThat(json.read(text)).isEqualTo(event);
  }

  @Test
  void given_a_correction_of_a_copied_fact_then_its_replacement_keeps_its_own_origin() {
    ViralLoadResulted first = result(PULL.withOrigin(LAB));
    ViralLoadResulted second = new ViralLoadResulted(EventId.of("fhir:Observation/9001/_history/2"), first.occurredOn(),
        Instant.parse("2025-11-27T06:12:00Z"), PULL.withOrigin(Origin.of(LAB.system(), LAB.identifier(), "2")),
        first.resultDate(), ViralLoad.copies(1200));
    Corrected correction = new Corrected(first.id(), second);

    assertThat(json.read(json.write(correction))).isEqualTo(correction);
  }

  @Test
  void given_an_origin_with_an_unknown_field_or_a_blank_identifier_then_it_is_refused_naming_the_path() {
    String good = json.write(result(PULL.withOrigin(LAB)));

    InvalidEventException unknown = catchThrowableOfType(InvalidEventException.class,
        () -> json.read(good.replace("\"version\":\"1\"", "\"version\":\"1\",\"etag\":\"W/1\"")));
    InvalidEventException blank = catchThrowableOfType(InvalidEventException.class,
        () -> json.read(good.replace("\"identifier\":\"Observation/9001\"", "\"identifier\":\" \"")));
    InvalidEventException missing = catchThrowableOfType(InvalidEventException.class,
        () -> json.read(good.replace("\"system\":\"https://fhir.example.gov/fhir\",", "")));

    assertThat(unknown.rule().id()).isEqualTo("JSON-004");
    assertThat(unknown.field()).isEqualTo("$.recordedBy.origin.etag");
    assertThat(blank.rule().id()).isEqualTo("JSON-006");
    assertThat(blank.field()).isEqualTo("$.recordedBy.origin.identifier");
    assertThat(missing.rule().id()).isEqualTo("JSON-005");
    assertThat(missing.field()).isEqualTo("$.recordedBy.origin.system");
  }
}
