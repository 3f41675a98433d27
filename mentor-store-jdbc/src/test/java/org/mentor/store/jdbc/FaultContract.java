package org.mentor.store.jdbc;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.RegistryListener;
import org.mentor.core.testing.CaseBuilder;

/**
 * A failure in the middle of recording (the connection lost, a constraint violated, a listener
 * throwing) leaves neither a half-written event nor a changed version, and a registry rebuilt
 * from the store equals the one before. Run on H2 and PostgreSQL.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class FaultContract {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-20T08:00:00Z"), ZoneId.of("UTC"));

  Database.Opened db;
  JdbcCaseStore store;
  CaseRegistry registry;
  CaseBuilder first;
  CaseBuilder second;
  EventId pillCount;

  abstract Database database();

  @BeforeEach
  void open() {
    db = database().open();
    store = db.store();
    registry = registry(store);
    first = StoreContract.fullCase("first");
    pillCount = first.events().stream().filter(e -> e.kind() == EventKind.PILL_COUNTED).findFirst().orElseThrow().id();
    second = StoreContract.fullCase("second");
    load(registry, first);
    load(registry, second);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static CaseRegistry registry(JdbcCaseStore store) {
    return CaseRegistry.builder().clock(CLOCK).store(store).build();
  }

  static void load(CaseRegistry registry, CaseBuilder built) {
    List<PathwayEvent> events = built.events();
    registry.enrol(built.caseId(), (Enrolled) events.get(0));
    if (events.size() > 1) {
      registry.record(built.caseId(), events.subList(1, events.size()), 1);
    }
  }

  static Map<CaseId, CaseFile> files(CaseRegistry registry) {
    Map<CaseId, CaseFile> files = new LinkedHashMap<>();
    registry.caseIds().stream().sorted().forEach(id -> files.put(id, registry.file(id)));
    return files;
  }

  /** A correction of the first case's pill count: it re-folds, and on PostgreSQL takes the multi-statement path. */
  Corrected correction() {
    return new Corrected(pillCount, new PillCounted(EventId.of("fix-1"), of(2025, 5, 26),
        Instant.parse("2025-05-27T09:00:00Z"), CaseBuilder.CLINIC, 30, 3, 28, 1));
  }

  /** Asserts the store and a registry rebuilt from it hold exactly what the registry held before the fault. */
  void assertNothingChanged(Map<CaseId, CaseFile> before, CaseRegistry writer) {
    assertThat(files(writer)).isEqualTo(before);
    for (CaseFile file : before.values()) {
      assertThat(store.load(file.caseId()).orElseThrow().events()).isEqualTo(file.history());
    }
    assertThat(files(registry(store))).isEqualTo(before);
  }

  /** A registry whose store loses its connection before the statement (or commit) given, once armed. */
  CaseRegistry losingConnectionBefore(String sql) {
    AtomicBoolean armed = new AtomicBoolean();
    DataSource faulty = FaultyDataSource.before(db.unpooled(), sql, armed, database().loseConnection());
    CaseRegistry writer = registry(JdbcCaseStore.create(faulty));
    armed.set(true);
    return writer;
  }

  private void loseConnectionBefore(String sql, PathwayEvent event) {
    CaseRegistry writer = losingConnectionBefore(sql);
    Map<CaseId, CaseFile> before = files(writer);

    assertThatThrownBy(() -> writer.record(first.caseId(), event))
        .isInstanceOfSatisfying(JdbcStoreException.class, e -> {
          assertThat(e.sqlState()).isNotEmpty();
          assertThat(e.getMessage()).doesNotContain("first");
          assertThat(e.getCause().getMessage()).contains("redacted");
        });

    assertNothingChanged(before, writer);
  }

  @Test
  void given_the_connection_lost_before_the_events_are_written_when_a_visit_is_recorded_then_nothing_is_written() {
    loseConnectionBefore("INSERT INTO mentor_event", StoreContract.visit("lost-visit", 30));
  }

  @Test
  void given_the_connection_lost_after_the_case_row_moved_when_a_correction_is_recorded_then_nothing_is_written() {
    loseConnectionBefore("INSERT INTO mentor_event (case_id, seq, event_id, event_type, schema_version, occurred_on,"
        + " recorded_at, payload) VALUES", correction());
  }

  @Test
  void given_the_connection_lost_at_commit_when_a_correction_is_recorded_then_nothing_is_written() {
    loseConnectionBefore("COMMIT", correction());
  }

  @Test
  void given_the_connection_lost_when_a_case_is_enrolled_then_no_case_row_is_left() {
    CaseRegistry writer = losingConnectionBefore("INSERT INTO mentor_event");
    Map<CaseId, CaseFile> before = files(writer);
    CaseBuilder third = aCase("third").enrolledAtAnc(of(2025, 5, 5));

    assertThatThrownBy(() -> writer.enrol(third.caseId(), (Enrolled) third.events().get(0)))
        .isInstanceOf(JdbcStoreException.class);

    assertNothingChanged(before, writer);
    assertThat(store.load(third.caseId())).isEmpty();
    load(registry, third); // the id is free: nothing was half-written under it
    assertThat(store.load(third.caseId()).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void given_an_id_another_case_holds_in_the_middle_of_a_batch_when_recorded_then_the_unique_constraint_refuses_it_all() {
    Map<CaseId, CaseFile> before = files(registry);
    List<PathwayEvent> batch = List.of(StoreContract.visit("fresh", 40), StoreContract.visit("first-e3", 41));

    assertThatThrownBy(() -> registry.record(second.caseId(), batch, -1))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.EVENT_ID_REUSED));

    assertNothingChanged(before, registry);
  }

  @Test
  void given_a_listener_that_throws_after_an_event_is_stored_when_recording_then_the_store_and_the_registry_agree() {
    CaseRegistry noisy = CaseRegistry.builder().clock(CLOCK).store(store).listener(new RegistryListener() {
      @Override
      public void recorded(EventKind kind, boolean refolded) {
        throw new IllegalStateException("metrics backend down");
      }
    }).build();
    PathwayEvent visit = StoreContract.visit("noisy-visit", 50);
    long before = noisy.file(first.caseId()).version();

    // The registry calls its listener after the store committed: the caller sees the listener's
    // exception, yet the event is recorded, in the store and in the registry alike.
    assertThatThrownBy(() -> noisy.record(first.caseId(), visit)).hasMessage("metrics backend down");

    assertThat(store.load(first.caseId()).orElseThrow().version()).isEqualTo(before + 1);
    assertThat(noisy.file(first.caseId()).version()).isEqualTo(before + 1);
    assertThat(files(registry(store))).isEqualTo(files(noisy));
    assertThat(noisy.record(first.caseId(), visit)).isEqualTo(before + 1); // a retry is a no-op
    assertThat(store.load(first.caseId()).orElseThrow().version()).isEqualTo(before + 1);
  }

  @Test
  void given_a_listener_that_throws_on_a_refusal_when_an_impossible_event_is_recorded_then_nothing_is_written() {
    CaseRegistry noisy = CaseRegistry.builder().clock(CLOCK).store(store).listener(new RegistryListener() {
      @Override
      public void refused(Rule rule) {
        throw new IllegalStateException("metrics backend down");
      }
    }).build();
    Map<CaseId, CaseFile> before = files(noisy);
    InfantHivTested beforeBirth = new InfantHivTested(EventId.of("early"), of(2025, 9, 1),
        Instant.parse("2025-09-01T12:00:00Z"), CaseBuilder.CLINIC, first.infantA(), InfantTestType.NAT,
        InfantTestResult.NEGATIVE, Optional.of(of(2025, 9, 8)));

    assertThatThrownBy(() -> noisy.record(first.caseId(), beforeBirth)).hasMessage("metrics backend down");

    assertNothingChanged(before, noisy);
  }
}
