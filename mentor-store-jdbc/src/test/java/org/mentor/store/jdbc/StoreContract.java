package org.mentor.store.jdbc;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.Voided;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.ChangedCases;
import org.mentor.core.registry.StoreCursor;
import org.mentor.core.registry.StoredCase;
import org.mentor.core.testing.CaseBuilder;

/** The store's own contract, beyond what the registry's suite checks; run on H2 and PostgreSQL. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class StoreContract {
  static final Instant PURGE_TIME = Instant.parse("2025-11-20T08:15:00Z");

  Database.Opened db;
  JdbcCaseStore store;

  abstract Database database();

  @BeforeEach
  void open() {
    db = database().open();
    store = JdbcCaseStore.builder(db.dataSource()).clock(Clock.fixed(PURGE_TIME, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void close() {
    db.close();
  }

  static CaseBuilder fullCase(String id) {
    return aCase(id).lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28)).consent(of(2025, 4, 28), true, true, false)
        .mentor(of(2025, 4, 28), "mm-12").startedArt(of(2025, 4, 28)).dispensed(of(2025, 4, 28), 30, 30)
        .appointment(of(2025, 4, 28), of(2025, 5, 26)).kept(of(2025, 5, 26), of(2025, 5, 26))
        .pillCount(of(2025, 5, 26), 30, 2, 28).viralLoad(of(2025, 7, 28), of(2025, 8, 4),
            org.mentor.core.pathway.ViralLoad.copies(2_400))
        .delivered(of(2025, 10, 10)).prophylaxisStarted(of(2025, 10, 10)).breastfed()
        .nat(of(2025, 10, 10), of(2025, 10, 24), InfantTestResult.NEGATIVE);
  }

  static MentorVisited visit(String id, int day) {
    return new MentorVisited(EventId.of(id), of(2025, 6, 1).plusDays(day), Instant.parse("2025-06-01T12:00:00Z")
        .plusSeconds(86_400L * day), CaseBuilder.CLINIC, ContactMode.HOME);
  }

  long count(String sql) {
    return new Rows(db).count(sql);
  }

  List<String> column(String sql) {
    return new Rows(db).column(sql);
  }

  void appendAll(CaseBuilder built) {
    List<PathwayEvent> events = built.events();
    assertThat(store.append(built.caseId(), 0, events.subList(0, 1))).isEqualTo(1);
    for (int i = 1; i < events.size(); i++) {
      assertThat(store.append(built.caseId(), i, List.of(events.get(i)))).isEqualTo(i + 1);
    }
  }

  @Test
  void given_a_case_appended_event_by_event_and_in_a_batch_when_loaded_then_its_events_come_back_equal_in_order() {
    CaseBuilder one = fullCase("one-by-one");
    CaseBuilder batch = fullCase("batched");
    appendAll(one);
    List<PathwayEvent> events = batch.events();
    assertThat(store.append(batch.caseId(), 0, events.subList(0, 1))).isEqualTo(1);
    assertThat(events).hasSize(13);
    assertThat(store.append(batch.caseId(), 1, events.subList(1, events.size()))).isEqualTo(13);

    assertThat(store.load(one.caseId())).hasValueSatisfying(stored -> {
      assertThat(stored.events()).containsExactlyElementsOf(one.events());
      assertThat(stored.version()).isEqualTo(13);
    });
    assertThat(store.load(batch.caseId()).orElseThrow().events()).containsExactlyElementsOf(batch.events());
    assertThat(store.load(CaseId.of("nobody"))).isEmpty();
  }

  @Test
  void given_events_stored_when_the_rows_are_read_then_each_carries_its_type_schema_version_sequence_and_dates() {
    CaseBuilder built = aCase("c1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28))
        .viralLoad(of(2025, 7, 28), of(2025, 8, 4), org.mentor.core.pathway.ViralLoad.copies(45));
    appendAll(built);

    assertThat(column("SELECT event_type || ' ' || schema_version || ' ' || seq || ' ' || occurred_on FROM mentor_event"
        + " WHERE case_id = 'c1' ORDER BY seq"))
        .containsExactly("Enrolled 1 1 2025-04-28", "ArtStarted 1 2 2025-04-28", "ViralLoadResulted 1 3 2025-07-28");
    assertThat(column("SELECT event_id FROM mentor_event WHERE case_id = 'c1' ORDER BY seq"))
        .containsExactly("c1-e1", "c1-e2", "c1-e3");
    assertThat(column("SELECT protocol_id || '@' || protocol_version || ' v' || version FROM mentor_case"))
        .containsExactly("WHO_2021@1 v3");
  }

  @Test
  void given_a_case_at_version_2_when_appending_with_a_stale_or_future_version_then_the_conflict_names_both_and_nothing_changes() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28));
    appendAll(built);

    for (long expected : new long[] {1, 3, 7}) {
      assertThatThrownBy(() -> store.append(built.caseId(), expected, List.of(visit("v-" + expected, 1))))
          .isInstanceOfSatisfying(VersionConflictException.class, e -> {
            assertThat(e.expectedVersion()).isEqualTo(expected);
            assertThat(e.actualVersion()).isEqualTo(2);
            assertThat(e.caseId()).isEqualTo(built.caseId());
            assertThat(e.getMessage()).doesNotContain("c1");
          });
    }
    assertThat(store.load(built.caseId()).orElseThrow().version()).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM mentor_event")).isEqualTo(2);
    assertThat(count("SELECT version FROM mentor_case")).isEqualTo(2);
  }

  @Test
  void given_a_case_id_already_stored_when_a_new_case_is_appended_under_it_then_the_conflict_says_it_is_at_version_1() {
    appendAll(aCase("c1").enrolledAtAnc(of(2025, 4, 28)));
    List<PathwayEvent> renamed = List.of(new org.mentor.core.pathway.Enrolled(EventId.of("other-enrolment"),
        of(2025, 5, 2), Instant.parse("2025-05-02T10:00:00Z"), CaseBuilder.CLINIC, org.mentor.core.MotherId.of("m9"),
        new ProtocolRef("WHO_2021", "1"), org.mentor.core.pathway.Codes.HivStatus.POSITIVE,
        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));

    assertThatThrownBy(() -> store.append(CaseId.of("c1"), 0, renamed))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).isEqualTo(1));
    assertThat(count("SELECT COUNT(*) FROM mentor_event")).isEqualTo(1);
  }

  @Test
  void given_an_append_that_committed_when_it_is_retried_then_it_is_refused_as_a_conflict_and_nothing_is_stored_twice() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28));
    appendAll(built);
    List<PathwayEvent> visits = List.of(visit("v1", 1), visit("v2", 2));
    assertThat(store.append(built.caseId(), 1, visits)).isEqualTo(3);

    assertThatThrownBy(() -> store.append(built.caseId(), 1, visits))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).isEqualTo(3));
    assertThatThrownBy(() -> store.append(built.caseId(), 0, built.events()))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).isEqualTo(3));

    assertThat(count("SELECT COUNT(*) FROM mentor_event")).isEqualTo(3);
    assertThat(store.load(built.caseId()).orElseThrow().events()).containsExactly(built.events().get(0), visits.get(0),
        visits.get(1));
  }

  @Test
  void given_an_event_id_stored_in_another_case_when_appended_then_EVT_001_is_raised_by_the_unique_constraint_and_nothing_is_written() {
    appendAll(aCase("c1").enrolledAtAnc(of(2025, 4, 28)));
    appendAll(aCase("c2").enrolledAtAnc(of(2025, 4, 28)));
    store.append(CaseId.of("c1"), 1, List.of(visit("shared-id", 1)));

    assertThatThrownBy(() -> store.append(CaseId.of("c2"), 1, List.of(visit("fresh-id", 1), visit("shared-id", 1))))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.rule().id()).isEqualTo("EVT-001");
          assertThat(e.field()).isEqualTo("event.id");
          assertThat(e.rejectedValue()).contains(EventId.of("shared-id"));
          assertThat(e.getMessage()).doesNotContain("shared-id").doesNotContain("c2");
        });
    assertThat(column("SELECT event_id FROM mentor_event WHERE case_id = 'c2'")).containsExactly("c2-e1");
    assertThat(count("SELECT version FROM mentor_case WHERE case_id = 'c2'")).isEqualTo(1);
  }

  @Test
  void given_the_same_id_with_other_content_in_the_same_place_when_retried_then_EVT_001_is_raised() {
    appendAll(aCase("c1").enrolledAtAnc(of(2025, 4, 28)));
    store.append(CaseId.of("c1"), 1, List.of(visit("v1", 1)));

    assertThatThrownBy(() -> store.append(CaseId.of("c1"), 2, List.of(visit("v1", 5))))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule().id()).isEqualTo("EVT-001"));
    assertThatThrownBy(() -> store.append(CaseId.of("c1"), 2, List.of(visit("v2", 2), visit("v2", 2))))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule().id()).isEqualTo("EVT-001"));
    assertThat(count("SELECT COUNT(*) FROM mentor_event")).isEqualTo(2);
  }

  @Test
  void given_changes_to_several_cases_when_read_page_by_page_then_each_case_comes_once_at_its_latest_change() {
    for (String id : List.of("a", "b", "c", "d")) {
      appendAll(aCase(id).enrolledAtAnc(of(2025, 4, 28)));
    }
    store.append(CaseId.of("b"), 1, List.of(visit("b-v", 1))); // b moves after d

    ChangedCases first = store.changedSince(StoreCursor.START, 3);
    ChangedCases second = store.changedSince(first.next(), 3);
    ChangedCases none = store.changedSince(second.next(), 3);

    assertThat(first.cases()).extracting(CaseId::value).containsExactly("a", "c", "d");
    assertThat(second.cases()).extracting(CaseId::value).containsExactly("b");
    assertThat(none.cases()).isEmpty();
    assertThat(none.next()).isEqualTo(second.next());
    assertThat(first.next().value()).doesNotContain("a").doesNotContain("d").startsWith("1:");

    store.append(CaseId.of("a"), 1, List.of(visit("a-v", 1)));
    assertThat(store.changedSince(second.next(), 10).cases()).extracting(CaseId::value).containsExactly("a");
  }

  @Test
  void given_a_cursor_not_made_by_this_store_when_read_then_it_is_refused() {
    for (String bad : List.of("42", "1:x:2", "2:1:1", "1:-5:0", "1:1")) {
      assertThatIllegalArgumentException().isThrownBy(() -> store.changedSince(new StoreCursor(bad), 10))
          .withMessageContaining("not a cursor of the JDBC case store");
    }
    assertThatIllegalArgumentException().isThrownBy(() -> store.changedSince(StoreCursor.START, 0));
  }

  @Test
  void given_more_cases_than_a_page_when_streamed_then_every_case_comes_once_whole_and_the_action_may_use_the_store() {
    int cases = CaseReader.PAGE_CASES * 2 + 7;
    Map<CaseId, List<PathwayEvent>> expected = new LinkedHashMap<>();
    for (int i = 0; i < cases; i++) {
      CaseBuilder built = aCase("case-" + i).enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28));
      if (i % 3 == 0) {
        built.viralLoad(of(2025, 7, 28), org.mentor.core.pathway.ViralLoad.copies(45));
      }
      store.append(built.caseId(), 0, built.events());
      expected.put(built.caseId(), built.events());
    }

    Map<CaseId, List<PathwayEvent>> streamed = new LinkedHashMap<>();
    store.forEach(stored -> {
      assertThat(store.load(stored.caseId())).contains(stored); // the connection is free during the action
      assertThat(streamed.put(stored.caseId(), stored.events())).isNull();
    });

    assertThat(streamed).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void given_a_stored_case_when_purged_then_its_events_and_row_are_gone_and_one_audit_row_says_when_and_by_whom_only() {
    CaseBuilder purged = fullCase("to-purge");
    CaseBuilder kept = fullCase("to-keep");
    appendAll(purged);
    appendAll(kept);

    assertThat(store.purge(purged.caseId(), "dpo-01")).isTrue();

    assertThat(store.load(purged.caseId())).isEmpty();
    assertThat(store.load(kept.caseId()).orElseThrow().events()).containsExactlyElementsOf(kept.events());
    assertThat(count("SELECT COUNT(*) FROM mentor_event WHERE case_id = 'to-purge'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM mentor_case WHERE case_id = 'to-purge'")).isZero();
    assertThat(column("SELECT purged_by FROM mentor_purge")).containsExactly("dpo-01");
    assertThat(column("SELECT purged_at FROM mentor_purge")).hasSize(1);
    assertThat(purgedAt()).isEqualTo(OffsetDateTime.parse("2025-11-20T08:15:00Z").toInstant());
    assertThat(column("SELECT column_name FROM information_schema.columns WHERE lower(table_name) = 'mentor_purge'"
        + " AND lower(table_schema) = lower(CURRENT_SCHEMA) ORDER BY ordinal_position")).map(String::toLowerCase).containsExactly("purge_no", "purged_at", "purged_by");
    List<CaseId> changed = new ArrayList<>();
    store.forEach(stored -> changed.add(stored.caseId()));
    assertThat(changed).containsExactly(kept.caseId());
    assertThat(store.changedSince(StoreCursor.START, 10).cases()).containsExactly(kept.caseId());
  }

  private Instant purgedAt() {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT purged_at FROM mentor_purge")) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void given_an_unknown_case_or_a_blank_purger_when_purged_then_nothing_is_written() {
    appendAll(aCase("c1").enrolledAtAnc(of(2025, 4, 28)));

    assertThat(store.purge(CaseId.of("nobody"), "dpo-01")).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> store.purge(CaseId.of("c1"), " "));
    assertThatIllegalArgumentException().isThrownBy(() -> store.purge(CaseId.of("c1"), "x".repeat(129)));

    assertThat(count("SELECT COUNT(*) FROM mentor_purge")).isZero();
    assertThat(store.load(CaseId.of("c1"))).isPresent();
  }

  @Test
  void given_a_purged_case_when_its_id_is_enrolled_again_then_it_starts_afresh() {
    CaseBuilder built = fullCase("c1");
    appendAll(built);
    store.purge(built.caseId(), "dpo-01");

    appendAll(built);

    assertThat(store.load(built.caseId()).orElseThrow().events()).containsExactlyElementsOf(built.events());
  }

  @Test
  void given_a_protocol_change_then_its_void_when_stored_then_the_case_row_follows_the_effective_protocol() {
    CaseBuilder built = aCase("c1").enrolledAtAnc(of(2025, 4, 28));
    appendAll(built);
    ProtocolChanged change = new ProtocolChanged(EventId.of("migrate"), of(2025, 6, 1),
        Instant.parse("2025-06-01T10:00:00Z"), CaseBuilder.CLINIC, new ProtocolRef("WHO_2025", "1"));
    store.append(built.caseId(), 1, List.of(change));
    assertThat(column("SELECT protocol_id FROM mentor_case")).containsExactly("WHO_2025");

    store.append(built.caseId(), 2, List.of(new Voided(EventId.of("undo"), of(2025, 6, 2),
        Instant.parse("2025-06-02T10:00:00Z"), CaseBuilder.CLINIC, EventId.of("migrate"), "wrong case")));

    assertThat(column("SELECT protocol_id || '@' || protocol_version FROM mentor_case")).containsExactly("WHO_2021@1");
  }

  @Test
  void given_a_second_store_on_the_same_database_when_created_then_the_schema_is_left_as_it_is() {
    appendAll(aCase("c1").enrolledAtAnc(of(2025, 4, 28)));

    JdbcCaseStore again = JdbcCaseStore.create(db.dataSource());
    JdbcCaseStore checkedOnly = JdbcCaseStore.builder(db.dataSource()).migrate(false).build();

    assertThat(again.load(CaseId.of("c1"))).isPresent();
    assertThat(checkedOnly.load(CaseId.of("c1"))).isPresent();
    assertThat(column("SELECT \"version\" FROM mentor_schema_history WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")).containsExactly("1");
  }

  @Test
  void given_a_schema_holding_the_EMRs_own_tables_when_the_store_is_created_then_its_history_starts_beside_them() {
    try (Database.Opened emr = database().open()) {
      try (Connection connection = emr.dataSource().getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE emr_patient (id INTEGER PRIMARY KEY)");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      assertThatThrownBy(() -> JdbcCaseStore.builder(emr.dataSource()).migrate(false).build())
          .isInstanceOf(org.flywaydb.core.api.FlywayException.class);

      JdbcCaseStore beside = emr.store();
      beside.append(CaseId.of("c1"), 0, aCase("c1").enrolledAtAnc(of(2025, 4, 28)).events());

      try (Connection connection = emr.dataSource().getConnection(); Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT \"version\" FROM mentor_schema_history WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
        List<String> versions = new ArrayList<>();
        while (rs.next()) {
          versions.add(rs.getString(1));
        }
        assertThat(versions).containsExactly("0", "1");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void given_a_pool_that_hands_out_connections_outside_auto_commit_when_used_then_each_goes_back_as_it_came_and_writes_are_committed() {
    List<Boolean> autoCommitAtClose = new ArrayList<>();
    javax.sql.DataSource manual = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
          Object result = method.invoke(db.unpooled(), args);
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          Connection real = (Connection) result;
          real.setAutoCommit(false);
          return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("close") && !real.isClosed()) {
                  autoCommitAtClose.add(real.getAutoCommit());
                }
                try {
                  return m.invoke(real, a);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        });
    JdbcCaseStore onManual = JdbcCaseStore.create(manual);
    autoCommitAtClose.clear();

    CaseBuilder built = fullCase("c1");
    onManual.append(built.caseId(), 0, built.events().subList(0, 1));
    onManual.append(built.caseId(), 1, built.events().subList(1, 13));
    assertThat(onManual.load(built.caseId()).orElseThrow().version()).isEqualTo(13);
    onManual.changedSince(StoreCursor.START, 5);

    assertThat(store.load(built.caseId()).orElseThrow().events()).isEqualTo(built.events()); // committed, seen elsewhere
    assertThat(autoCommitAtClose).hasSize(4).containsOnly(false);
  }

  @Test
  void given_a_builder_when_a_setting_is_made_twice_then_it_throws() {
    JdbcCaseStore.Builder builder = JdbcCaseStore.builder(db.dataSource()).migrate(true);
    assertThatThrownBy(() -> builder.migrate(false)).isInstanceOf(IllegalStateException.class).hasMessageContaining("migrate");
  }

  @Test
  void given_events_of_several_cases_when_loaded_then_each_case_holds_only_its_own() {
    appendAll(fullCase("x"));
    appendAll(fullCase("y"));
    StoredCase x = store.load(CaseId.of("x")).orElseThrow();
    assertThat(x.events()).allSatisfy(e -> assertThat(e.id().value()).startsWith("x-"));
  }
}
