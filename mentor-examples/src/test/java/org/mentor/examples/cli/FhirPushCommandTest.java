package org.mentor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.examples.cli.CliTest.expect;
import static org.mentor.examples.cli.CliTest.oneLineError;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.mentor.fhir.testserver.ServerSettings;

/**
 * {@code mentor fhir push} against a real HAPI FHIR JPA server set up as national servers are
 * (bearer token, request validation, referential integrity, no client-assigned ids). Each test
 * mints its identifiers under its own base URI, so tests sharing the server do not see each other.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FhirPushCommandTest {
  private static final String TOKEN = "cli-test-token";
  /** The sample clinic (CliSampleTest keeps it equal to the fixture). */
  private static final String CLINIC = CliSampleTest.SAMPLE.toString();

  @RegisterExtension
  static final FhirTestServerExtension SERVER = new FhirTestServerExtension(ServerSettings.likeNationalServer(TOKEN));

  @TempDir
  Path tmp;

  private static String base() {
    return "https://fhir.example.org/t-" + UUID.randomUUID();
  }

  private Path token() throws IOException {
    return Files.writeString(tmp.resolve("token"), TOKEN + "\n");
  }

  @Test
  void pushes_every_case_once_and_with_a_journal_sends_nothing_the_second_time(FhirTestServer server) throws Exception {
    String base = base();
    String[] push = {"fhir", "push", "--events", CLINIC, "--server", server.baseUrl(), "--token-file",
        token().toString(), "--base", base, "--journal", tmp.resolve("journal").toString(), "--zone", "Africa/Nairobi"};
    CliRun first = expect(0, push);
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).startsWith("Pushed to " + server.baseUrl() + " as of ").contains(": 6 of 6 cases sent (",
        "), 0 unchanged, 0 failed, 0 held back");
    // six cases, one EpisodeOfCare each and one for case-101's infant (as the export counts them)
    int episodes = 0;
    for (String caseId : new String[] {"case-101", "case-102", "case-103", "case-104", "case-105", "case-106"}) {
      episodes += count(server, "EpisodeOfCare?_summary=count&identifier="
          + URLEncoder.encode(base + "/sid/case|" + caseId, StandardCharsets.UTF_8));
    }
    assertThat(episodes).isEqualTo(7);
    CliRun second = expect(0, push);
    assertThat(second.out()).contains(": 0 of 6 cases sent (0 resources), 6 unchanged, 0 failed");
  }

  @Test
  void without_the_token_the_server_refuses_and_nothing_is_written(FhirTestServer server) throws Exception {
    String base = base();
    CliRun run = CliRun.of("fhir", "push", "--events", CLINIC, "--server", server.baseUrl(), "--base", base);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly(
        "mentor fhir push: the server refused the credentials (HTTP 401/403); nothing was written");
    assertThat(run.out()).contains("0 of 6 cases sent", "UNAUTHORIZED");
    assertThat(count(server, "EpisodeOfCare?_summary=count&identifier="
        + URLEncoder.encode(base + "/sid/case|case-101", StandardCharsets.UTF_8))).isZero();
  }

  @Test
  void deterministic_ids_on_a_server_refusing_client_ids_is_a_finding_naming_the_cases(FhirTestServer server) throws Exception {
    CliRun run = CliRun.of("fhir", "push", "--events", CLINIC, "--server", server.baseUrl(), "--token-file",
        token().toString(), "--base", base(), "--mode", "deterministic-id");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("mentor fhir push: 6 of 6 cases not pushed (listed above); push again to resume");
    assertThat(run.out()).contains("case case-101 not pushed (REFUSED, HTTP 404", "HAPI-0959"); // HAPI: client ids not allowed
  }

  @Test
  void bad_usage_exits_2_with_one_line() throws IOException {
    oneLineError(expect(2, "fhir", "push", "--events", CLINIC), "Missing required option: '--server=URL'");
    oneLineError(expect(2, "fhir", "push", "--events", CLINIC, "--server", "fhir.example.org"),
        "--server: 'fhir.example.org' is not an http:// or https:// URL");
    oneLineError(expect(2, "fhir", "push", "--events", CLINIC, "--server", "http://127.0.0.1:9/fhir", "--token-file",
        tmp.resolve("none").toString()), "--token-file: no such file");
    Path empty = Files.writeString(tmp.resolve("empty"), "\n");
    oneLineError(expect(2, "fhir", "push", "--events", CLINIC, "--server", "http://127.0.0.1:9/fhir", "--token-file",
        empty.toString()), "holds no token");
    oneLineError(expect(2, "fhir", "push", "--events", CLINIC, "--server", "http://127.0.0.1:9/fhir", "--mode", "post"),
        "'post' is not conditional or deterministic-id");
    oneLineError(expect(2, "fhir", "push", "--events", CLINIC, "--server", "http://127.0.0.1:9/fhir", "--token-file",
        token().toString(), "--token-env", "X"), "mutually exclusive");
  }

  @Test
  void an_invalid_events_file_is_a_finding_and_nothing_is_sent(FhirTestServer server) throws IOException {
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(CliSampleTest.SAMPLE));
    lines.add("{\"caseId\":\"case-101\",\"event\":" + CliTest.natBefore("2025-09-01", "emr-9") + "}");
    Path refused = Files.write(tmp.resolve("refused.ndjson"), lines);
    oneLineError(expect(1, "fhir", "push", "--events", refused.toString(), "--server", server.baseUrl(), "--token-file",
        token().toString(), "--base", base()), "refused.ndjson line 27: ", "[EID-001:");
  }

  private static int count(FhirTestServer server, String query) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + query))
        .header("Authorization", "Bearer " + TOKEN).header("Accept", "application/fhir+json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(query).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body()).get("total").asInt();
  }
}
