package org.mentor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.collect.ImmutableList;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.pathway.PathwayEvent;

/** Batches (one event per line) and the case envelope: round trips, and a bad line refusing the batch. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonNdjsonTest {
  private static final CaseId CASE_1 = CaseId.of("case-001");
  private static final CaseId CASE_2 = CaseId.of("case-002");

  private final EventJson json = EventJson.standard();

  @Nested
  class Event_batches {
    @Test
    void given_every_sample_when_written_as_a_batch_and_read_then_the_same_events_come_back_in_order() {
      StringWriter out = new StringWriter();

      json.writeNdjson(EventSamples.all(), out);

      assertThat(out.toString()).endsWith("\n").doesNotContain("\r");
      assertThat(out.toString().split("\n", -1)).hasSize(EventSamples.all().size() + 1);
      assertThat(json.readNdjson(new StringReader(out.toString()))).containsExactlyElementsOf(EventSamples.all());
    }

    @Test
    void given_a_batch_when_written_then_each_line_is_the_single_event_form() {
      StringWriter out = new StringWriter();

      json.writeNdjson(List.of(EventSamples.ENROLLED, EventSamples.VIRAL_LOAD), out);

      assertThat(out.toString()).isEqualTo(
          json.write(EventSamples.ENROLLED) + "\n" + json.write(EventSamples.VIRAL_LOAD) + "\n");
    }

    @Test
    void given_no_events_when_written_and_read_then_the_text_and_the_list_are_empty() {
      StringWriter out = new StringWriter();

      json.writeNdjson(List.of(), out);

      assertThat(out.toString()).isEmpty();
      assertThat(json.readNdjson(new StringReader(""))).isEmpty();
    }

    @Test
    void given_windows_line_ends_blank_lines_and_no_final_line_end_when_read_then_every_event_is_read() {
      String text = "\r\n" + json.write(EventSamples.ENROLLED) + "\r\n   \r\n" + json.write(EventSamples.VIRAL_LOAD);

      assertThat(json.readNdjson(new StringReader(text)))
          .containsExactly(EventSamples.ENROLLED, EventSamples.VIRAL_LOAD);
    }

    @Test
    void given_a_byte_order_mark_at_the_start_when_read_then_it_is_skipped() {
      String text = "\uFEFF" + json.write(EventSamples.ENROLLED) + "\n";

      assertThat(json.readNdjson(new StringReader(text))).containsExactly(EventSamples.ENROLLED);
    }

    @Test
    void given_a_bad_third_line_when_read_then_the_whole_batch_is_refused_and_the_line_named() {
      String bad = json.write(EventSamples.VIRAL_LOAD).replace("\"occurredOn\":\"2025-07-28\"", "\"occurredOn\":\"28/07/2025\"");
      String text = json.write(EventSamples.ENROLLED) + "\n" + json.write(EventSamples.PILL_COUNT) + "\n" + bad + "\n"
          + json.write(EventSamples.TWINS) + "\n";

      InvalidEventException e = refused(() -> json.readNdjson(new StringReader(text)));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("line 3: $.occurredOn");
      assertThat(e.getMessage()).startsWith("line 3: $.occurredOn (value redacted) breaks a rule [JSON-006:")
          .doesNotContain("28/07/2025");
      assertThat(e.getCause()).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void given_blank_lines_before_a_bad_line_when_read_then_the_line_number_counts_them() {
      String text = json.write(EventSamples.ENROLLED) + "\n\n\n{not json\n";

      InvalidEventException e = refused(() -> json.readNdjson(new StringReader(text)));

      assertThat(e.rule().id()).isEqualTo("JSON-001");
      assertThat(e.field()).isEqualTo("line 4: $");
    }

    @Test
    void given_a_line_breaking_a_domain_rule_when_read_then_its_rule_and_value_are_kept_and_the_line_named() {
      String negative = json.write(EventSamples.PILL_COUNT).replace("\"pillsRemaining\":4", "\"pillsRemaining\":-3");
      String text = json.write(EventSamples.ENROLLED) + "\n" + negative + "\n";

      InvalidEventException e = refused(() -> json.readNdjson(new StringReader(text)));

      assertThat(e.rule().id()).isEqualTo("ADH-001");
      assertThat(e.field()).isEqualTo("line 2: pillCount.pillsRemaining");
      assertThat(e.rejectedValue()).contains(-3);
    }

    @Test
    void given_two_events_on_one_line_when_read_then_the_line_is_refused() {
      String text = json.write(EventSamples.ENROLLED) + json.write(EventSamples.VIRAL_LOAD) + "\n";

      InvalidEventException e = refused(() -> json.readNdjson(new StringReader(text)));

      assertThat(e.rule().id()).isEqualTo("JSON-001");
      assertThat(e.field()).isEqualTo("line 1: $");
    }

    @Test
    void given_a_null_in_the_events_when_written_then_it_is_a_programmer_error() {
      List<PathwayEvent> events = new ArrayList<>();
      events.add(null);

      assertThatNullPointerException().isThrownBy(() -> json.writeNdjson(events, new StringWriter()));
    }
  }

  @Nested
  class Case_envelopes {
    @Test
    void given_an_event_in_its_case_envelope_when_written_then_the_event_keeps_its_own_form_inside() {
      CaseEvent caseEvent = new CaseEvent(CASE_1, EventSamples.VIRAL_LOAD);

      String text = json.writeCaseEvent(caseEvent);

      assertThat(text).isEqualTo("{\"caseId\":\"case-001\",\"event\":" + json.write(EventSamples.VIRAL_LOAD) + "}");
      assertThat(json.readCaseEvent(text)).isEqualTo(caseEvent);
    }

    @Test
    void given_envelopes_of_two_cases_when_written_as_a_batch_and_read_then_they_come_back_in_order() {
      ImmutableList<CaseEvent> envelopes = ImmutableList.of(new CaseEvent(CASE_1, EventSamples.ENROLLED),
          new CaseEvent(CASE_2, EventSamples.TWINS), new CaseEvent(CASE_1, EventSamples.PILL_COUNT_CORRECTED));
      StringWriter out = new StringWriter();

      json.writeCaseEventNdjson(envelopes, out);

      assertThat(json.readCaseEventNdjson(new StringReader(out.toString()))).containsExactlyElementsOf(envelopes);
    }

    @Test
    void given_an_envelope_with_an_extra_field_when_read_then_it_is_refused() {
      String text = "{\"caseId\":\"case-001\",\"facility\":\"clinic-042\",\"event\":" + json.write(EventSamples.ENROLLED) + "}";

      InvalidEventException e = refused(() -> json.readCaseEvent(text));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.facility");
    }

    @Test
    void given_an_envelope_without_a_case_id_or_an_event_when_read_then_the_missing_field_is_named() {
      assertThat(refused(() -> json.readCaseEvent("{\"event\":" + json.write(EventSamples.ENROLLED) + "}")).field())
          .isEqualTo("$.caseId");
      assertThat(refused(() -> json.readCaseEvent("{\"caseId\":\"case-001\"}")).field()).isEqualTo("$.event");
    }

    @Test
    void given_a_bare_event_where_an_envelope_is_expected_when_read_then_its_type_is_an_unknown_field() {
      InvalidEventException e = refused(() -> json.readCaseEvent(json.write(EventSamples.ENROLLED)));

      assertThat(e.rule().id()).isEqualTo("JSON-004");
      assertThat(e.field()).isEqualTo("$.type");
    }

    @Test
    void given_a_bad_field_inside_the_enveloped_event_when_read_then_the_path_starts_at_the_event() {
      String text = json.writeCaseEvent(new CaseEvent(CASE_1, EventSamples.TWINS))
          .replace("\"sex\":\"MALE\"", "\"sex\":\"BOY\"");

      InvalidEventException e = refused(() -> json.readCaseEvent(text));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.event.births[1].sex");
    }

    @Test
    void given_a_blank_case_id_when_read_then_it_is_refused() {
      InvalidEventException e = refused(() -> json.readCaseEvent(
          "{\"caseId\":\" \",\"event\":" + json.write(EventSamples.ENROLLED) + "}"));

      assertThat(e.rule().id()).isEqualTo("JSON-006");
      assertThat(e.field()).isEqualTo("$.caseId");
    }

    @Test
    void given_a_bad_second_envelope_in_a_batch_when_read_then_the_batch_is_refused_at_line_2() {
      String text = json.writeCaseEvent(new CaseEvent(CASE_1, EventSamples.ENROLLED)) + "\n"
          + "{\"caseId\":\"case-002\"}\n";

      InvalidEventException e = refused(() -> json.readCaseEventNdjson(new StringReader(text)));

      assertThat(e.rule().id()).isEqualTo("JSON-005");
      assertThat(e.field()).isEqualTo("line 2: $.event");
    }
  }

  private static InvalidEventException refused(ThrowingCallable read) {
    Throwable thrown = catchThrowable(read);
    assertThat(thrown).isInstanceOf(InvalidEventException.class);
    return (InvalidEventException) thrown;
  }
}
