package org.mentor.fhir.push;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.fhir.reconcile.Finding;
import org.mentor.fhir.reconcile.FhirReconcile;
import org.mentor.fhir.reconcile.ReconcileReport;
import org.mentor.fhir.reconcile.RepairReport;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults interleaved with edits between pushes, each followed by a resumed push and a reconcile: 0 duplicates, 0
 * missing, 0 stale. Faults are counted where they are injected (server interceptor, cutting proxy, server restarts);
 * the suite injects at least 100.
 */
@ExtendWith(FhirTestServerExtension.class)
class PushFaultsTest {
  private static final Logger LOG = LoggerFactory.getLogger(PushFaultsTest.class);
  private static final AtomicInteger FAULTS = new AtomicInteger();
  private static final AtomicInteger RECONCILES = new AtomicInteger();

  @AfterAll
  static void faultsInjected() {
    LOG.info("push fault suite: {} faults injected, {} reconciles, all with 0 duplicates, 0 missing, 0 stale", FAULTS.get(),
        RECONCILES.get());
    assertThat(FAULTS.get()).isGreaterThanOrEqualTo(100);
  }

  private static FhirPush push(PushWorld world, String baseUrl, PushJournal journal, int attempts) {
    return FhirPush.builder(world.registry, world.mapping, baseUrl).journal(journal).retry(Servers.quickRetries(attempts))
        .socketTimeout(Duration.ofMillis(1500)).build();
  }

  private static void reconcileClean(IGenericClient reader, PushWorld world) {
    Reconcile.Counts counts = new Reconcile(reader, world).check();
    RECONCILES.incrementAndGet();
    assertThat(counts.clean()).as(counts.toString()).isTrue();
    assertThat(counts.expected()).isPositive();
  }

  /** Requests that failed in a report: each retry, and the last attempt of each failed case and shared write. */
  private static int failedRequests(PushReport r) {
    return r.retries() + (int) r.failures().stream().filter(f -> f.attempts() > 0).count() + r.sharedFailures().size();
  }

