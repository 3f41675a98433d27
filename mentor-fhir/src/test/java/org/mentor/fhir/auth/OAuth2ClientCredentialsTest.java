package org.mentor.fhir.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.util.UrlUtil;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.CaseId;
import org.mentor.fhir.http.BearerTokenSource;
import org.mentor.fhir.http.TokenException;
import org.mentor.fhir.pull.FhirPull;
import org.mentor.fhir.pull.PullCursor;
import org.mentor.fhir.pull.PullReport;
import org.mentor.fhir.push.CaseFailure;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.reconcile.FhirReconcile;
import org.mentor.fhir.sync.SyncWorld;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials against a token endpoint served in-process (a servlet this test starts), with the FHIR
 * server checking every token through HAPI's {@code AuthorizationInterceptor}: the token is fetched once and shared by
 * push, pull and reconcile, refreshed before it expires, and a 401 is retried once with a fresh token, never more.
 * Secrets and tokens appear in no log line.
 */
@ExtendWith(FhirTestServerExtension.class)
class OAuth2ClientCredentialsTest {
  private static final String CLIENT = "mentor-clinic-17";
  private static final String SECRET = "pa55-Phrase-for-tests-only";

  private SyncWorld world;
  private TokenServer tokens;
  private TokenCheckingAuthorization fhirChecks;
  private FhirTestServer server;

  @BeforeEach
  void start(FhirTestServer server) throws Exception {
    this.server = server;
    world = new SyncWorld("S3");
    tokens = new TokenServer(world.clock, Duration.ofMinutes(5), CLIENT).secret(SECRET);
    fhirChecks = new TokenCheckingAuthorization(tokens);
    server.registerInterceptor(fhirChecks);
  }

  @AfterEach
  void stop() {
    server.unregisterInterceptor(fhirChecks);
    tokens.close();
  }

  @Test
  void a_token_is_fetched_shared_refreshed_before_expiry_and_a_401_is_retried_once_with_a_fresh_one() {
    ListAppender<ILoggingEvent> logs = capture();
    try (OAuth2ClientCredentials auth = OAuth2ClientCredentials.builder(tokens.url(), CLIENT).clientSecret(SECRET)
        .scopes("system/Observation.rs", "system/*.cu").clock(world.clock).build()) {
      FhirPush push = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).retry(SyncWorld.quickRetries()).build();
      FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).retry(SyncWorld.quickRetries()).build();
      FhirReconcile reconcile = FhirReconcile.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build();

      // Fetched when first needed, with the scopes asked for; then shared by push, pull and reconcile.
      assertThat(push.push().complete()).isTrue();
      assertThat(tokens.issued()).isEqualTo(1);
      assertThat(tokens.scopes).containsExactly("system/Observation.rs system/*.cu");
      PullReport pulled = pull.pull(PullCursor.start());
      assertThat(pulled.complete()).isTrue();
      assertThat(tokens.issued()).isEqualTo(1);
      assertThat(fhirChecks.refused.get()).isZero();

      // 250 s into a 300 s token, 50 s remain (less than the 60 s margin): a fresh one before it expires, no 401.
      world.clock.add(Duration.ofSeconds(250));
      assertThat(reconcile.check().clean()).isTrue();
      assertThat(tokens.issued()).isEqualTo(2);
      assertThat(fhirChecks.refused.get()).isZero();

      // The authorization server revokes the token: one 401, a fresh token, the push succeeds.
      tokens.revokeAll();
      world.lateResult(CaseId.of("s3"), 4100);
      PushReport afterRevocation = push.push();
      assertThat(afterRevocation.complete()).isTrue();
      assertThat(afterRevocation.pushed()).isEqualTo(1);
      assertThat(fhirChecks.refused.get()).isEqualTo(1);
      assertThat(tokens.issued()).isEqualTo(3);

