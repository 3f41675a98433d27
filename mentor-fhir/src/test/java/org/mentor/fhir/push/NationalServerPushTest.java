package org.mentor.fhir.push;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.UrlUtil;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentor.core.CaseId;
import org.mentor.fhir.http.BearerTokenSource;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.mentor.fhir.testserver.ServerSettings;
import org.slf4j.LoggerFactory;

/**
 * Against a server set up as national servers are (bearer token, request validation, referential integrity, no
 * client-assigned ids): a 401 writes nothing; with the token everything validates and arrives; PUT mode is refused
 * case by case; and a full push logs no patient data.
 */
class NationalServerPushTest {
  private static final String TOKEN = "s3cret-token";

  @RegisterExtension
  static final FhirTestServerExtension SERVER = new FhirTestServerExtension(ServerSettings.likeNationalServer(TOKEN));

  @Test
  void without_a_token_the_push_stops_with_a_clear_401_and_writes_nothing_with_one_it_succeeds(FhirTestServer server) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(server.baseUrl(), TOKEN);
    InMemoryPushJournal journal = new InMemoryPushJournal();

    PushReport refused = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).journal(journal).concurrency(1).build().push();

    assertThat(refused.unauthorized()).isTrue();
    assertThat(refused.pushed()).isZero();
    assertThat(refused.failures()).hasSize(7).allMatch(f -> f.kind() == CaseFailure.Kind.UNAUTHORIZED);
    // The refused request's 401 is on the case it was for (or whose mentor's shared resources it wrote); the cases
    // not sent have none. Looked for rather than taken first: the report lists failures as the workers finish, and
    // the second worker (it maps the next case while one request is in flight) may finish its unsent case first.
    assertThat(refused.failures()).anyMatch(f -> f.httpStatus() == 401).allMatch(f -> f.httpStatus() == 401 || f.httpStatus() == 0);
    // One request was made, never retried: the first case's mentor's shared resources, or the case itself.
    int requests = refused.failures().stream().mapToInt(CaseFailure::attempts).sum()
        + refused.sharedFailures().stream().mapToInt(SharedFailure::attempts).sum();
    assertThat(requests).isEqualTo(1);
    assertThat(refused.sharedFailures()).allMatch(f -> f.httpStatus() == 401 && f.kind() == CaseFailure.Kind.UNAUTHORIZED);
    for (String type : Reconcile.TYPES) {
      assertThat(PushTest.count(reader, type + "?identifier=" + UrlUtil.escapeUrlParam(PushTest.systems(world)))).as(type).isZero();
    }

    PushReport accepted = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).journal(journal).bearerToken(TOKEN).build().push();

    assertThat(accepted.complete()).as(accepted.failures().toString()).isTrue();
    assertThat(accepted.pushed()).isEqualTo(7);
    Reconcile.Counts counts = new Reconcile(reader, world).check();
    assertThat(counts.clean()).as(counts.toString()).isTrue();
  }

  /** A token source that starts with an expired token and renews it when the server refuses it (as OAuth2 clients do). */
  static final class RenewingTokens implements BearerTokenSource {
    final AtomicInteger rejections = new AtomicInteger();
    volatile String current = "expired-token";

    @Override
    public String token() {
      return current;
    }

    @Override
    public void rejected(String token) {
      rejections.incrementAndGet();
      current = TOKEN;
    }
  }

  @Test
  void a_token_source_renews_a_refused_token_and_the_push_goes_on(FhirTestServer server) {
    PushWorld world = new PushWorld();
    RenewingTokens tokens = new RenewingTokens();
    try (FhirHttp http = FhirHttp.builder(server.baseUrl()).auth(tokens).maxConnections(2).build()) {
      PushReport report = FhirPush.builder(world.registry, world.mapping, http).build().push();

      assertThat(report.complete()).as(report.failures().toString()).isTrue();
      assertThat(report.pushed()).isEqualTo(7);
      assertThat(report.retries()).isZero(); // the renewal is not a retry: the 401 was answered before any write
      assertThat(tokens.rejections.get()).isBetween(1, 2); // once per request in flight with the expired token
      assertThat(new Reconcile(Servers.reader(server.baseUrl(), TOKEN), world).check().clean()).isTrue();
    }
  }

  @Test
  void put_mode_on_a_server_without_client_ids_is_refused_case_by_case_naming_each(FhirTestServer server) {
    PushWorld world = new PushWorld();
    PushReport report = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).bearerToken(TOKEN)
        .mode(PushMode.DETERMINISTIC_ID).retry(Servers.quickRetries(3)).build().push();
    assertThat(report.pushed()).isZero();
    assertThat(report.failures()).hasSize(7).allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(CaseFailure.Kind.REFUSED);
      assertThat(f.httpStatus()).isEqualTo(404);
      assertThat(f.toString()).startsWith("case " + f.caseId().value() + " not pushed").contains("HAPI-0959");
    });
    // The mentors' shared resources are refused first (one request per mentor, never retried); S8, with no mentor,
    // is refused itself; the cases of the two mentors are not sent.
    assertThat(report.sharedFailures()).hasSize(2).allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(CaseFailure.Kind.REFUSED);
      assertThat(f.attempts()).isEqualTo(1);
      assertThat(f.toString()).contains("HAPI-0959");
    });
    assertThat(report.failures()).filteredOn(f -> f.attempts() == 1).extracting(CaseFailure::caseId).containsExactly(CaseId.of("s8"));
    assertThat(report.failures()).extracting(CaseFailure::caseId).containsExactlyInAnyOrderElementsOf(world.cases);
  }

  @Test
  void a_full_push_logs_counts_and_durations_never_patient_data(FhirTestServer server) {
    PushWorld world = new PushWorld();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger mentor = (Logger) LoggerFactory.getLogger("org.mentor");
    Level level = mentor.getLevel();
    mentor.setLevel(Level.TRACE);
    logs.start();
    mentor.addAppender(logs);
    try {
      FhirPush push = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).bearerToken(TOKEN).build();
      assertThat(push.push().complete()).isTrue();
      world.lateResult(CaseId.of("s3"), 3456);
      assertThat(push.push().pushed()).isEqualTo(1);
      FhirPush.builder(world.registry, world.mapping, server.baseUrl()).build().push(); // a 401, logged
    } finally {
      mentor.detachAppender(logs);
      mentor.setLevel(level);
    }
    List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).anyMatch(l -> l.contains("FHIR push: 7 cases considered, 7 pushed") && l.contains("4 of them shared"));
    assertThat(lines).anyMatch(l -> l.contains("refused the credentials"));
    for (String line : lines) {
      assertThat(line).doesNotContain("mother-of-").doesNotContain("s3/").doesNotContain("3456").doesNotContain("2400")
          .doesNotContain("2025-").doesNotContain(world.base).doesNotContain(TOKEN).doesNotContain("mentor-7").doesNotContain("mentor-12");
      for (CaseId id : world.cases) {
        assertThat(line).doesNotContainPattern("\\b" + id.value() + "\\b");
      }
    }
  }
}
