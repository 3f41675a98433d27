package org.mentor.fhir.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mentor.fhir.pull.FhirPull;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.RetryPolicy;
import org.mentor.fhir.reconcile.FhirReconcile;
import org.mentor.fhir.sync.SyncWorld;

/**
 * The HTTP settings the push, the pull and the reconcile share (FhirClientBuilder): set the same way on all three, and
 * over a shared FhirHttp refused rather than ignored. No server: nothing here sends a request that must be answered.
 */
class FhirClientBuilderTest {
  /** Nothing listens on port 1: a request gets "connection refused" (an IOException) when the client is open. */
  private static final String NOWHERE = "http://127.0.0.1:1/fhir";

  private final SyncWorld world = new SyncWorld("S3");

  private List<Function<FhirHttp, FhirClientBuilder<?>>> overShared() {
    return List.of(http -> FhirPush.builder(world.registry, world.mapping, http),
        http -> FhirPull.builder(world.registry, world.mapping, http),
        http -> FhirReconcile.builder(world.registry, world.mapping, http));
  }

  @Test
  void over_a_shared_client_its_token_source_and_timeouts_are_refused_naming_the_setting_and_the_client() {
    try (FhirHttp http = FhirHttp.builder(NOWHERE).build()) {
      List<String> clients = List.of("push", "pull", "reconcile");
      for (int i = 0; i < clients.size(); i++) {
        FhirClientBuilder<?> b = overShared().get(i).apply(http);
        String client = clients.get(i);
        assertThatThrownBy(() -> b.auth(BearerTokenSource.of("t"))).isInstanceOf(IllegalStateException.class)
            .hasMessage("auth belongs to the shared FhirHttp this " + client + " was built over");
        assertThatThrownBy(() -> b.bearerToken("t")).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("auth belongs to the shared FhirHttp");
        assertThatThrownBy(() -> b.connectTimeout(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
            .hasMessage("connectTimeout belongs to the shared FhirHttp this " + client + " was built over");
        assertThatThrownBy(() -> b.socketTimeout(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
            .hasMessage("socketTimeout belongs to the shared FhirHttp this " + client + " was built over");
        // Retries and redaction are the client's own, shared HTTP or not.
        assertThat(b.retry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO)).redact(false)).isSameAs(b);
      }
    }
  }

  @Test
  void each_setting_returns_the_clients_own_builder_and_bad_values_are_refused() {
    FhirPull.Builder pull = FhirPull.builder(world.registry, world.mapping, NOWHERE).bearerToken("t").connectTimeout(Duration.ofSeconds(1))
        .socketTimeout(Duration.ofSeconds(2)).retry(RetryPolicy.defaults()).redact(true).pageSize(10);
    FhirPush.Builder push = FhirPush.builder(world.registry, world.mapping, NOWHERE).redact(false).concurrency(3);
    FhirReconcile.Builder reconcile = FhirReconcile.builder(world.registry, world.mapping, NOWHERE).retry(RetryPolicy.defaults()).pageSize(7);
    assertThat(List.of(pull, push, reconcile)).doesNotContainNull();

    assertThatThrownBy(() -> FhirPush.builder(world.registry, world.mapping, "ftp://fhir.example.org/fhir"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("serverBase must be an http(s) URL");
    assertThatThrownBy(() -> push.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive");
    assertThatThrownBy(() -> push.socketTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("socketTimeout must be positive");
    assertThatThrownBy(() -> push.bearerToken(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> push.retry(null)).isInstanceOf(NullPointerException.class).hasMessage("retry");
  }

  @Test
  void closing_a_client_built_over_a_shared_http_leaves_the_shared_one_open() throws Exception {
    try (FhirHttp http = FhirHttp.builder(NOWHERE).build()) {
      FhirPush.builder(world.registry, world.mapping, http).build().close();
      FhirPull.builder(world.registry, world.mapping, http).build().close();
      FhirReconcile.builder(world.registry, world.mapping, http).build().close();
      // Still open: the request is sent and finds nobody (a closed pool would throw IllegalStateException instead).
      assertThatThrownBy(() -> http.get("metadata")).isInstanceOf(IOException.class);
    }
  }
}