      // The FHIR server refuses every token: one fresh token after the first 401, then the push stops. No loop.
      fhirChecks.refuseAll = true;
      world.lateResult(CaseId.of("s3"), 5200);
      PushReport refused = push.push();
      assertThat(refused.unauthorized()).isTrue();
      assertThat(refused.failures()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(CaseFailure.Kind.UNAUTHORIZED);
        assertThat(f.httpStatus()).isEqualTo(401);
        assertThat(f.attempts()).isEqualTo(1);
      });
      assertThat(fhirChecks.refused.get()).isEqualTo(3);
      assertThat(tokens.issued()).isEqualTo(4);
      PullReport refusedPull = pull.pull(pulled.cursor());
      assertThat(refusedPull.unauthorized()).isTrue();
      assertThat(refusedPull.cursor().since()).isEqualTo(pulled.cursor().since());
      assertThat(fhirChecks.refused.get()).isEqualTo(5); // its first search: a 401, a fresh token, a 401; then it stopped
      assertThat(tokens.issued()).isEqualTo(5);
    } finally {
      release(logs);
    }
    List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(line).doesNotContain(SECRET).doesNotContain(CLIENT + ":");
      tokens.allIssued().forEach(token -> assertThat(line).doesNotContain(token));
    }
  }

  @Test
  void a_secret_the_token_endpoint_refuses_stops_the_push_and_the_pull_and_writes_nothing() {
    try (OAuth2ClientCredentials auth = OAuth2ClientCredentials.builder(tokens.url(), CLIENT).clientSecret("not-the-secret")
        .secretIn(OAuth2ClientCredentials.SecretIn.FORM).clock(world.clock).build()) {
      PushReport push = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build().push();
      assertThat(push.unauthorized()).isTrue();
      assertThat(push.failures()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(CaseFailure.Kind.UNAUTHORIZED);
        assertThat(f.httpStatus()).isEqualTo(401); // answered as refused credentials, nothing sent to the FHIR server
        assertThat(f.detail()).contains("login").doesNotContain("not-the-secret");
      });
      assertThat(tokens.refusals).containsOnly("invalid_client");
      assertThat(fhirChecks.accepted.get()).isZero();
      assertThat(fhirChecks.refused.get()).as("the FHIR server was never asked").isZero();
      PullReport pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).auth(auth).build().pull(PullCursor.start());
      assertThat(pull.unauthorized()).isTrue();
      assertThatThrownBy(auth::token).isInstanceOfSatisfying(TokenException.class, e -> {
        assertThat(e.getMessage()).contains("HTTP 401").contains("invalid_client").doesNotContain("not-the-secret");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.error()).isEqualTo("invalid_client");
        assertThat(e.isTransient()).isFalse();
      });
    }
    // Nothing of the case reached the server.
    server.unregisterInterceptor(fhirChecks);
    assertThat(SyncWorld.search(SyncWorld.client(server.baseUrl()), "Observation?identifier="
        + UrlUtil.escapeUrlParam(world.mapping.uris().eventSystem() + "|"))).isEmpty();
    server.registerInterceptor(fhirChecks);
  }

  @Test
  void builders_refuse_what_cannot_work_and_never_show_the_secret() {
    assertThatThrownBy(() -> OAuth2ClientCredentials.builder(tokens.url(), CLIENT).build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> OAuth2ClientCredentials.builder(java.net.URI.create("ftp://x/token"), CLIENT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuth2ClientCredentials.builder(tokens.url(), CLIENT).scopes("two words")).isInstanceOf(IllegalArgumentException.class);
    try (OAuth2ClientCredentials auth = OAuth2ClientCredentials.builder(tokens.url(), CLIENT).clientSecret(SECRET).build()) {
      assertThat(auth.toString()).doesNotContain(SECRET);
      assertThat(BearerTokenSource.of("abc123").toString()).doesNotContain("abc123");
    }
  }

  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger mentor = (Logger) LoggerFactory.getLogger("org.mentor");
    mentor.setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
    return logs;
  }

  private static void release(ListAppender<ILoggingEvent> logs) {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    ((Logger) LoggerFactory.getLogger("org.mentor")).setLevel(null);
  }
}
