package org.mentor.store.jdbc;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.ChangedCases;
import org.mentor.core.registry.StoreCursor;
import org.mentor.core.testing.CaseBuilder;

/**
 * Two writers on one database: two registries on overlapping cases lose and duplicate nothing and
 * see each other after a refresh; the change feed follows commit order. Run on H2 and PostgreSQL.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class ConcurrencyContract {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-20T08:00:00Z"), ZoneId.of("UTC"));
  private static final int CASES = 200;
  private static final int EVENTS_PER_WRITER = 1_000;

  Database.Opened db;
  JdbcConnectionPool secondPool;

  abstract Database database();

  @BeforeEach
  void open() {
    db = database().open();
  }

  @AfterEach
  void close() {
    if (secondPool != null) {
      secondPool.dispose();
    }
    db.close();
  }

  private static MentorVisited visit(String id, SplittableRandom random) {
    var on = of(2025, 5, 1).plusDays(random.nextInt(200));
    return new MentorVisited(EventId.of(id), on, on.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC), CaseBuilder.CLINIC,
        ContactMode.HOME);
  }

  @Test
  void given_two_registries_writing_overlapping_cases_at_once_when_both_refresh_then_no_event_is_lost_or_stored_twice()
      throws Exception {
    CaseRegistry first = FaultContract.registry(db.store());
    // the second registry has a pool of its own, as a second server of the EMR would
    secondPool = db.newPool();
    CaseRegistry second = FaultContract.registry(JdbcCaseStore.create(secondPool));
    for (int c = 0; c < CASES; c++) {
      FaultContract.load(first, aCase("k" + c).enrolledAtAnc(of(2025, 4, 28)));
    }
    assertThat(second.refresh()).isEqualTo(CASES);

    Set<EventId> expected = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicInteger retried = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    CaseRegistry[] registries = {first, second};
    for (int w = 0; w < 2; w++) {
      int writer = w;
      done.add(threads.submit(() -> {
        SplittableRandom random = new SplittableRandom(writer);
        SplittableRandom shared = new SplittableRandom(99); // both writers draw the same shared events
        for (int i = 0; i < EVENTS_PER_WRITER; i++) {
          // writer 0 takes cases 0..139, writer 1 cases 60..199: 80 cases get both
          int c = writer == 0 ? random.nextInt(140) : 60 + random.nextInt(140);
          MentorVisited event = visit("w" + writer + "-" + i, random);
          if (i % 10 == 0) { // the same event, same id, recorded by both writers (a duplicate from a sync)
            c = 60 + shared.nextInt(80);
            event = visit("shared-" + i, shared);
          }
          expected.add(event.id());
          record(registries[writer], CaseId.of("k" + c), event, retried);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES);
    }
    threads.shutdown();
    first.refresh();
    second.refresh();

    JdbcCaseStore store = db.store();
    long stored = 0;
    Set<EventId> seen = new HashSet<>();
    for (int c = 0; c < CASES; c++) {
      CaseId id = CaseId.of("k" + c);
      List<PathwayEvent> events = store.load(id).orElseThrow().events();
      assertThat(first.file(id)).as("case %s", id).isEqualTo(second.file(id));
      assertThat(first.file(id).history()).isEqualTo(events);
      events.stream().skip(1).forEach(e -> assertThat(seen.add(e.id())).as("stored once: %s", e.id()).isTrue());
      stored += events.size();
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(stored).isEqualTo(CASES + expected.size());
    assertThat(expected).hasSize(2 * EVENTS_PER_WRITER - EVENTS_PER_WRITER / 10);
    assertThat(FaultContract.files(FaultContract.registry(store))).isEqualTo(FaultContract.files(first));
  }

  /** Records as an EMR would: the registry retries a conflict three times; past that, try again. */
  private static void record(CaseRegistry registry, CaseId id, PathwayEvent event, AtomicInteger retried) {
    while (true) {
      try {
        registry.record(id, event);
        return;
      } catch (VersionConflictException e) {
        retried.incrementAndGet();
      }
    }
  }

  /**
   * The scenario: transaction T1 begins and writes, T2 writes and commits, a reader
   * advances its cursor, T1 commits; the reader's next read must return T1's case. T1 is held
   * just before its commit (a correction, which the store writes in a multi-statement
   * transaction on both databases).
   */
  @Test
  void given_a_transaction_that_began_first_and_commits_last_when_a_reader_advanced_meanwhile_then_its_next_read_returns_it()
      throws Exception {
    JdbcCaseStore store = db.store();
    CaseBuilder t1Case = StoreContract.fullCase("t1-case");
    CaseBuilder t2Case = StoreContract.fullCase("t2-case");
    store.append(t1Case.caseId(), 0, t1Case.events());
    store.append(t2Case.caseId(), 0, t2Case.events());
    StoreCursor cursor = readAll(store, StoreCursor.START).next();

    CountDownLatch t1Wrote = new CountDownLatch(1);
    CountDownLatch t1MayCommit = new CountDownLatch(1);
    AtomicBoolean armed = new AtomicBoolean();
    DataSource holding = FaultyDataSource.before(db.unpooled(), "COMMIT", armed, connection -> {
      t1Wrote.countDown();
      if (!t1MayCommit.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never let T1 commit");
      }
    });
    JdbcCaseStore t1Store = JdbcCaseStore.create(holding);
    armed.set(true);
    PathwayEvent pillCount = t1Case.events().stream().filter(e -> e.kind() == EventKind.PILL_COUNTED).findFirst().orElseThrow();
    Corrected correction = new Corrected(pillCount.id(), new org.mentor.core.pathway.PillCounted(EventId.of("t1-fix"),
        pillCount.occurredOn(), Instant.parse("2025-06-01T09:00:00Z"), CaseBuilder.CLINIC, 30, 3, 28, 1));

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Long> t1 = threads.submit(() -> t1Store.append(t1Case.caseId(), 13, List.of(correction)));
      assertThat(t1Wrote.await(1, TimeUnit.MINUTES)).isTrue();
      Future<Long> t2 = threads.submit(() -> store.append(t2Case.caseId(), 13, List.of(StoreContract.visit("t2-visit", 1))));
      if (database() == Database.POSTGRESQL) {
        assertThat(t2.get(1, TimeUnit.MINUTES)).isEqualTo(14); // T2 committed while T1 is open
      } // on H2, T2 waits for T1's lock on the feed counter: H2 serialises appends

      ChangedCases duringT1 = readAll(store, cursor);
      t1MayCommit.countDown();
      assertThat(t1.get(1, TimeUnit.MINUTES)).isEqualTo(14);
      assertThat(t2.get(1, TimeUnit.MINUTES)).isEqualTo(14);
      ChangedCases afterT1 = readAll(store, duringT1.next());

      assertThat(afterT1.cases()).contains(t1Case.caseId());
      assertThat(duringT1.cases()).doesNotContain(t1Case.caseId());
      List<CaseId> both = new ArrayList<>(duringT1.cases());
      both.addAll(afterT1.cases());
      assertThat(both).containsExactlyInAnyOrder(t1Case.caseId(), t2Case.caseId());
      if (database() == Database.POSTGRESQL) {
        // T2's change waits behind the open T1: the feed is read only below the oldest running transaction
        assertThat(duringT1.cases()).isEmpty();
        assertThat(duringT1.next()).isEqualTo(cursor);
      }
    } finally {
      t1MayCommit.countDown();
      threads.shutdown();
    }
  }

  private static ChangedCases readAll(JdbcCaseStore store, StoreCursor from) {
    List<CaseId> cases = new ArrayList<>();
    StoreCursor cursor = from;
    while (true) {
      ChangedCases page = store.changedSince(cursor, 2);
      if (page.cases().isEmpty()) {
        return new ChangedCases(com.google.common.collect.ImmutableList.copyOf(cases), cursor);
      }
      cases.addAll(page.cases());
      cursor = page.next();
    }
  }
}
