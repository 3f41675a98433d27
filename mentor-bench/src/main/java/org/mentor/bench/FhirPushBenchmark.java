package org.mentor.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.http.impl.client.CloseableHttpClient;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.testserver.FhirTestServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pushing {@code cases} synthetic cases of {@code events} events each into the in-process HAPI JPA server
 * (mentor-fhir-testserver), at {@code concurrency} requests in flight, against posting the same transactions,
 * pre-encoded, with a bare Apache HttpClient at the same concurrency; and re-pushing the unchanged cases (issue 9:
 * push ≥ 0.97 × direct, must ≥ 0.90; unchanged re-push ≤ 0.02 × first push, must ≤ 0.10).
 *
 * <ul>
 *   <li>{@link #direct}: the baseline, exactly the transactions a first push sends (its mentors' shared writes, then
 *       the cases'), captured from a push at trial set-up, re-based to a fresh identifier base, posted.
 *   <li>{@link #push}: {@link FhirPush#push()} of the same cases, never pushed before (a fresh identifier base per
 *       iteration): mapping, change detection, journal, hashing, encoding, posting.
 *   <li>{@link #repushUnchanged}: the same push once more, nothing changed.
 * </ul>
 *
 * Single-shot: each operation is a whole push. Each benchmark and parameter set runs in its own fork, so each starts on
 * a fresh server and database; inside a fork every iteration writes a fresh identifier base. Forks run one after the
 * other, so on a loaded machine prefer {@link FhirPushAB}, which alternates the two in one JVM; use this one with
 * {@code -prof gc} for bytes per push. Run: {@code java -jar mentor-bench/target/benchmarks.jar FhirPushBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class FhirPushBenchmark {
  /** Events per case (the transaction's size grows with it). */
  @Param({"40", "200"})
  public int events;

  /** Requests in flight. */
  @Param({"1", "2"})
  public int concurrency;

  /** Cases per push. */
  @Param({"20"})
  public int cases;

  FhirTestServer server;
  PushWorkload workload;
  PushWorkload.Capture capture;
  FhirPush push;
  List<byte[]> shared;
  List<byte[]> own;
  CloseableHttpClient http;
  ExecutorService pool;

  @Setup(Level.Trial)
  public void startServer() {
    server = FhirTestServer.builder().start();
    workload = new PushWorkload(cases, events);
    capture = workload.capture(server, concurrency);
    http = PushWorkload.bareClient(concurrency);
    pool = Executors.newFixedThreadPool(concurrency);
  }

  /** A fresh identifier base: every push and post writes new resources, as a first push does. */
  @Setup(Level.Iteration)
  public void freshBase() {
    push = workload.push(server, PushWorkload.newToken(), concurrency);
    String token = PushWorkload.newToken();
    shared = PushWorkload.rebase(capture.shared(), capture.token(), token);
    own = PushWorkload.rebase(capture.cases(), capture.token(), token);
  }

  @TearDown(Level.Iteration)
  public void closePush() {
    push.close();
  }

  @TearDown(Level.Trial)
  public void stopServer() throws Exception {
    pool.shutdownNow();
    http.close();
    server.close();
  }

  /** The baseline: the same transactions, encoded beforehand, posted at the same concurrency. */
  @Benchmark
  public int direct() throws Exception {
    PushWorkload.post(http, pool, server.baseUrl(), shared);
    PushWorkload.post(http, pool, server.baseUrl(), own);
    return shared.size() + own.size();
  }

  /** A first push of the cases. */
  @Benchmark
  public PushReport push() {
    PushReport report = push.push();
    if (!report.complete() || report.pushed() != cases) {
      throw new IllegalStateException("push incomplete: " + report.failures());
    }
    return report;
  }

  /** Pushes the cases once before a re-push is timed. */
  @State(Scope.Benchmark)
  public static class PushedOnce {
    @Setup(Level.Iteration)
    public void firstPush(FhirPushBenchmark bench) {
      PushReport first = bench.push.push();
      if (!first.complete()) {
        throw new IllegalStateException("push incomplete: " + first.failures());
      }
    }
  }

  /** The same push again, nothing changed: nothing is sent. */
  @Benchmark
  public PushReport repushUnchanged(PushedOnce pushed) {
    PushReport report = push.push();
    if (report.unchanged() != cases) {
      throw new IllegalStateException("re-push sent something");
    }
    return report;
  }
}
