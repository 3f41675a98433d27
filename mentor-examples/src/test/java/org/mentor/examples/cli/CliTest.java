package org.mentor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The {@code mentor} command line, run in-process: for each subcommand a success, bad usage (exit 2)
 * and bad input (exit 1, the message naming the field and rule), over {@link CliFixture}'s clinic.
 * Expected dates are worked from the clinical tables in shared/clinical, not from the code.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CliTest {
  @TempDir
  static Path dir;
  static Path clinic;
  /** The clinic with line 3 (case-101's mentor assignment) replaced by an event with an impossible date. */
  static Path malformed;
  /** The clinic with an infant test sampled before the infant's birth appended. */
  static Path refused;

  @BeforeAll
  static void writeTheClinic() throws IOException {
    clinic = dir.resolve("clinic.ndjson");
    Files.writeString(clinic, CliFixture.ndjson(), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Files.readAllLines(clinic));
    lines.set(2, lines.get(2).replace("\"occurredOn\":\"2025-04-28\"", "\"occurredOn\":\"2025-04-31\""));
    malformed = Files.write(dir.resolve("malformed.ndjson"), lines);
    List<String> withRefused = new ArrayList<>(Files.readAllLines(clinic));
    withRefused.add("{\"caseId\":\"case-101\",\"event\":" + natBefore("2025-09-01", "emr-9") + "}");
    refused = Files.write(dir.resolve("refused.ndjson"), withRefused);
  }

  /** A pending NAT for case-101's infant (born 2025-10-10) sampled on a date. */
  static String natBefore(String sampled, String id) {
    return "{\"type\":\"InfantHivTested\",\"schemaVersion\":1,\"id\":\"" + id + "\",\"occurredOn\":\"" + sampled + "\","
        + "\"recordedAt\":\"2026-02-16T10:05:00Z\",\"recordedBy\":{\"user\":\"nurse-07\",\"facility\":\"facility-1\","
        + "\"sourceSystem\":\"my-emr\"},\"infantId\":\"" + infantOf101() + "\",\"testType\":\"NAT\",\"result\":\"PENDING\"}";
  }

  static String infantOf101() {
    return org.mentor.core.testing.CaseBuilder.aCase("case-101").infantA().toString();
  }

  static String clinic() {
    return clinic.toString();
  }

  static void oneLineError(CliRun run, String... fragments) {
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains(fragments);
  }

  // --- every command ------------------------------------------------------------------------------

  static Stream<String> commands() {
    List<String> all = new ArrayList<>();
    collect(MentorCli.commandLine(), all);
    return all.stream();
  }

  private static void collect(CommandLine cmd, List<String> into) {
    into.add(cmd.getCommandSpec().qualifiedName());
    cmd.getSubcommands().values().stream().filter(sub -> !sub.getCommandName().equals("help")).distinct()
        .forEach(sub -> collect(sub, into));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void every_command_has_help(String qualifiedName) {
    List<String> args = new ArrayList<>(List.of(qualifiedName.split(" ")).subList(1, qualifiedName.split(" ").length));
    args.add("--help");
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Usage: " + qualifiedName);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void the_commands_are_the_ones_documented() {
    assertThat(commands()).containsExactly("mentor", "mentor demo", "mentor due", "mentor case", "mentor case show",
        "mentor case record", "mentor case import", "mentor protocol", "mentor protocol list", "mentor protocol show",
        "mentor protocol validate", "mentor protocol diff", "mentor fhir", "mentor fhir export", "mentor fhir push",
        "mentor diagram", "mentor report", "mentor simulate", "mentor economics");
  }

  @Test
  void an_unknown_command_is_bad_usage() {
    CliRun run = CliRun.of("simulat");
    assertThat(run.exit()).isEqualTo(2);
    oneLineError(run, "mentor: Unmatched argument at index 0: 'simulat'");
  }

  @Test
  void a_group_without_its_subcommand_is_bad_usage() {
    assertThat(CliRun.of("case").exit()).isEqualTo(2);
    assertThat(CliRun.of("protocol").exit()).isEqualTo(2);
    assertThat(CliRun.of("fhir").exit()).isEqualTo(2);
  }

  @Test
  void verbose_adds_the_stack_trace_and_only_then() {
    CliRun quiet = CliRun.of("due", "--events", malformed.toString(), "--as-of", "2026-02-16");
    CliRun verbose = CliRun.of("due", "--events", malformed.toString(), "--as-of", "2026-02-16", "--verbose");
    assertThat(quiet.errLines()).hasSize(1);
    assertThat(verbose.exit()).isEqualTo(1);
    assertThat(verbose.errLines().get(0)).isEqualTo(quiet.errLines().get(0));
    assertThat(verbose.err()).contains("\tat org.mentor.");
  }

  // --- due ----------------------------------------------------------------------------------------

  @Nested
  class Due {
    @Test
    void lists_what_is_late_with_who_since_when_and_why() {
      CliRun run = CliRun.of("due", "--events", clinic(), "--as-of", CliFixture.AS_OF);
      assertThat(run.exit()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).startsWith("Due on 2026-02-16 for every case: ");
      assertThat(run.out()).contains("TIER", "CASE", "MOTHER", "INFANT", "WHAT", "DUE SINCE", "DAYS LATE", "WHY");
      // case-101's infant, born 2025-10-10: NAT_6W due day 42 = 2025-11-21, overdue from day 70 (infant.md §3a);
      // 87 days past its due date on 2026-02-16.
      String nat = line(run.out(), "NAT_6W");
      assertThat(nat).startsWith("HIGH").contains("case-101", "mother-of-case-101", infantOf101().substring(0, 8), "2025-11-21",
          " 87 ", "BIRTH = 2025-10-10", "[verified]");
      // case-102 missed her appointment of 2025-10-20: interrupted from + 28 days (maternal.md R1), phone agreed.
      String trace = line(run.out(), "Trace");
      assertThat(trace).contains("case-102", "treatment interrupted since 2025-11-17 (91 days); contact by phone");
    }

    @Test
    void one_mentor_sees_only_her_cases() {
      CliRun run = CliRun.of("due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--mentor", "mm-1");
      assertThat(run.exit()).isZero();
      assertThat(run.out()).startsWith("Due on 2026-02-16 for mentor mm-1: ").contains("case-101", "case-102")
          .doesNotContain("case-103", "case-104", "case-106");
    }

    @Test
    void a_facility_with_no_cases_has_nothing_due() {
      CliRun run = CliRun.of("due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--facility", "facility-9");
      assertThat(run.exit()).isZero();
      assertThat(run.out()).isEqualTo("Due on 2026-02-16 for facility facility-9: 0 items (0 cases evaluated)\n");
    }

    @Test
    void discreet_wording_never_names_the_condition_and_leaves_out_why() {
      CliRun run = CliRun.of("due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--discreet");
      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("Baby's test", "Follow up: not seen since 2025-11-17 (91 days); contact by phone")
          .doesNotContain("HIV", "ART", "iral load", "WHY", "NAT_6W", "''");
    }

    @Test
    void kiswahili_wording() {
      CliRun run = CliRun.of("due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--lang", "sw", "--discreet");
      assertThat(line(run.out(), "case-102")).isNotEmpty();
      assertThat(run.out()).contains("Fuatilia: hajaonekana tangu 2025-11-17 (siku 91); wasiliana kwa simu");
    }

    @Test
    void csv_and_json_carry_the_same_items() throws IOException {
      CliRun csv = CliRun.of("due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--format", "csv");
      CliRun json = CliRun.of("due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--format", "json");
      assertThat(csv.exit()).isZero();
      assertThat(json.exit()).isZero();
      List<String> rows = csv.out().lines().toList();
      assertThat(rows.get(0)).isEqualTo(
          "tier,case_id,mother_id,infant_id,what,due_since,days_late,mentor,facility,action,milestone,rule_id,why");
      JsonNode root = JsonMapper.builder().build().readTree(json.out());
      assertThat(root.get("asOf").asText()).isEqualTo("2026-02-16");
      assertThat(root.get("items")).hasSize(rows.size() - 1);
      JsonNode nat = null;
      for (JsonNode item : root.get("items")) {
        if (item.path("milestone").asText().equals("NAT_6W@" + infantOf101())) {
          nat = item;
        }
      }
      assertThat(nat).isNotNull();
      assertThat(nat.get("dueSince").asText()).isEqualTo("2025-11-21");
      assertThat(nat.get("daysLate").asInt()).isEqualTo(87);
      assertThat(nat.get("state").asText()).isEqualTo("OVERDUE");
      assertThat(nat.get("infantId").asText()).isEqualTo(infantOf101());
    }

    @Test
    void bad_usage_exits_2_with_one_line() {
      oneLineError(expect(2, "due", "--events", clinic()), "mentor due: Missing required option: '--as-of=DATE'");
      oneLineError(expect(2, "due", "--events", clinic(), "--as-of", "2026-02-30"), "'--as-of'", "2026-02-30");
      oneLineError(expect(2, "due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--mentor", "mm-1", "--facility", "f"),
          "mutually exclusive");
      oneLineError(expect(2, "due", "--events", clinic(), "--as-of", CliFixture.AS_OF, "--format", "xml"), "--format");
      oneLineError(expect(2, "due", "--events", dir.resolve("nope.ndjson").toString(), "--as-of", CliFixture.AS_OF),
          "--events: no such file");
    }

    @Test
    void an_invalid_events_file_exits_1_naming_line_field_and_rule() {
      oneLineError(expect(1, "due", "--events", malformed.toString(), "--as-of", CliFixture.AS_OF),
          "mentor due: malformed.ndjson line 3: $.event.occurredOn", "[JSON-006:");
      CliRun run = expect(1, "due", "--events", refused.toString(), "--as-of", CliFixture.AS_OF);
      oneLineError(run, "refused.ndjson line 27: infantTest.sampleDate (value redacted) breaks a rule [EID-001:");
      assertThat(run.err()).doesNotContain("2025-09-01");
    }
  }

  // --- case ---------------------------------------------------------------------------------------

  @Nested
  class Case {
    @Test
    void show_prints_the_state_and_the_schedule_with_why() {
      CliRun run = CliRun.of("case", "show", "--events", clinic(), "--case", "case-101", "--as-of", CliFixture.AS_OF);
      assertThat(run.exit()).isZero();
      assertThat(run.out()).startsWith("Case case-101 as of 2026-02-16: version 7, protocol WHO_2021@1, mentor mm-1, facility facility-1");
      assertThat(line(run.out(), "VIRAL_LOAD ")).contains("SUPPRESSED", "2025-08-04"); // 45 copies returned 2025-08-04
      assertThat(run.out()).contains("Infant " + infantOf101().substring(0, 8) + ": born 2025-10-10");
      // NAT_6W: window day 28 (2025-11-07), due day 42 (2025-11-21), overdue from day 70 (2025-12-19) (infant.md §3a)
      assertThat(line(run.out(), "NAT_6W " + infantOf101().substring(0, 8))).contains("OVERDUE", "2025-11-07", "2025-11-21",
          "2025-12-19", "source: infant.md");
    }

    @Test
    void show_of_an_unknown_case_is_a_finding() {
      oneLineError(expect(1, "case", "show", "--events", clinic(), "--case", "case-999", "--as-of", CliFixture.AS_OF),
          "mentor case show: --case: no such case in clinic.ndjson");
    }

    @Test
    void show_without_a_case_is_bad_usage() {
      oneLineError(expect(2, "case", "show", "--events", clinic()), "Missing required option: '--case=ID'");
      oneLineError(expect(2, "case", "show", "--events", clinic(), "--case", " padded "), "'--case'");
    }

    @Test
    void record_appends_a_valid_event_once(@TempDir Path tmp) throws IOException {
      Path events = Files.copy(clinic, tmp.resolve("clinic.ndjson"));
      Path nat = Files.writeString(tmp.resolve("nat.json"), natBefore("2026-02-16", "emr-0101"));
      CliRun run = CliRun.of("case", "record", "--events", events.toString(), "--case", "case-101", nat.toString());
      assertThat(run.exit()).isZero();
      assertThat(run.out()).isEqualTo("Recorded INFANT_HIV_TESTED emr-0101 on case case-101 (version 8) in clinic.ndjson.\n");
      List<String> lines = Files.readAllLines(events);
      assertThat(lines).hasSize(27);
      assertThat(lines.get(26)).startsWith("{\"caseId\":\"case-101\",\"event\":{\"type\":\"InfantHivTested\"");
      // the same event again changes nothing
      CliRun again = CliRun.of("case", "record", "--events", events.toString(), "--case", "case-101", nat.toString());
      assertThat(again.exit()).isZero();
      assertThat(again.out()).startsWith("Already recorded");
      assertThat(Files.readAllLines(events)).hasSize(27);
      // and the sample now satisfies NAT_6W, late: sampled 2026-02-16
      CliRun show = CliRun.of("case", "show", "--events", events.toString(), "--case", "case-101", "--as-of", CliFixture.AS_OF);
      assertThat(line(show.out(), "NAT_6W ")).contains("DONE", "2026-02-16");
    }

    @Test
    void record_refuses_an_invalid_event_and_leaves_the_file_as_it_was(@TempDir Path tmp) throws IOException {
      Path events = Files.copy(clinic, tmp.resolve("clinic.ndjson"));
      byte[] before = Files.readAllBytes(events);
      Path early = Files.writeString(tmp.resolve("early.json"), natBefore("2025-09-01", "emr-0102"));
      oneLineError(expect(1, "case", "record", "--events", events.toString(), "--case", "case-101", early.toString()),
          "early.json: refused, nothing recorded: infantTest.sampleDate (value redacted) breaks a rule [EID-001:");
      Path extra = Files.writeString(tmp.resolve("extra.json"),
          natBefore("2026-02-16", "emr-0103").replace("\"result\":\"PENDING\"", "\"result\":\"PENDING\",\"colour\":\"red\""));
      oneLineError(expect(1, "case", "record", "--events", events.toString(), "--case", "case-101", extra.toString()),
          "$.colour", "[JSON-004:");
      Path orphan = Files.writeString(tmp.resolve("orphan.json"), natBefore("2026-02-16", "emr-0104"));
      oneLineError(expect(1, "case", "record", "--events", events.toString(), "--case", "case-404", orphan.toString()),
          "[CASE-001:");
      assertThat(Files.readAllBytes(events)).isEqualTo(before);
      try (Stream<Path> files = Files.list(tmp)) {
        assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".clinic.ndjson.tmp")
            .allMatch(name -> !name.endsWith(".tmp"));
      }
    }

    @Test
    void record_without_its_event_file_is_bad_usage() {
      oneLineError(expect(2, "case", "record", "--events", clinic(), "--case", "case-101"),
          "Missing required parameter: 'EVENT_JSON_FILE'");
      oneLineError(expect(2, "case", "record", "--events", clinic(), "--case", "case-101", dir.resolve("none.json").toString()),
          "EVENT_JSON_FILE: no such file");
    }
  }

  // --- protocol -----------------------------------------------------------------------------------

  @Nested
  class Protocol {
    @Test
    void list_names_the_built_in_protocols() {
      CliRun run = expect(0, "protocol", "list");
      assertThat(run.out()).contains("WHO_2021@1", "WHO_2025@1", "ZA_2023@1", "KE_2022@1");
      assertThat(line(run.out(), "WHO_2025@1")).contains("WHO_2021@1"); // its parent
    }

    @Test
    void show_gives_every_value_with_its_source_and_mark() {
      CliRun run = expect(0, "protocol", "show", "ZA_2023");
      assertThat(run.out()).startsWith("Protocol ZA_2023@1: ");
      // maternal.md T5 (ZA): unsuppressed >= 1000, written as > 999
      assertThat(line(run.out(), "viralLoad.unsuppressedAbove")).contains("999", "secondary", "maternal.md T5");
      assertThat(line(run.out(), "PCR_10W ")).contains("BIRTH + P70D");
    }

    @Test
    void show_of_an_unknown_protocol_is_bad_usage() {
      oneLineError(expect(2, "protocol", "show", "XX_2030"), "no built-in protocol XX_2030");
      oneLineError(expect(2, "protocol", "show"), "Missing required parameter: 'PROTOCOL'");
    }

    @Test
    void validate_accepts_a_programmes_file_and_names_path_and_rule_when_not(@TempDir Path tmp) throws IOException {
      Path good = Files.writeString(tmp.resolve("mine.json"), programme(3));
      assertThat(expect(0, "protocol", "validate", good.toString()).out())
          .isEqualTo("mine.json: valid, protocol MINE@1 (Mine), inherits WHO_2021@1: 35 values, 19 milestone rules, 8 unverified\n");
      Path bad = Files.writeString(tmp.resolve("bad.json"), programme(300));
      oneLineError(expect(1, "protocol", "validate", bad.toString()),
          "bad.json: values.retention.tracingDueDays.value 300 (allowed: between 1 and 90)", "[PRO-006:");
      Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"id\": ");
      assertThat(expect(1, "protocol", "validate", broken.toString()).err()).contains("broken.json", "[PRO-");
      oneLineError(expect(2, "protocol", "validate", tmp.resolve("none.json").toString()), "no such file");
    }

    @Test
    void diff_lists_changed_values_and_milestone_rules(@TempDir Path tmp) throws IOException {
      Path mine = Files.writeString(tmp.resolve("mine.json"), programme(3));
      CliRun run = expect(0, "protocol", "diff", "WHO_2021@1", mine.toString());
      assertThat(run.out()).startsWith("From WHO_2021@1 to MINE@1");
      // WHO_2021: tracing due within 7 days (maternal.md R6); the programme says 3
      assertThat(line(run.out(), "retention.tracingDueDays")).contains(" 7 ", " 3 ", "Example SOP");
      assertThat(run.out()).contains("Milestone rules: none changed");
      CliRun za = expect(0, "protocol", "diff", "WHO_2021", "ZA_2023");
      assertThat(line(za.out(), "NAT_6W ")).contains("removed");
      assertThat(line(za.out(), "PCR_10W ")).contains("added", "BIRTH + P70D");
      assertThat(line(za.out(), "POST_BF  ") + "\n" + za.out()).contains("BREASTFEEDING_END + P3M", "BREASTFEEDING_END + P42D");
      oneLineError(expect(2, "protocol", "diff", "WHO_2021"), "Missing required parameter: 'B'");
    }

    static String programme(int tracingDays) {
      return "{\"id\":\"MINE\",\"version\":\"1\",\"title\":\"Mine\",\"jurisdiction\":\"EX\",\"effectiveFrom\":\"2026-01-01\","
          + "\"parent\":{\"id\":\"WHO_2021\",\"version\":\"1\"},\"values\":{\"retention.tracingDueDays\":{\"value\":" + tracingDays
          + ",\"source\":\"Example SOP 4.2\",\"confidence\":\"project convention\"}}}";
    }
  }

  // --- fhir export --------------------------------------------------------------------------------

  @Nested
  class Fhir {
    @Test
    void export_writes_one_labelled_ndjson_file_per_type_with_the_counts_printed(@TempDir Path tmp) throws IOException {
      Path out = tmp.resolve("export");
      CliRun run = expect(0, "fhir", "export", "--events", clinic(), "--ndjson", out.toString(), "--as-of", CliFixture.AS_OF);
      assertThat(run.out()).startsWith("Exported 6 cases as of 2026-02-16: ");
      List<Path> files;
      try (Stream<Path> list = Files.list(out)) {
        files = list.sorted().toList();
      }
      assertThat(files).isNotEmpty().allMatch(p -> p.getFileName().toString().endsWith(".ndjson"));
      int total = 0;
      for (Path file : files) {
        String type = file.getFileName().toString().replace(".ndjson", "");
        List<String> lines = Files.readAllLines(file);
        total += lines.size();
        assertThat(line(run.out(), type + " ")).contains(" " + lines.size() + " ");
        JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
        assertThat(first.get("resourceType").asText()).isEqualTo(type);
        assertThat(lines.get(0)).contains("\"code\":\"HIV\"");
      }
      assertThat(run.out()).contains(": " + total + " resources in " + files.size() + " files");
      // one EpisodeOfCare per case (six), plus one per infant of the one delivery
      assertThat(Files.readAllLines(out.resolve("EpisodeOfCare.ndjson"))).hasSize(7);
    }

    @Test
    void export_of_an_invalid_file_writes_nothing(@TempDir Path tmp) {
      Path out = tmp.resolve("export");
      oneLineError(expect(1, "fhir", "export", "--events", refused.toString(), "--ndjson", out.toString()), "[EID-001:");
      assertThat(out).doesNotExist();
    }

    @Test
    void export_without_a_folder_is_bad_usage() {
      oneLineError(expect(2, "fhir", "export", "--events", clinic()), "Missing required option: '--ndjson=DIR'");
    }
  }

  // --- diagram ------------------------------------------------------------------------------------

  @Test
  void diagram_prints_the_pathway_as_docs_pathway_mmd_has_it() throws IOException {
    CliRun run = expect(0, "diagram");
    assertThat(run.out()).isEqualTo(Files.readString(Path.of("..", "docs", "pathway.mmd")));
    assertThat(run.out().lines().skip(1).findFirst()).contains("stateDiagram-v2");
  }

  @Test
  void diagram_takes_no_arguments() {
    oneLineError(expect(2, "diagram", "--events", clinic()), "Unknown option");
  }

  // --- report -------------------------------------------------------------------------------------

  @Nested
  class Report {
    @Test
    void the_quarter_as_now_and_as_known_at_submission() {
      // FY2026 Q1 = 2025-10-01..2025-12-31 (indicators.md K1). ANC1 in it: case-104 (tested positive), case-105
      // (negative), case-106 (positive, but entered late on 2026-02-10). PMTCT_STAT: status known / ANC1.
      CliRun now = expect(0, "report", "--events", clinic(), "--period", "2026Q1", "--cut-off", CliFixture.AS_OF);
      assertThat(now.out()).startsWith("Indicators FY2026 Q1 [2025-10-01, 2025-12-31], data cut-off 2026-02-16");
      assertThat(line(now.out(), "PMTCT_STAT ")).contains(" 3/3 ", "100%", "NEWLY_TESTED_POSITIVE 2", "NEWLY_TESTED_NEGATIVE 1");
      assertThat(line(now.out(), "PMTCT_STAT_POS ")).contains(" 2 ");
      CliRun submitted = expect(0, "report", "--events", clinic(), "--period", "FY2026Q1", "--known-as-of", "2026-01-30T12:00:00Z",
          "--zone", "Africa/Nairobi");
      assertThat(submitted.out()).contains("data cut-off 2026-01-30, known at 2026-01-30T12:00:00Z");
      assertThat(line(submitted.out(), "PMTCT_STAT ")).contains(" 2/3 ", "HIV_STATUS_NOT_ASCERTAINED_AT_ANC1 1");
      assertThat(line(submitted.out(), "PMTCT_STAT_POS ")).contains(" 1 ");
    }

    @Test
    void csv_format() {
      CliRun csv = expect(0, "report", "--events", clinic(), "--period", "2025-10-01/2025-12-31", "--cut-off", CliFixture.AS_OF,
          "--format", "csv");
      assertThat(csv.out()).startsWith("indicator,definition_set,definition_version,period");
    }

    @Test
    void bad_periods_and_cut_offs_are_bad_usage() {
      oneLineError(expect(2, "report", "--events", clinic(), "--period", "2026Q5"), "--period: '2026Q5' is not a period");
      oneLineError(expect(2, "report", "--events", clinic(), "--period", "2026Q1", "--cut-off", "2025-09-30"),
          "the data cut-off 2025-09-30 is before the period's start 2025-10-01");
      oneLineError(expect(2, "report", "--events", clinic()), "Missing required option: '--period=PERIOD'");
      oneLineError(expect(2, "report", "--events", clinic(), "--period", "2026Q1", "--known-as-of", "yesterday"), "'--known-as-of'");
    }

    @Test
    void an_invalid_events_file_is_a_finding() {
      oneLineError(expect(1, "report", "--events", malformed.toString(), "--period", "2026Q1", "--cut-off", CliFixture.AS_OF),
          "line 3: $.event.occurredOn", "[JSON-006:");
    }
  }

  // --- --db: the cases in a database ------------------------------------------------------------

  @Nested
  class Database {
    @Test
    void import_then_every_reading_command_reads_the_database_as_it_reads_the_file(@TempDir Path tmp) {
      String db = tmp.resolve("clinic").toString();
      CliRun imported = expect(0, "case", "import", "--db", db, clinic());
      assertThat(imported.out()).isEqualTo("Imported clinic.ndjson into clinic.mv.db: 26 events recorded, 6 cases new, "
          + "6 cases in the database.\n");
      assertThat(tmp.resolve("clinic.mv.db")).isRegularFile();
      assertThat(expect(0, "case", "import", "--db", db, clinic()).out()).contains(": 0 events recorded, 0 cases new, 6 cases");
      for (String[] command : List.of(
          new String[] {"due", "--as-of", CliFixture.AS_OF, "--format", "csv"},
          new String[] {"case", "show", "--case", "case-101", "--as-of", CliFixture.AS_OF},
          new String[] {"report", "--period", "2026Q1", "--cut-off", CliFixture.AS_OF})) {
        List<String> fromFile = new ArrayList<>(List.of(command));
        fromFile.addAll(List.of("--events", clinic()));
        List<String> fromDb = new ArrayList<>(List.of(command));
        fromDb.addAll(List.of("--db", db + ".mv.db"));
        CliRun file = expect(0, fromFile.toArray(String[]::new));
        assertThat(expect(0, fromDb.toArray(String[]::new)).out()).as(String.join(" ", command)).isEqualTo(file.out());
      }
    }

    @Test
    void record_keeps_the_event_in_the_database_for_the_next_command(@TempDir Path tmp) throws IOException {
      String db = tmp.resolve("clinic").toString();
      expect(0, "case", "import", "--db", db, clinic());
      Path nat = Files.writeString(tmp.resolve("nat.json"), natBefore("2026-02-16", "emr-0201"));
      assertThat(expect(0, "case", "record", "--db", db, "--case", "case-101", nat.toString()).out())
          .isEqualTo("Recorded INFANT_HIV_TESTED emr-0201 on case case-101 (version 8) in the database clinic.mv.db.\n");
      CliRun show = expect(0, "case", "show", "--db", db, "--case", "case-101", "--as-of", CliFixture.AS_OF);
      assertThat(line(show.out(), "NAT_6W ")).contains("DONE", "2026-02-16");
      // refused: before the birth (EID-001); the database is unchanged
      Path early = Files.writeString(tmp.resolve("early.json"), natBefore("2025-09-01", "emr-0202"));
      oneLineError(expect(1, "case", "record", "--db", db, "--case", "case-101", early.toString()), "[EID-001:");
      assertThat(expect(0, "case", "show", "--db", db, "--case", "case-101", "--as-of", CliFixture.AS_OF).out())
          .startsWith("Case case-101 as of 2026-02-16: version 8,");
    }

    @Test
    void an_enrolment_creates_a_new_database_and_nothing_else_does(@TempDir Path tmp) throws IOException {
      Path nat = Files.writeString(tmp.resolve("nat.json"), natBefore("2026-02-16", "emr-0301"));
      oneLineError(expect(2, "case", "record", "--db", tmp.resolve("new").toString(), "--case", "case-101", nat.toString()),
          "--db: no such database: ");
      assertThat(tmp.resolve("new.mv.db")).doesNotExist();
      String enrolment = Files.readAllLines(clinic).get(0);
      Path enrolled = Files.writeString(tmp.resolve("enrolled.json"), enrolment.substring(enrolment.indexOf("\"event\":") + 8,
          enrolment.length() - 1));
      assertThat(expect(0, "case", "record", "--db", tmp.resolve("new").toString(), "--case", "case-101", enrolled.toString()).out())
          .startsWith("Recorded ENROLLED ");
      assertThat(tmp.resolve("new.mv.db")).isRegularFile();
    }

    @Test
    void bad_usage_and_bad_input() throws IOException {
      oneLineError(expect(2, "due", "--db", dir.resolve("none").toString(), "--as-of", CliFixture.AS_OF),
          "mentor due: --db: no such database: ");
      oneLineError(expect(2, "due", "--db", dir.resolve("x").toString(), "--events", clinic(), "--as-of", CliFixture.AS_OF),
          "mutually exclusive");
      oneLineError(expect(2, "case", "import", "--db", dir.resolve("y").toString()), "Missing required parameter: 'EVENTS_FILE'");
      CliRun run = expect(1, "case", "import", "--db", dir.resolve("refused").toString(), refused.toString());
      oneLineError(run, "refused.ndjson line 27: infantTest.sampleDate (value redacted) breaks a rule [EID-001:");
    }
  }

  // --- simulate -----------------------------------------------------------------------------------

  @Nested
  class Simulate {
    @Test
    void simulates_the_scenario_and_writes_tables_and_charts(@TempDir Path tmp) throws IOException {
      Path out = tmp.resolve("sim");
      CliRun run = CliRun.of("simulate", "../mentor-examples/samples/scenario.json", "--pairs", "40", "--seed", "3", "--out",
          out.toString(), "--threads", "2", "--pair-csv");
      assertThat(run.err()).isEmpty();
      assertThat(run.exit()).isZero();
      assertThat(run.out()).startsWith("Simulated 40 pairs in ").contains("South Africa 2023, mentor mothers — ZA_2023 v1, 40 pairs, seed 3")
          .contains("MILESTONE", "PCR_10W"); // ZA 2023 tests at 10 weeks (infant.md §3b)
      assertThat(out.resolve("cascade.csv")).isRegularFile();
      assertThat(out.resolve("cascade.png")).isRegularFile();
      assertThat(out.resolve("monthly-load.png")).isRegularFile();
      assertThat(Files.readAllLines(out.resolve("pairs.csv"))).hasSize(41).first().asString().startsWith("arm,pair,");
      assertThat(Files.readString(out.resolve("scenario.json"))).contains("\"pairs\" : 40", "\"seed\" : 3");
      // the scenario written is the scenario run: simulating it again gives the same pairs
      CliRun again = CliRun.of("simulate", out.resolve("scenario.json").toString(), "--out", tmp.resolve("again").toString(),
          "--pair-csv", "--threads", "1");
      assertThat(again.exit()).isZero();
      assertThat(Files.readString(tmp.resolve("again").resolve("pairs.csv"))).isEqualTo(Files.readString(out.resolve("pairs.csv")));
    }

    @Test
    void draws_a_progress_bar_with_the_rate_and_the_time_left_when_asked(@TempDir Path tmp) {
      CliRun run = CliRun.of("simulate", "../mentor-examples/samples/scenario.json", "--pairs", "20", "--out",
          tmp.resolve("sim").toString(), "--progress", "always");
      assertThat(run.exit()).isZero();
      // the bar redraws itself: "Simulating 100% [====] 20/20 pairs (0:00:01 / 0:00:00) 19.5 pairs/s"
      assertThat(run.err()).contains("\rSimulating", "20/20 pairs (", " / 0:00:00) ", " pairs/s");
    }

    @Test
    void a_scenario_breaking_a_rule_is_refused_before_anything_runs(@TempDir Path tmp) throws IOException {
      Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"booking\": {\"onArtShare\": 1.5}}");
      Path out = tmp.resolve("out");
      oneLineError(expect(1, "simulate", bad.toString(), "--out", out.toString()),
          "mentor simulate: bad.json: booking.onArtShare 1.5 breaks a rule [SIM-002: a probability or share lies between 0 and 1]");
      assertThat(out).doesNotExist();
      Path unknown = Files.writeString(tmp.resolve("unknown.json"), "{\"colour\": \"red\"}");
      oneLineError(expect(1, "simulate", unknown.toString(), "--out", out.toString()), "colour", "[SIM-008:");
      oneLineError(expect(1, "simulate", "../mentor-examples/samples/scenario.json", "--pairs", "0", "--out", out.toString()),
          "pairs 0 breaks a rule [SIM-001:");
    }

    @Test
    void bad_usage_exits_2() {
      oneLineError(expect(2, "simulate", "--out", dir.toString()), "Missing required parameter: 'SCENARIO_JSON'");
      oneLineError(expect(2, "simulate", "../mentor-examples/samples/scenario.json"), "Missing required option: '--out=DIR'");
      oneLineError(expect(2, "simulate", dir.resolve("none.json").toString(), "--out", dir.toString()), "SCENARIO_JSON: no such file");
      oneLineError(expect(2, "simulate", "../mentor-examples/samples/scenario.json", "--out", dir.toString(), "--pairs", "many"),
          "'--pairs'");
    }
  }

  // --- helpers ------------------------------------------------------------------------------------

  static CliRun expect(int exit, String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).as("exit code of mentor %s; err: %s", String.join(" ", args), run.err()).isEqualTo(exit);
    if (exit != 0) {
      assertThat(run.out()).as("nothing on standard output after an error").isEmpty();
    }
    return run;
  }

  /** The first line of the output holding a fragment. */
  static String line(String out, String fragment) {
    return out.lines().filter(l -> l.contains(fragment)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with '" + fragment + "' in:\n" + out));
  }
}
