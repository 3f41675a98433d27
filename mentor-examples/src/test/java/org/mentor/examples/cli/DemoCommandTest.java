package org.mentor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.fhir.testserver.FhirTestServer;

/**
 * {@code mentor demo} end to end with a small clinic: what it prints and writes, and the counts it
 * prints cross-checked against the server by this test's own plain HTTP searches.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoCommandTest {
  private static final String AS_OF = "2026-02-16";
  private static final Pattern ROW = Pattern.compile(
      "^([A-Za-z]+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(ok|DIFFERS)$", Pattern.MULTILINE);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  static String[] demo(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("demo", "--cases", "12", "--mentors", "3", "--seed", "7",
        "--as-of", AS_OF, "--zone", "Africa/Nairobi", "--out", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void on_its_embedded_server_it_prints_each_part_writes_the_report_keeps_the_clinic_and_closes_the_port(@TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("demo");
    CliRun run = CliRun.of(demo(out));
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    String printed = run.out();
    assertThat(printed).contains("1. The clinic: 12 mother-infant pairs booked from 2023-08-16 to 2026-02-15",
        "   12 cases, ", "Cases by stage: ", "2. Today's due list per mentor", "3. The care cascade on 2026-02-16",
        "Indicators for last quarter, FY2026 Q1 [2025-10-01, 2025-12-31], as of 2026-02-16",
        "4. FHIR: starting a HAPI FHIR JPA server", "pushed 12 cases, one transaction bundle each: ",
        "pushed again: 0 cases sent, 12 unchanged",
        "Verified: the server holds exactly what the mapping produced, once each, every resource labelled R and HIV.");
    assertThat(CliTest.line(printed, "TIER ")).contains("WHO", "WHAT", "DUE SINCE", "WHY");
    assertThat(CliTest.line(printed, "pregnancies enrolled")).matches("pregnancies enrolled +12");
    // three mentors, the cases dealt round: case-0001 to mm-01, case-0002 to mm-02, case-0003 to mm-03, ...
    Map<String, String> dueItems = new LinkedHashMap<>();
    Matcher mentor = Pattern.compile("^(mm-0\\d): (\\d+) items for (\\d+) cases", Pattern.MULTILINE).matcher(printed);
    while (mentor.find()) {
      dueItems.put(mentor.group(1), mentor.group(2) + " items (" + mentor.group(3) + " cases evaluated)");
    }
    assertThat(dueItems).containsOnlyKeys("mm-01", "mm-02", "mm-03");

    Matcher port = Pattern.compile("FHIR server stopped; port (\\d+) closed\\.").matcher(printed);
    assertThat(port.find()).as("the port line").isTrue();
    assertThat(refusesConnections(Integer.parseInt(port.group(1)))).isTrue();

    String page = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(page).contains("<h2>Care cascade</h2>", "<img src=\"cascade.png\"", "<img src=\"workload.png\"",
        "<h3>mm-01: " + dueItems.get("mm-01").replaceAll(" items.*", "") + " items</h3>", "FY2026 Q1", "Verified: the server holds exactly");
    for (String chart : List.of("cascade.png", "workload.png")) {
      byte[] bytes = Files.readAllBytes(out.resolve(chart));
      assertThat(bytes.length).as(chart).isGreaterThan(1_000);
      assertThat(java.util.Arrays.copyOf(bytes, 4)).as(chart).isEqualTo(PNG);
    }

    // The clinic stays in its database: the due command reads the same lists from it.
    CliRun due = CliRun.of("due", "--db", out.resolve("clinic").toString(), "--as-of", AS_OF, "--mentor", "mm-01");
    assertThat(due.exit()).isZero();
    assertThat(due.out()).startsWith("Due on 2026-02-16 for mentor mm-01: " + dueItems.get("mm-01"));

    // A second run replaces the first one's files.
    CliRun again = CliRun.of(demo(out, "--show", "1"));
    assertThat(again.exit()).isZero();
  }

  @Test
  void the_counts_it_prints_are_what_the_server_answers_and_a_server_holding_more_is_a_finding(@TempDir Path tmp)
      throws Exception {
    try (FhirTestServer server = FhirTestServer.builder().start()) {
      CliRun run = CliRun.of(demo(tmp.resolve("demo"), "--server", server.baseUrl()));
      assertThat(run.err()).isEmpty();
      assertThat(run.exit()).isZero();
      Map<String, int[]> rows = rows(run.out());
      assertThat(rows).containsKeys("EpisodeOfCare", "Observation", "Practitioner", "Provenance", "ServiceRequest");
      HttpClient http = HttpClient.newHttpClient();
      int total = 0;
      for (Map.Entry<String, int[]> row : rows.entrySet()) {
        String type = row.getKey();
        int[] printed = row.getValue(); // mapped, on server, read back, duplicates, labelled
        int counted = get(http, server.baseUrl() + "/" + type + "?_summary=count").get("total").asInt();
        assertThat(printed[1]).as("%s on the server", type).isEqualTo(counted);
        assertThat(printed[2]).as("%s read back", type).isEqualTo(counted);
        assertThat(printed[0]).as("%s mapped", type).isEqualTo(counted);
        if (!type.equals("Provenance")) {
          assertThat(distinctIdentifiers(http, server.baseUrl() + "/" + type + "?_elements=identifier&_count=200"))
              .as("%s: one resource per business identifier", type).isEqualTo(counted);
        }
        int labelled = get(http, server.baseUrl() + "/" + type + "?_summary=count&_security="
            + "http://terminology.hl7.org/CodeSystem/v3-ActCode%7CHIV").get("total").asInt();
        assertThat(printed[4]).as("%s labelled", type).isEqualTo(labelled).isEqualTo(counted);
        total += counted;
      }
      assertThat(run.out()).containsPattern("(?m)^total +" + total + " +" + total + " +" + total + " +0 +" + total + " +ok$");
      // the mapped column against the NDJSON export of the same clinic, a separate command
      CliRun export = CliRun.of("fhir", "export", "--db", tmp.resolve("demo").resolve("clinic").toString(), "--ndjson",
          tmp.resolve("ndjson").toString(), "--as-of", AS_OF, "--zone", "Africa/Nairobi");
      assertThat(export.out()).contains(": " + total + " resources in ");

      // The same server again with fewer cases: it holds the first run's other cases too.
      CliRun more = CliRun.of("demo", "--cases", "6", "--mentors", "3", "--seed", "7", "--as-of", AS_OF, "--zone",
          "Africa/Nairobi", "--out", tmp.resolve("second").toString(), "--server", server.baseUrl());
      assertThat(more.exit()).isEqualTo(1);
      assertThat(more.errLines()).hasSize(1);
      assertThat(more.err()).startsWith("mentor demo: the FHIR server does not hold exactly what was mapped: ")
          .contains("EpisodeOfCare ");
      assertThat(more.out()).contains("DIFFERS", "NOT verified");
    }
  }

  @Test
  void bad_usage_exits_2_with_one_line(@TempDir Path tmp) throws IOException {
    CliTest.oneLineError(CliTest.expect(2, "demo", "--cases", "0", "--out", tmp.resolve("a").toString()),
        "mentor demo: --cases: 0 is not between 1 and 100000");
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    CliTest.oneLineError(CliTest.expect(2, "demo", "--out", file.toString()), "is a file, not a folder");
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "mine");
    CliTest.oneLineError(CliTest.expect(2, "demo", "--out", mine.toString()), "holds files the demo did not write");
    assertThat(mine.resolve("notes.txt")).hasContent("mine");
    CliTest.oneLineError(CliTest.expect(2, "demo", "--server", "ftp://example.org", "--out", tmp.resolve("b").toString()),
        "--server: 'ftp://example.org' is not an http:// or https:// URL");
    CliTest.oneLineError(CliTest.expect(2, "demo", "--as-of", "2026-13-01"), "'--as-of'");
  }

  @Test // indicators.md K1: PEPFAR fiscal year N runs from 1 October N-1; Q1 is October to December
  void last_quarter_is_the_fiscal_quarter_before_the_days() {
    assertThat(DemoCommand.lastQuarter(java.time.LocalDate.of(2026, 2, 16)).toString())
        .isEqualTo("FY2026 Q1 [2025-10-01, 2025-12-31]");
    assertThat(DemoCommand.lastQuarter(java.time.LocalDate.of(2025, 10, 1)).toString())
        .isEqualTo("FY2025 Q4 [2025-07-01, 2025-09-30]");
    assertThat(DemoCommand.lastQuarter(java.time.LocalDate.of(2026, 12, 31)).toString())
        .isEqualTo("FY2026 Q4 [2026-07-01, 2026-09-30]");
    assertThat(DemoCommand.lastQuarter(java.time.LocalDate.of(2026, 9, 30)).toString())
        .isEqualTo("FY2026 Q3 [2026-04-01, 2026-06-30]");
  }

  @Test
  void the_short_why_stops_at_the_source_citation() {
    assertThat(DemoCommand.shortWhy("NAT_6W (WHO_2021@1): due BIRTH + P42D, BIRTH = 2025-10-10; source: infant.md §3a"))
        .isEqualTo("NAT_6W (WHO_2021@1): due BIRTH + P42D, BIRTH = 2025-10-10");
    assertThat(DemoCommand.shortWhy("x".repeat(100))).hasSize(90).endsWith("…");
  }

  /** The printed server table: type to mapped, on server, read back, duplicates, labelled. */
  static Map<String, int[]> rows(String printed) {
    Map<String, int[]> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(printed);
    while (m.find()) {
      if (!m.group(1).equals("total")) {
        int[] values = new int[5];
        for (int i = 0; i < 5; i++) {
          values[i] = Integer.parseInt(m.group(i + 2));
        }
        rows.put(m.group(1), values);
      }
    }
    return rows;
  }

  private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }

  /** Follows the search's next links, counting distinct identifier sets. */
  private static int distinctIdentifiers(HttpClient http, String url) throws IOException, InterruptedException {
    Set<String> seen = new HashSet<>();
    String next = url;
    while (next != null) {
      JsonNode page = get(http, next);
      for (JsonNode entry : page.path("entry")) {
        seen.add(entry.path("resource").path("identifier").toString());
      }
      next = null;
      for (JsonNode link : page.path("link")) {
        if (link.path("relation").asText().equals("next")) {
          next = link.path("url").asText();
        }
      }
    }
    return seen.size();
  }

  private static boolean refusesConnections(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
