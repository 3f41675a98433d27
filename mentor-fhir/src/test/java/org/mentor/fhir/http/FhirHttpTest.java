package org.mentor.fhir.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.mentor.fhir.testserver.ServerSettings;

/** The shared HTTP side against a server that wants a bearer token. */
class FhirHttpTest {
  private static final String TOKEN = "http-test-token";

  @RegisterExtension
  static final FhirTestServerExtension SERVER = new FhirTestServerExtension(ServerSettings.likeNationalServer(TOKEN));

  @Test
  void reads_with_the_token_and_reports_a_refused_one_as_401(FhirTestServer server) throws Exception {
    try (FhirHttp http = FhirHttp.builder(server.baseUrl() + "/").auth(BearerTokenSource.of(TOKEN)).build()) {
      FhirHttp.Response r = http.get("Observation?_count=1");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("\"resourceType\":\"Bundle\"");
      assertThat(http.baseUrl()).isEqualTo(server.baseUrl());
      assertThat(http.get(server.baseUrl() + "/Observation?_count=1").ok()).isTrue(); // a next link is absolute
    }
    try (FhirHttp http = FhirHttp.builder(server.baseUrl()).auth(BearerTokenSource.of("wrong")).build()) {
      assertThat(http.get("Observation?_count=1").status()).isEqualTo(401);
    }
  }

  @Test
  void a_renewing_source_is_told_of_the_refused_token_and_the_request_is_sent_once_more(FhirTestServer server) throws Exception {
    List<String> rejected = new ArrayList<>();
    BearerTokenSource renewing = new BearerTokenSource() {
      String current = "stale";

      @Override
      public synchronized String token() {
        return current;
      }

      @Override
      public synchronized void rejected(String token) {
        rejected.add(token);
        current = TOKEN;
      }
    };
    try (FhirHttp http = FhirHttp.builder(server.baseUrl()).auth(renewing).build()) {
      assertThat(http.get("Observation?_count=1").status()).isEqualTo(200);
      assertThat(http.get("Observation?_count=1").status()).isEqualTo(200);
    }
    assertThat(rejected).containsExactly("stale");
  }

  @Test
  void urls_outside_the_server_and_blank_tokens_are_refused(FhirTestServer server) {
    try (FhirHttp http = FhirHttp.builder(server.baseUrl()).build()) {
      assertThatThrownBy(() -> http.get("https://elsewhere.example.org/fhir/Patient")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("under the server's base URL");
    }
    assertThatThrownBy(() -> BearerTokenSource.of(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThat(BearerTokenSource.of(TOKEN).toString()).doesNotContain(TOKEN);
    assertThatThrownBy(() -> FhirHttp.builder("ftp://x")).isInstanceOf(IllegalArgumentException.class);
  }
}
