package org.mentor.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.InMemoryPushJournal;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.testserver.FhirTestServer;

/**
 * The push benchmarks' workload: {@code cases} synthetic cases of {@code events} events in a registry (their mentors,
 * {@code bench-mentor-1…39}, shared between cases), and the baseline's bytes: exactly the transactions a first push
 * sends, captured at the server once, and re-based to a fresh identifier base for each direct posting (the base's token
 * is replaced wherever it occurs, URL-escaped or not). The direct posting sends the captured shared writes (mentors'
 * Practitioner and PractitionerRole) first, then the cases' transactions, at the push's concurrency, as the push orders
 * them.
 */
final class PushWorkload {
  final FhirContext fhir = FhirContext.forR4();
  final CaseRegistry registry;
  final int cases;
  final int events;

  PushWorkload(int cases, int events) {
    this.cases = cases;
    this.events = events;
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
  }

  /** A fresh identifier token (32 hex digits): every base made from one is new to the server. */
  static String newToken() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** A mapping under the base {@code https://b<token>.example.org/mentor}. */
  FhirMapping mapping(String token) {
    return FhirMapping.builder(fhir, "https://b" + token + ".example.org/mentor").build();
  }

  /** A push of every case under a fresh journal (a first push). */
  FhirPush push(FhirTestServer server, String token, int concurrency) {
    return FhirPush.builder(registry, mapping(token), server.baseUrl()).journal(new InMemoryPushJournal()).concurrency(concurrency)
        .build();
  }

  /** What a first push sent: its shared writes and its cases' transactions, under {@code token}. */
  record Capture(String token, List<String> shared, List<String> cases, long resources) {}

  /**
   * What a first push sent, unit by unit: the cases pushed in units of {@code unitSize} (one push call each, one
   * journal), and for each unit the shared writes it made and its cases' transactions.
   *
   * @param token the identifier token of the capture
   * @param units the cases of each unit
   * @param shared per unit, the shared writes (mentors new to the server in that unit)
   * @param cases per unit, the cases' transactions
   * @param resources the resources written in all
   */
  record Units(String token, List<List<CaseId>> units, List<List<String>> shared, List<List<String>> cases, long resources) {}

  /** Pushes the cases in units to {@code server}, one journal across the units, and keeps what each unit sent. */
  Units captureUnits(FhirTestServer server, int unitSize, int concurrency) {
    String token = newToken();
    Recorder recorder = new Recorder();
    List<CaseId> ids = List.copyOf(registry.caseIds());
    List<List<CaseId>> units = new ArrayList<>();
    List<List<String>> shared = new ArrayList<>();
    List<List<String>> own = new ArrayList<>();
    long resources = 0;
    server.registerInterceptor(recorder);
    try (FhirPush push = push(server, token, concurrency)) {
      for (int from = 0; from < ids.size(); from += unitSize) {
        List<CaseId> unit = ids.subList(from, Math.min(ids.size(), from + unitSize));
        recorder.bodies.clear();
        PushReport report = push.push(unit);
        if (!report.complete() || report.pushed() != unit.size()) {
          throw new IllegalStateException("capture push incomplete: " + report.failures() + report.sharedFailures());
        }
        resources += report.resources();
        List<String> s = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (String body : recorder.bodies) {
          (body.contains("\"resourceType\":\"Practitioner\"") ? s : c).add(body);
        }
        units.add(List.copyOf(unit));
        shared.add(List.copyOf(s));
        own.add(List.copyOf(c));
      }
    } finally {
      server.unregisterInterceptor(recorder);
    }
    return new Units(token, List.copyOf(units), List.copyOf(shared), List.copyOf(own), resources);
  }

  /** Records the transactions arriving at the server. */
  static final class Recorder {
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void before(RequestDetails request, RestOperationTypeEnum operation) {
      if (operation == RestOperationTypeEnum.TRANSACTION) {
        bodies.add(new String(request.loadRequestContents(), StandardCharsets.UTF_8));
      }
    }
  }

  /** Pushes once to {@code server} and keeps what was sent. */
  Capture capture(FhirTestServer server, int concurrency) {
    String token = newToken();
    Recorder recorder = new Recorder();
    server.registerInterceptor(recorder);
    PushReport report;
    try (FhirPush push = push(server, token, concurrency)) {
      report = push.push();
    } finally {
      server.unregisterInterceptor(recorder);
    }
    if (!report.complete() || report.pushed() != cases) {
      throw new IllegalStateException("capture push incomplete: " + report.failures() + report.sharedFailures());
    }
    List<String> shared = new ArrayList<>();
    List<String> own = new ArrayList<>();
    for (String body : recorder.bodies) {
      (body.contains("\"resourceType\":\"Practitioner\"") ? shared : own).add(body);
    }
    if (own.size() != cases) {
      throw new IllegalStateException(own.size() + " case transactions captured, not " + cases);
    }
    return new Capture(token, List.copyOf(shared), List.copyOf(own), report.resources());
  }

  /** The captured bodies under another token, as bytes. */
  static List<byte[]> rebase(List<String> bodies, String from, String to) {
    List<byte[]> out = new ArrayList<>();
    for (String body : bodies) {
      out.add(body.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** A bare client: a pool of {@code concurrency} connections, no retries. */
  static CloseableHttpClient bareClient(int concurrency) {
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
    connections.setMaxTotal(concurrency);
    connections.setDefaultMaxPerRoute(concurrency);
    return HttpClients.custom().setConnectionManager(connections).disableAutomaticRetries().build();
  }

  /** Posts the bodies, at most the pool's size at once, and waits for every answer (each must be 200). */
  static void post(CloseableHttpClient http, ExecutorService pool, String url, List<byte[]> bodies) throws Exception {
    List<Future<Integer>> answers = new ArrayList<>();
    for (byte[] body : bodies) {
      answers.add(pool.submit(() -> {
        HttpPost post = new HttpPost(url);
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
  }
}