  @Test
  void faults_between_edits_are_resumed_to_exactly_the_current_content(FhirTestServer server, @TempDir Path dir)
      throws Exception {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl());
    FaultInterceptor faults = new FaultInterceptor(2500);
    server.registerInterceptor(faults);
    Path journalFile = dir.resolve("push.journal");
    Random random = new Random(20260110);
    List<PushWorld.Edit> edits = new ArrayList<>();
    try (CuttingProxy proxy = new CuttingProxy(server.port())) {
      try (FilePushJournal journal = FilePushJournal.open(journalFile)) {
        assertThat(push(world, proxy.baseUrl(), journal, 3).push().complete()).isTrue();
      }
      FaultInterceptor.Kind[] kinds = FaultInterceptor.Kind.values();
      int sharedWritten = 0;
      for (int round = 0; round < 32; round++) {
        int edited = 1 + random.nextInt(3);
        for (int i = 0; i < edited; i++) {
          world.randomEdit(random, edits);
        }
        world.clock.advanceDays(1);
        world.appointment(world.cases.get(random.nextInt(world.cases.size()))); // at least one case to push
        world.appointment(world.cases.get(random.nextInt(world.cases.size())));
        if (round % 3 == 0) { // a mentor new to the server: her shared resources are written under the faults too
          world.assignMentor(world.cases.get(random.nextInt(world.cases.size())), "mentor-r" + round);
        }
        int before = faults.injected() + proxy.cuts();
        int which = round % (kinds.length + 1);
        if (which == kinds.length) {
          proxy.arm(2 + random.nextInt(4)); // connection cut after the request was sent
        } else if (kinds[which] == FaultInterceptor.Kind.TIMEOUT) {
          faults.arm(kinds[which], 1 + random.nextInt(2));
        } else {
          faults.arm(kinds[which], 2 + random.nextInt(4));
        }
        int failed = 0;
        PushReport report;
        int runs = 0;
        do { // each run is a new process: the journal is read back from its file
          try (FilePushJournal journal = FilePushJournal.open(journalFile)) {
            report = push(world, proxy.baseUrl(), journal, 3).push();
          }
          failed += failedRequests(report);
          sharedWritten += report.sharedResources();
          assertThat(report.failures()).allMatch(f -> f.kind() == CaseFailure.Kind.TRANSIENT || f.kind() == CaseFailure.Kind.CONFLICT);
          if (++runs == 4) {
            faults.disarm();
            proxy.disarm();
          }
        } while (!report.complete() && runs < 6);
        assertThat(report.complete()).as(report.failures().toString()).isTrue();
        faults.disarm();
        proxy.disarm();
        // A transaction held past the client's timeout commits on the server after the client gave up: within this
        // round it writes what the retry wrote. The round waits for it, as an operator's next sync comes much later
        // than a server's slowest transaction; a late commit after the next push of the same case would write older
        // content back: the push cannot see that, reconcile does and repairs it (late_commit_after_a_newer_push...).
        assertThat(faults.awaitHeldFinished(Duration.ofSeconds(60))).as("held transactions finished").isTrue();
        int injected = faults.injected() + proxy.cuts() - before;
        assertThat(injected).as("round %s injected faults", round).isPositive();
        assertThat(failed).as("round %s (%s): every injected fault failed a request", round, which == kinds.length ? "cut" : kinds[which]).isGreaterThanOrEqualTo(injected);
        FAULTS.addAndGet(injected);
        reconcileClean(reader, world);
      }
      LOG.info("fault rounds: 503 {}, 500 {}, 429 {}, 409 {}, 500 after commit {}, timeouts {}, cuts after the request {}; "
          + "{} shared resources (mentors') written during the rounds",
          faults.injected(FaultInterceptor.Kind.UNAVAILABLE_503), faults.injected(FaultInterceptor.Kind.ERROR_500),
          faults.injected(FaultInterceptor.Kind.TOO_MANY_429), faults.injected(FaultInterceptor.Kind.CONFLICT_409),
          faults.injected(FaultInterceptor.Kind.ERROR_500_AFTER_COMMIT), faults.injected(FaultInterceptor.Kind.TIMEOUT), proxy.cuts(),
          sharedWritten);
      assertThat(sharedWritten).as("new mentors' resources written while faults were armed").isGreaterThanOrEqualTo(2 * 10);
    } finally {
      server.unregisterInterceptor(faults);
    }
  }

  /**
   * The limit the fault rounds wait out (docs/fhir-sync.md, "Limits"): a transaction the client gave up on commits
   * after a newer push of the same case and writes the older content back. The push cannot see it (the server
   * confirmed the newer push); reconcile finds the resource stale and repair restores the current content.
   */
  @Test
  void a_transaction_committing_after_a_newer_push_of_its_case_is_found_by_reconcile_and_repaired(FhirTestServer server)
      throws Exception {
    PushWorld world = new PushWorld();
    CaseId s3 = CaseId.of("s3");
    FaultInterceptor faults = new FaultInterceptor(0);
    server.registerInterceptor(faults);
    InMemoryPushJournal journal = new InMemoryPushJournal();
    try {
      assertThat(push(world, server.baseUrl(), journal, 3).push().complete()).isTrue();
      world.clock.advanceDays(1);
      EventId result = world.lateResult(s3, 2400);
      faults.holdUntilReleased();
      faults.arm(FaultInterceptor.Kind.TIMEOUT, 1);
      PushReport first = push(world, server.baseUrl(), journal, 3).push(List.of(s3));
      assertThat(first.complete()).as(first.failures().toString()).isTrue();
      assertThat(first.retries()).as("the held transaction timed out and was retried").isPositive();

      world.correct(s3, result, 50); // the result corrected: 2400 became 50 copies/mL
      PushReport second = push(world, server.baseUrl(), journal, 3).push(List.of(s3));
      assertThat(second.complete()).isTrue();
      faults.release();
      assertThat(faults.awaitHeldFinished(Duration.ofSeconds(60))).isTrue();
      FAULTS.incrementAndGet();

      assertThat(push(world, server.baseUrl(), journal, 3).push(List.of(s3)).pushed()).as("the journal sees nothing to send")
          .isZero();
      FhirReconcile reconcile = FhirReconcile.builder(world.registry, world.mapping, server.baseUrl()).build();
      ReconcileReport report = reconcile.check(List.of(s3));
      assertThat(report.differing()).as(report.toString()).isNotEmpty()
          .allMatch(f -> f.kind() == Finding.Kind.DIFFERING && f.caseId().equals(java.util.Optional.of(s3)));
      assertThat(report.missing()).isEmpty();
      RepairReport repaired = reconcile.repair(report);
      assertThat(repaired.after().clean()).as(repaired.after().toString()).isTrue();
      assertThat(repaired.after().matching()).isEqualTo(repaired.after().expected()).isPositive();
    } finally {
      faults.release();
      server.unregisterInterceptor(faults);
    }
  }

  /** Signals when the n-th transaction arrives, so the test can stop the server in the middle of a push. */
  static final class TransactionCounter {
    final AtomicInteger seen = new AtomicInteger();
    volatile CountDownLatch latch = new CountDownLatch(1);
    volatile int signalAt = Integer.MAX_VALUE;

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void before(RequestDetails request, RestOperationTypeEnum operation) {
      if (operation == RestOperationTypeEnum.TRANSACTION && seen.incrementAndGet() == signalAt) {
        latch.countDown();
      }
    }
  }

  @Test
  void the_server_stopped_mid_push_and_restarted(@TempDir Path dir) throws Exception {
    PushWorld world = new PushWorld();
    Random random = new Random(7);
    List<PushWorld.Edit> edits = new ArrayList<>();
    try (FhirTestServer server = FhirTestServer.builder().start(); FilePushJournal journal = FilePushJournal.open(dir.resolve("j"))) {
      IGenericClient reader = Servers.reader(server.baseUrl());
      TransactionCounter counter = new TransactionCounter();
      server.registerInterceptor(counter);
      FhirPush push = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).journal(journal).concurrency(2)
          .retry(new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(800))).build();
      for (int cycle = 0; cycle < 3; cycle++) {
        world.randomEdit(random, edits);
        world.clock.advanceDays(2);
        world.cases.forEach(world::appointment); // every case changes: seven transactions...
        world.assignMentor(world.cases.get(cycle), "mentor-stop" + cycle); // ...and a new mentor's shared write
        counter.latch = new CountDownLatch(1);
        counter.signalAt = counter.seen.get() + 3; // the third transaction of this push
        CompletableFuture<PushReport> running = CompletableFuture.supplyAsync(push::push);
        assertThat(counter.latch.await(60, TimeUnit.SECONDS)).isTrue();
        server.stop();
        FAULTS.incrementAndGet();
        Thread.sleep(400);
        server.start();
        PushReport report = running.get(120, TimeUnit.SECONDS);
        if (!report.complete()) {
          report = push.push(); // resumed
        }
        assertThat(report.complete()).as(report.failures().toString()).isTrue();
        reconcileClean(reader, world);
      }
    }
  }

  @Test
  void two_clients_pushing_overlapping_cases_concurrently_in_put_mode_make_no_duplicates(FhirTestServer server) throws Exception {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl());
    Random random = new Random(3);
    List<PushWorld.Edit> edits = new ArrayList<>();
    InMemoryPushJournal a = new InMemoryPushJournal();
    InMemoryPushJournal b = new InMemoryPushJournal();
    for (int round = 0; round < 3; round++) {
      world.randomEdit(random, edits);
      world.clock.advanceDays(1);
      // A mentor new to the server on a case both clients push: both write her resources at the same moment.
      world.assignMentor(world.cases.get(2 + round), "mentor-put" + round);
      List<CaseId> first = world.cases.subList(0, 5);
      List<CaseId> second = world.cases.subList(2, 7); // s5, s6, s7 go from both
      CompletableFuture<PushReport> one = CompletableFuture.supplyAsync(() -> putPush(world, server, a).push(first));
      CompletableFuture<PushReport> two = CompletableFuture.supplyAsync(() -> putPush(world, server, b).push(second));
      assertThat(one.get(120, TimeUnit.SECONDS).complete()).isTrue();
      assertThat(two.get(120, TimeUnit.SECONDS).complete()).isTrue();
      reconcileClean(reader, world);
    }
  }

  private static FhirPush putPush(PushWorld world, FhirTestServer server, PushJournal journal) {
    return FhirPush.builder(world.registry, world.mapping, server.baseUrl()).journal(journal).mode(PushMode.DETERMINISTIC_ID)
        .concurrency(2).retry(Servers.quickRetries(8)).build();
  }

  /** Refuses the transaction of one case with a 422 whose diagnostics quote its identifier. */
  static final class RefuseOneCase {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void before(RequestDetails request, RestOperationTypeEnum operation) {
      if (operation == RestOperationTypeEnum.TRANSACTION
          && new String(request.loadRequestContents(), StandardCharsets.UTF_8).contains("\"s3/s3-e1\"")) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
            .setDiagnostics("HAPI-0450: Observation with identifier s3/s3-e1 value 2400 is invalid").addExpression("Bundle.entry[3].resource");
        throw new UnprocessableEntityException(PushWorld.FHIR, oo);
      }
    }
  }

  @Test
  void a_refused_case_is_named_with_its_redacted_outcome_and_the_others_go_on(FhirTestServer server) {
    PushWorld world = new PushWorld();
    RefuseOneCase refuse = new RefuseOneCase();
    server.registerInterceptor(refuse);
    try {
      // Default timeouts: this test is about a refusal, and a loaded machine must not turn answers into timeouts.
      PushReport report = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).retry(Servers.quickRetries(3)).build().push();
      assertThat(report.pushed()).as(report.failures().toString()).isEqualTo(6);
      assertThat(report.failures()).hasSize(1);
      CaseFailure failure = report.failures().get(0);
      assertThat(failure.caseId()).isEqualTo(CaseId.of("s3"));
      assertThat(failure.kind()).isEqualTo(CaseFailure.Kind.REFUSED);
      assertThat(failure.httpStatus()).isEqualTo(422);
      assertThat(failure.attempts()).isEqualTo(1); // never retried
      assertThat(failure.toString()).contains("case s3", "HAPI-0450", "Bundle.entry[3].resource", "error/invalid")
          .doesNotContain("2400").doesNotContain("s3/s3-e1");
    } finally {
      server.unregisterInterceptor(refuse);
    }
  }
}
