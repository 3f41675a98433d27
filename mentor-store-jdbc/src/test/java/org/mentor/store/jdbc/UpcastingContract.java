package org.mentor.store.jdbc;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.core.testing.CaseBuilder.aCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.json.MadeUpSchemaVersion2;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.StoredCase;
import org.mentor.core.testing.CaseBuilder;

/**
 * Stored events outlive the library version that wrote them: rows written by schema version 1
 * (a frozen fixture of every event type, inserted with plain SQL as that version wrote them) still
 * load; and rows are read through the JSON form's upcasters. Run on H2 and PostgreSQL.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class UpcastingContract {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  Database.Opened db;

  abstract Database database();

  @BeforeEach
  void open() {
    db = database().open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** One stored row as an older version of the library wrote it. */
  record OldRow(String caseId, String payload) {}

  static List<OldRow> fixtureRows() {
    List<OldRow> rows = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        UpcastingContract.class.getResourceAsStream(SchemaV1Fixture.RESOURCE), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode envelope = MAPPER.readTree(line);
        rows.add(new OldRow(envelope.get("caseId").asText(), envelope.get("event").toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * Inserts rows with plain SQL, as the version that wrote them did, into the schema as that
   * version left it (migrated to version 1 only; the store migrates the rest when built).
   */
  void insertAsWritten(List<OldRow> rows) {
    try (Connection connection = db.dataSource().getConnection()) {
      Dialect dialect = Dialect.of(connection);
      org.flywaydb.core.Flyway.configure().dataSource(db.dataSource()).locations(dialect.migrations())
          .table(dialect.historyTable()).target("1").load().migrate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Integer> versions = new LinkedHashMap<>();
    rows.forEach(row -> versions.merge(row.caseId(), 1, Integer::sum));
    String payload = database() == Database.POSTGRESQL ? "CAST(? AS json)" : "?";
    try (Connection connection = db.dataSource().getConnection()) {
      try (PreparedStatement cases = connection.prepareStatement(
          "INSERT INTO mentor_case (case_id, version, change_position) VALUES (?, ?, 1)")) {
        for (Map.Entry<String, Integer> c : versions.entrySet()) {
          cases.setString(1, c.getKey());
          cases.setLong(2, c.getValue());
          cases.executeUpdate();
        }
      }
      Map<String, Integer> seqs = new LinkedHashMap<>();
      try (PreparedStatement events = connection.prepareStatement("INSERT INTO mentor_event (case_id, seq, event_id,"
          + " event_type, schema_version, occurred_on, recorded_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, " + payload + ")")) {
        for (OldRow row : rows) {
          JsonNode event = MAPPER.readTree(row.payload());
          JsonNode envelope = event.has("replacement") ? event.get("replacement") : event;
          events.setString(1, row.caseId());
          events.setLong(2, seqs.merge(row.caseId(), 1, Integer::sum));
          events.setString(3, envelope.get("id").asText());
          events.setString(4, event.get("type").asText());
          events.setInt(5, event.get("schemaVersion").asInt());
          events.setObject(6, LocalDate.parse(envelope.get("occurredOn").asText()));
          events.setObject(7, OffsetDateTime.ofInstant(Instant.parse(envelope.get("recordedAt").asText()), ZoneOffset.UTC));
          events.setString(8, row.payload());
          events.executeUpdate();
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void given_rows_written_by_schema_version_1_when_loaded_by_this_version_then_every_event_reads_as_the_expected_record() {
    List<OldRow> rows = fixtureRows();
    insertAsWritten(rows);
    JdbcCaseStore store = db.store();

    SchemaV1Fixture.events().forEach((caseId, expected) ->
        assertThat(store.load(caseId).orElseThrow().events()).as("case %s", caseId).containsExactlyElementsOf(expected));
    List<StoredCase> streamed = new ArrayList<>();
    store.forEach(streamed::add);
    assertThat(streamed).hasSize(2);
    streamed.forEach(stored -> assertThat(stored.events()).isEqualTo(SchemaV1Fixture.events().get(stored.caseId())));
  }

  @Test
  void given_the_version_1_fixture_then_it_holds_every_type_of_the_first_schema_version_once_or_more() {
    TreeSet<String> types = new TreeSet<>();
    for (OldRow row : fixtureRows()) {
      try {
        JsonNode event = MAPPER.readTree(row.payload());
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        types.add(event.get("type").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // The 29 types of schema version 1 (docs/events.md); a type added later has no version-1 rows.
    assertThat(types).hasSize(29).contains("Enrolled", "Corrected", "Voided", "Died", "TransferredIn");
  }

  @Test
  void given_rows_of_an_older_schema_version_when_read_through_a_form_with_an_upcaster_then_they_are_carried_forward() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28));
    String enrolment = org.mentor.core.json.EventJson.standard().write(built.events().get(0));
    String oldVisit = "{\"type\":\"MentorVisited\",\"schemaVersion\":1,\"id\":\"visit-v1\",\"occurredOn\":\"2025-05-12\","
        + "\"recordedAt\":\"2025-05-12T15:00:00Z\",\"recordedBy\":{\"user\":\"user-1\",\"facility\":\"facility-1\","
        + "\"sourceSystem\":\"mentor-tests\"},\"contactMode\":\"HOME\"}";
    insertAsWritten(List.of(new OldRow("c1", enrolment), new OldRow("c1", oldVisit)));
    JdbcCaseStore atVersion2 = JdbcCaseStore.builder(db.dataSource()).eventJson(MadeUpSchemaVersion2.eventJson()).build();
    MentorVisited visit = new MentorVisited(EventId.of("visit-v1"), of(2025, 5, 12), Instant.parse("2025-05-12T15:00:00Z"),
        CaseBuilder.CLINIC, ContactMode.HOME);

    assertThat(atVersion2.load(CaseId.of("c1")).orElseThrow().events()).containsExactly(built.events().get(0), visit);

    MentorVisited later = new MentorVisited(EventId.of("visit-v2"), of(2025, 6, 9), Instant.parse("2025-06-09T15:00:00Z"),
        CaseBuilder.CLINIC, ContactMode.PHONE);
    atVersion2.append(CaseId.of("c1"), 2, List.of(later));
    Rows rows = new Rows(db);
    assertThat(rows.column("SELECT schema_version FROM mentor_event WHERE case_id = 'c1' ORDER BY seq"))
        .containsExactly("1", "1", "2");
    assertThat(rows.column("SELECT payload FROM mentor_event WHERE seq = 3"))
        .singleElement().asString().contains("\"schemaVersion\":2").contains("\"mode\":\"PHONE\"");

    // A library that knows only version 1 refuses a newer row, naming the row and the rule.
    CaseBuilder other = aCase("c2").enrolledAtAnc(of(2025, 4, 28));
    atVersion2.append(other.caseId(), 0, List.of(other.events().get(0), new MentorVisited(EventId.of("visit-c2"),
        of(2025, 6, 9), Instant.parse("2025-06-09T15:00:00Z"), CaseBuilder.CLINIC, ContactMode.PHONE)));
    assertThatThrownBy(() -> db.store().load(other.caseId()))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.rule().id()).isEqualTo("JSON-003");
          assertThat(e.field()).startsWith("mentor_event[seq 2].$");
        });
  }

  @Test
  void given_a_stored_event_this_version_wrote_when_read_back_then_the_payload_is_the_public_form_byte_for_byte() {
    CaseBuilder built = StoreContract.fullCase("c1");
    JdbcCaseStore store = db.store();
    store.append(built.caseId(), 0, built.events());
    List<String> expected = built.events().stream().map(org.mentor.core.json.EventJson.standard()::write).toList();

    assertThat(new Rows(db).column("SELECT payload FROM mentor_event ORDER BY seq"))
        .containsExactlyElementsOf(expected);
    assertThat(built.events()).extracting(PathwayEvent::id).doesNotHaveDuplicates();
  }
}
