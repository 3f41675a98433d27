package org.mentor.bench;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.InMemoryPushJournal;
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
 *   <li>{@link #direct}: the baseline, the transactions Mentor's mapping builds, encoded before the timing, posted.
 *   <li>{@link #push}: {@link FhirPush#push()} of the same cases, never pushed before (a fresh identifier base per
 *       iteration): mapping, change detection, journal, hashing, encoding, posting.
 *   <li>{@link #repushUnchanged}: the same push once more, nothing changed.
 * </ul>
 *
 * Single-shot: each operation is a whole push. Each benchmark and parameter set runs in its own fork, so each starts on
 * a fresh server and database; inside a fork every iteration writes a fresh identifier base. Resources/s = the resources per push (20 cases
 * of 40 events: 1 202 resources) / the time. Run: {@code java -jar mentor-bench/target/benchmarks.jar FhirPushBenchmark}.
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
  @Param({"1", "4"})
  public int concurrency;

  /** Cases per push. */
  @Param({"20"})
  public int cases;

  FhirTestServer server;
  FhirContext fhir;
  CaseRegistry registry;
  FhirMapping mapping;
  FhirPush push;
  List<byte[]> preEncoded;
  CloseableHttpClient http;
  ExecutorService pool;

  @Setup(Level.Trial)
  public void startServer() {
    server = FhirTestServer.builder().start();
    fhir = FhirContext.forR4();
    LocalDate today = LocalDate.of(2000, 1, 1);
    List<SyntheticCase> synthetic = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      SyntheticCase c = SyntheticCase.generate(ApplyBenchmark.SEED + i, events);
      synthetic.add(c);
      today = today.isBefore(c.lastDay().plusDays(14)) ? c.lastDay().plusDays(14) : today;
    }
    registry = CaseRegistry.builder().clock(Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).build();
    for (SyntheticCase c : synthetic) {
      CaseFile file = c.file();
      List<PathwayEvent> history = file.history();
      registry.enrol(file.caseId(), (Enrolled) history.get(0));
      registry.record(file.caseId(), history.subList(1, history.size()), 1);
    }
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
    connections.setMaxTotal(concurrency);
    connections.setDefaultMaxPerRoute(concurrency);
    http = HttpClients.custom().setConnectionManager(connections).disableAutomaticRetries().build();
    pool = Executors.newFixedThreadPool(concurrency);
  }

  /** A fresh identifier base: every push and post writes new resources, as a first push does. */
  @Setup(Level.Iteration)
  public void freshBase() throws Exception {
    mapping = FhirMapping.builder(fhir, "https://b" + UUID.randomUUID().toString().replace("-", "") + ".example.org/mentor").build();
    push = FhirPush.builder(registry, mapping, server.baseUrl()).journal(new InMemoryPushJournal()).concurrency(concurrency).build();
    preEncoded = new ArrayList<>();
    for (CaseId id : registry.caseIds()) {
      CaseFile file = registry.file(id);
      var mapped = mapping.map(file, Protocol.who2021(), registry.today());
      preEncoded.add(fhir.newJsonParser().encodeResourceToString(mapping.transaction(mapped)).getBytes(StandardCharsets.UTF_8));
    }
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
    List<Future<Integer>> answers = new ArrayList<>();
    for (byte[] body : preEncoded) {
      answers.add(pool.submit(() -> {
        HttpPost post = new HttpPost(server.baseUrl());
        post.setHeader("Accept", "application/fhir+json");
        post.setEntity(new ByteArrayEntity(body, ContentType.create("application/fhir+json", StandardCharsets.UTF_8)));
        try (CloseableHttpResponse response = http.execute(post)) {
          EntityUtils.consume(response.getEntity());
          int status = response.getStatusLine().getStatusCode();
          if (status != 200) {
            throw new IllegalStateException("HTTP " + status);
          }
          return status;
        }
      }));
    }
    for (Future<Integer> f : answers) {
      f.get();
    }
    return answers.size();
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
