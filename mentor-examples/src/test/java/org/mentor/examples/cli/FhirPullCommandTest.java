package org.mentor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.examples.cli.CliTest.expect;
import static org.mentor.examples.cli.CliTest.oneLineError;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;
import org.mentor.fhir.testserver.ServerSettings;

/**
 * {@code mentor fhir pull} against a real HAPI FHIR JPA server set up as national servers are (bearer
 * token, request validation, referential integrity), the one {@link FhirPushCommandTest} uses. The
 * sample clinic is imported into a database and pushed; a lab, another system writing with a bare
 * HTTP client, then posts results for a mother, found by her identifier. Each test mints its own base
 * URI and mother identifier system, so tests sharing the server do not see each other's resources.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FhirPullCommandTest {
  private static final String TOKEN = "cli-test-token";
  private static final String CLINIC = CliSampleTest.SAMPLE.toString();

  @RegisterExtension
  static final FhirTestServerExtension SERVER = new FhirTestServerExtension(ServerSettings.likeNationalServer(TOKEN));

  @TempDir
  Path tmp;

  private final String run = UUID.randomUUID().toString();
  private final String base = "https://fhir.example.org/t-" + run;
  private final String nationalId = "https://moh.example.org/t-" + run + "/sid/national-id";
  private String db;
  private String token;

  @BeforeEach
  void clinic() throws IOException {
    db = tmp.resolve("clinic").toString();
    token = Files.writeString(tmp.resolve("token"), TOKEN + "\n").toString();
    expect(0, "case", "import", "--db", db, CLINIC);
  }

  private String[] pull(FhirTestServer server, String... more) {
    String[] args = {"fhir", "pull", "--db", db, "--server", server.baseUrl(), "--token-file", token, "--base", base,
        "--mother-system", nationalId, "--zone", "Africa/Nairobi"};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void a_lab_result_written_on_the_server_arrives_in_the_case_and_a_second_pull_brings_nothing_new(FhirTestServer server)
      throws Exception {
    expect(0, "fhir", "push", "--db", db, "--server", server.baseUrl(), "--token-file", token, "--base", base,
        "--mother-system", nationalId, "--zone", "Africa/Nairobi");
    // Mentor's own resources come back unchanged: nothing recorded.
    CliRun echo = expect(0, pull(server));
    assertThat(echo.err()).isEmpty();
    assertThat(echo.out()).startsWith("Pulled from " + server.baseUrl() + " into clinic.mv.db: 0 resources recorded "
        + "(0 events on 0 cases), 0 refused, 0 conflicts\n");
    assertThat(CliTest.line(echo.out(), "Read ")).matches("Read [1-9]\\d* resource versions in \\d+ pages: [1-9]\\d* unchanged, .*");
    Path cursor = tmp.resolve("clinic.pull-cursor.json");
    assertThat(echo.out()).contains("Cursor in " + cursor + " (next pull from server time ");
    assertThat(Files.readString(cursor)).startsWith("{\"server\":\"" + server.baseUrl() + "\",\"cursor\":{\"since\":");

    // case-103's repeat viral load (due 2026-03-01 after 2 400 copies sampled 2025-12-01) is done at the hospital.
    String before = expect(0, "case", "show", "--db", db, "--case", "case-103", "--as-of", "2026-03-09").out();
    assertThat(CliTest.line(before, "VL_FOLLOW_UP#1")).contains("LATE");
    lab(server, "mother-of-case-103", "20447-9", "<", 40, "2026-03-02"); // LOINC: HIV-1 RNA (viral load), copies/mL

    CliRun pulled = expect(0, pull(server));
    assertThat(pulled.out()).startsWith("Pulled from " + server.baseUrl() + " into clinic.mv.db: 1 resource recorded "
        + "(1 event on 1 case), 0 refused, 0 conflicts\n");
    assertThat(pulled.out()).doesNotContain("case-103", "mother-of", "<", "copies");
    String after = expect(0, "case", "show", "--db", db, "--case", "case-103", "--as-of", "2026-03-09").out();
    assertThat(CliTest.line(after, "VL_FOLLOW_UP#1")).contains("DONE", "2026-03-02");
    assertThat(CliTest.line(after, "Mother:")).contains("viral load SUPPRESSED");

    CliRun again = expect(0, pull(server));
    assertThat(again.out()).contains(": 0 resources recorded (0 events on 0 cases), 0 refused, 0 conflicts\n");
    assertThat(expect(0, "case", "show", "--db", db, "--case", "case-103", "--as-of", "2026-03-09").out()).isEqualTo(after);
  }

  @Test
  void a_resource_the_import_refuses_is_a_finding_counted_by_rule_and_named_only_with_list(FhirTestServer server)
      throws Exception {
    lab(server, "mother-of-case-101", "20447-9", null, -5, "2026-01-12"); // a negative viral load
    CliRun run = CliRun.of(pull(server));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains(": 0 resources recorded (0 events on 0 cases), 1 refused, 0 conflicts\n",
        "  refused, by rule: VL-001 1\n").doesNotContain("case-101", "Observation/");
    assertThat(run.errLines()).containsExactly(
        "mentor fhir pull: 1 resource refused and 0 conflicts (counted above; --list names them); everything else was recorded");

    // The cursor moved on: the refused version is not read again, and --list names what a pull refuses.
    lab(server, "mother-of-case-101", "20447-9", null, -7, "2026-01-19");
    CliRun listed = CliRun.of(pull(server, "--list"));
    assertThat(listed.exit()).isEqualTo(1);
    assertThat(listed.out()).contains("1 refused", "  refused, by rule: VL-001 1\n")
        .containsPattern("  Observation/\\d+/_history/1 refused at Observation\\.value.* \\[VL-001\\] for case case-101\n");
    // The value is never printed (the cursor line names a temporary folder, whose random digits may hold "-7").
    assertThat(listed.out().lines().filter(line -> !line.startsWith("Cursor in "))).noneMatch(line -> line.contains("-7"));
    assertThat(listed.errLines()).containsExactly(
        "mentor fhir pull: 1 resource refused and 0 conflicts (counted above); everything else was recorded");
  }

  @Test
  void bad_usage_exits_2_with_one_line(FhirTestServer server) {
    oneLineError(expect(2, "fhir", "pull", "--server", server.baseUrl()), "Missing required option: '--db=PATH'");
    oneLineError(expect(2, "fhir", "pull", "--db", db), "Missing required option: '--server=URL'");
    oneLineError(expect(2, "fhir", "pull", "--db", db, "--server", "fhir.example.org"),
        "--server: 'fhir.example.org' is not an http:// or https:// URL");
    oneLineError(expect(2, "fhir", "pull", "--db", tmp.resolve("none").toString(), "--server", server.baseUrl()),
        "mentor fhir pull: --db: no such database: " + tmp.resolve("none.mv.db"));
    oneLineError(expect(2, pull(server, "--timeout", "0")), "--timeout: 0 is not between 1 and 3600 seconds");
    oneLineError(expect(2, pull(server, "--attempts", "0")), "--attempts: 0 is not between 1 and 20");
    oneLineError(expect(2, pull(server, "--cursor", tmp.resolve("no/such/cursor.json").toString())), "--cursor: no such folder");
    oneLineError(expect(2, "fhir", "pull", "--db", db, "--server", server.baseUrl(), "--mother-system", "national-id"),
        "--mother-system: 'national-id' is not an absolute URI");
    oneLineError(expect(2, "fhir", "pull", "--db", db, "--server", server.baseUrl(), "--events", CLINIC), "Unknown options: '--events'");
  }

  @Test
  void an_unreachable_server_is_a_finding_and_the_cursor_is_left_alone() throws IOException {
    CliRun run = expect(1, "fhir", "pull", "--db", db, "--server", "http://127.0.0.1:9/fhir", "--connect-timeout", "2");
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("mentor fhir pull: no answer from http://127.0.0.1:9/fhir (")
        .endsWith("); nothing pulled, the cursor unchanged");
    assertThat(tmp.resolve("clinic.pull-cursor.json")).doesNotExist();
  }

  @Test
  void refused_credentials_stop_the_pull_with_a_finding(FhirTestServer server) {
    CliRun run = CliRun.of("fhir", "pull", "--db", db, "--server", server.baseUrl(), "--base", base);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("mentor fhir pull: the server refused the credentials (HTTP 401/403); "
        + "the pull stopped, and the next one starts where this one did");
    assertThat(run.out()).contains("0 resources recorded", "HTTP 401").doesNotContain(TOKEN);
  }

  @Test
  void a_cursor_that_is_not_one_or_belongs_to_another_server_is_a_finding(FhirTestServer server) throws IOException {
    Path other = Files.writeString(tmp.resolve("other.json"),
        "{\"server\":\"https://fhir.elsewhere.example.org/fhir\",\"cursor\":{\"seen\":{}}}");
    oneLineError(expect(1, pull(server, "--cursor", other.toString())),
        "mentor fhir pull: other.json is the cursor of another server (https://fhir.elsewhere.example.org/fhir); "
            + "give this one its own --cursor");
    Path garbage = Files.writeString(tmp.resolve("garbage.json"), "[1, 2]");
    oneLineError(expect(1, pull(server, "--cursor", garbage.toString())), "mentor fhir pull: garbage.json is not a pull cursor");
  }

  /**
   * A hospital lab's system: one transaction that registers the mother's Patient by her national id
   * (unless the server has her) and creates the Observation — only a LOINC code, the sample date and
   * a value in copies/mL, as labs write them. Synthetic values.
   */
  private void lab(FhirTestServer server, String motherId, String loinc, String comparator, int value, String sampled)
      throws IOException, InterruptedException {
    String patient = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + nationalId + "\",\"value\":\""
        + motherId + "\"}],\"gender\":\"female\"}";
    String observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
        + "\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"subject\":{\"reference\":\"urn:uuid:" + run + "\"},"
        + "\"effectiveDateTime\":\"" + sampled + "\",\"valueQuantity\":{" + (comparator == null ? "" : "\"comparator\":\""
        + comparator + "\",") + "\"value\":" + value + ",\"unit\":\"copies/mL\",\"system\":\"http://unitsofmeasure.org\","
        + "\"code\":\"{copies}/mL\"}}";
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
        + "{\"fullUrl\":\"urn:uuid:" + run + "\",\"resource\":" + patient + ",\"request\":{\"method\":\"POST\",\"url\":"
        + "\"Patient\",\"ifNoneExist\":\"identifier=" + nationalId + "|" + motherId + "\"}},"
        + "{\"fullUrl\":\"urn:uuid:" + UUID.randomUUID() + "\",\"resource\":" + observation + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}";
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
