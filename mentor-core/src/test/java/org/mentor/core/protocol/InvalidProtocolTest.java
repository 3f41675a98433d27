package org.mentor.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mentor.core.InvalidProtocolException;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.core.schedule.Schedule;
import org.mentor.core.testing.CaseBuilder;

/**
 * Every kind of mistake a programme can make in its own protocol file is refused whole with an
 * {@link InvalidProtocolException} naming the rule (PRO-001 … PRO-011), the file, the path inside
 * it and, where there is one, the offending value (DESIGN.md §3: "a protocol that does not validate
 * is refused whole"). Each bad file is a copy of the built-in WHO_2021.json with one edit.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InvalidProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "bad.json";
  private static final String WHO_RESOURCE = "/org/mentor/core/protocol/WHO_2021.json";

  /** A fresh, editable copy of the built-in WHO_2021 file. */
  static ObjectNode who() {
    try (InputStream in = InvalidProtocolTest.class.getResourceAsStream(WHO_RESOURCE)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal child of WHO_2021 version 1 that inherits every value and milestone. */
  static ObjectNode childOf(String parentId, String parentVersion) {
    ObjectNode child = JSON.createObjectNode();
    child.put("id", "CHILD_2026").put("version", "1").put("title", "A programme's variant")
        .put("jurisdiction", "XX").put("effectiveFrom", "2026-01-01");
    child.putObject("parent").put("id", parentId).put("version", parentVersion);
    return child;
  }

  static ObjectNode value(ObjectNode root, String key) {
    return (ObjectNode) root.get("values").get(key);
  }

  static ArrayNode milestones(ObjectNode root) {
    return (ArrayNode) root.get("milestones");
  }

  /** The position of a milestone in the WHO_2021 file's list (the loader's path names it). */
  static int indexOf(String id) {
    ArrayNode list = milestones(who());
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).get("id").asText().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no milestone " + id + " in WHO_2021.json");
  }

  static ObjectNode milestone(ObjectNode root, String id) {
    return (ObjectNode) milestones(root).get(indexOf(id));
  }

  static byte[] bytes(JsonNode root) {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Protocol load(byte[] json) {
    return ProtocolLoader.fromStream(new ByteArrayInputStream(json), FILE);
  }

  static Protocol load(JsonNode root) {
    return load(bytes(root));
  }

  /** Loads a file that must be refused and returns the refusal. */
  static InvalidProtocolException refusal(byte[] json) {
    Protocol loaded;
    try {
      loaded = load(json);
    } catch (InvalidProtocolException e) {
      return e;
    }
    throw new AssertionError("the file was accepted: " + loaded);
  }

  static InvalidProtocolException refusal(JsonNode root) {
    return refusal(bytes(root));
  }

  /** Asserts the rule id (as the literal a reader sees), the file, the path and the value. */
  static void assertRefused(InvalidProtocolException e, String ruleId, String path, @Nullable Object value) {
    assertThat(e.rule().id()).as("rule").isEqualTo(ruleId);
    assertThat(e.file()).as("file").isEqualTo(FILE);
    assertThat(e.field()).as("path").isEqualTo(FILE + ": " + path);
    if (value == null) {
      assertThat(e.rejectedValue()).as("value").isEmpty();
    } else {
      assertThat(e.rejectedValue()).as("value").contains(value);
    }
    assertThat(e.getMessage()).contains(FILE + ": " + path).contains("[" + ruleId + ":");
  }

  static final int NAT_6W = indexOf("NAT_6W");
  static final int NAT_9M = indexOf("NAT_9M");
  static final int RETEST = indexOf("HIV_RETEST_LATE_PREGNANCY");
  static final int CTX = indexOf("CTX_START");

  @Test
  void given_the_unedited_copy_when_loaded_then_it_equals_the_built_in_WHO_2021() {
    assertThat(load(who())).isEqualTo(Protocols.who2021());
  }

  @Nested
  class PRO_001_unreadable {
    @Test
    void given_a_truncated_file_when_loaded_then_refused_at_the_root_with_the_parser_message() {
      byte[] whole = bytes(who());
      byte[] half = new String(whole, StandardCharsets.UTF_8).substring(0, whole.length / 2).getBytes(StandardCharsets.UTF_8);
      InvalidProtocolException e = refusal(half);
      assertThat(e.rule().id()).isEqualTo("PRO-001");
      assertThat(e.field()).isEqualTo("bad.json: $");
      assertThat(e.rejectedValue()).isPresent();
    }

    @Test
    void given_a_trailing_comma_when_loaded_then_refused() {
      assertThat(refusal("{\"id\": \"X\",}".getBytes(StandardCharsets.UTF_8)).rule().id()).isEqualTo("PRO-001");
    }

    @Test
    void given_an_array_at_the_root_when_loaded_then_refused() {
      assertRefused(refusal("[1, 2]".getBytes(StandardCharsets.UTF_8)), "PRO-001", "$", null);
    }

    @Test
    void given_an_empty_file_when_loaded_then_refused() {
      assertRefused(refusal(new byte[0]), "PRO-001", "$", null);
    }
  }

  @Nested
  class PRO_002_unknown_field {
    @Test
    void given_an_unknown_top_level_field_when_loaded_then_refused() {
      ObjectNode root = who();
      root.put("notes", "reviewed 2026");
      assertRefused(refusal(root), "PRO-002", "notes", "notes");
    }

    @Test
    void given_a_misspelt_value_key_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) root.get("values")).set("viralLoad.suppresedBelow", value(root, "viralLoad.suppressedBelow").deepCopy());
      assertRefused(refusal(root), "PRO-002", "values.viralLoad.suppresedBelow", "viralLoad.suppresedBelow");
    }

    @Test
    void given_an_unknown_field_inside_a_value_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "viralLoad.suppressedBelow").put("comment", "check");
      assertRefused(refusal(root), "PRO-002", "values.viralLoad.suppressedBelow.comment", "comment");
    }

    @Test
    void given_an_unknown_milestone_field_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").put("repeat", "P1M");
      assertRefused(refusal(root), "PRO-002", "milestones[" + NAT_6W + "].repeat", "repeat");
    }

    @Test
    void given_an_unknown_appliesWhen_fact_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("appliesWhen")).put("twin", true);
      assertRefused(refusal(root), "PRO-002", "milestones[" + NAT_6W + "](NAT_6W).appliesWhen.twin", "twin");
    }
  }

  @Nested
  class PRO_003_missing_value {
    @Test
    void given_a_value_left_out_of_a_file_without_parent_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) root.get("values")).remove("infantRisk.vlThreshold");
      assertRefused(refusal(root), "PRO-003", "values.infantRisk.vlThreshold", null);
    }

    @Test
    void given_an_entry_without_its_value_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").remove("value");
      assertRefused(refusal(root), "PRO-003", "values.infantRisk.vlThreshold.value", null);
    }

    @Test
    void given_a_null_value_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").putNull("value");
      assertRefused(refusal(root), "PRO-003", "values.infantRisk.vlThreshold.value", null);
    }

    @Test
    void given_no_id_when_loaded_then_refused() {
      ObjectNode root = who();
      root.remove("id");
      assertRefused(refusal(root), "PRO-003", "id", null);
    }

    @Test
    void given_a_milestone_without_due_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").remove("due");
      assertRefused(refusal(root), "PRO-003", "milestones[" + NAT_6W + "](NAT_6W).due", null);
    }

    @Test
    void given_a_file_without_values_and_without_parent_when_loaded_then_refused() {
      ObjectNode root = who();
      root.remove("values");
      assertRefused(refusal(root), "PRO-003", "values", null);
    }
  }

  @Nested
  class PRO_004_wrong_type {
    @Test
    void given_a_number_written_as_text_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").put("value", "1000");
      assertRefused(refusal(root), "PRO-004", "values.infantRisk.vlThreshold.value", "\"1000\"");
    }

    @Test
    void given_a_decimal_where_a_whole_number_is_needed_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").put("value", 1000.5);
      assertRefused(refusal(root), "PRO-004", "values.infantRisk.vlThreshold.value", "1000.5");
    }

    @Test
    void given_a_flag_written_as_text_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThresholdInclusive").put("value", "false");
      assertRefused(refusal(root), "PRO-004", "values.infantRisk.vlThresholdInclusive.value", "\"false\"");
    }

    @Test
    void given_a_period_written_as_a_number_of_months_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "finalStatus.testAge").put("value", 18);
      assertRefused(refusal(root), "PRO-004", "values.finalStatus.testAge.value", "18");
    }

    @Test
    void given_an_impossible_effective_date_when_loaded_then_refused() {
      ObjectNode root = who();
      root.put("effectiveFrom", "2021-02-30");
      assertRefused(refusal(root), "PRO-004", "effectiveFrom", "2021-02-30");
    }

    @Test
    void given_a_milestone_offset_in_words_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("due")).put("offset", "6 weeks");
      assertRefused(refusal(root), "PRO-004", "milestones[" + NAT_6W + "](NAT_6W).due.offset", "\"6 weeks\"");
    }

    @Test
    void given_a_due_rule_with_four_terms_when_loaded_then_refused() {
      ObjectNode root = who();
      ArrayNode terms = (ArrayNode) milestone(root, "HIV_RETEST_LATE_PREGNANCY").get("due").get("earliestOf");
      terms.add(terms.get(0).deepCopy()).add(terms.get(1).deepCopy());
      InvalidProtocolException e = refusal(root);
      assertThat(e.rule().id()).isEqualTo("PRO-004");
      assertThat(e.field()).isEqualTo("bad.json: milestones[" + RETEST + "](HIV_RETEST_LATE_PREGNANCY).due.earliestOf");
    }

    @Test
    void given_milestones_that_are_not_a_list_when_loaded_then_refused() {
      ObjectNode root = who();
      root.putObject("milestones");
      assertRefused(refusal(root), "PRO-004", "milestones", "{}");
    }
  }

  @Nested
  class PRO_005_missing_source {
    @Test
    void given_a_value_without_source_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").remove("source");
      assertRefused(refusal(root), "PRO-005", "values.infantRisk.vlThreshold.source", null);
    }

    @Test
    void given_a_blank_source_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").put("source", "   ");
      assertRefused(refusal(root), "PRO-005", "values.infantRisk.vlThreshold.source", null);
    }

    @Test
    void given_an_unknown_confidence_mark_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").put("confidence", "certain");
      assertRefused(refusal(root), "PRO-005", "values.infantRisk.vlThreshold.confidence", "certain");
    }

    @Test
    void given_no_confidence_mark_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").remove("confidence");
      assertRefused(refusal(root), "PRO-005", "values.infantRisk.vlThreshold.confidence", null);
    }

    @Test
    void given_a_milestone_without_source_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "CTX_START").remove("source");
      assertRefused(refusal(root), "PRO-005", "milestones[" + CTX + "](CTX_START).source", null);
    }

    @Test
    void given_a_confidence_mark_in_another_case_when_loaded_then_it_is_read() {
      ObjectNode root = who();
      value(root, "infantRisk.vlThreshold").put("confidence", "Project Convention");
      assertThat(load(root).source(Key.RISK_VL_THRESHOLD).confidence()).isEqualTo(Confidence.PROJECT_CONVENTION);
    }
  }

  @Nested
  class PRO_006_value_range {
    @Test
    void given_a_negative_day_count_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "retention.iitThresholdDays").put("value", -28);
      assertRefused(refusal(root), "PRO-006", "values.retention.iitThresholdDays.value", "-28 (allowed: between 1 and 365)");
    }

    @Test
    void given_a_percentage_above_100_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "adherence.goodFromPercent").put("value", 101);
      assertRefused(refusal(root), "PRO-006", "values.adherence.goodFromPercent.value", "101 (allowed: between 1 and 100)");
    }

    @Test
    void given_a_negative_period_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "finalStatus.testAge").put("value", "P-18M");
      assertRefused(refusal(root), "PRO-006", "values.finalStatus.testAge.value", "P-18M (allowed: not negative)");
    }

    @Test
    void given_suppressedBelow_above_unsuppressedAbove_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "viralLoad.suppressedBelow").put("value", 2000);
      assertRefused(refusal(root), "PRO-006", "values.viralLoad.suppressedBelow.value",
          "2000 (must not exceed viralLoad.unsuppressedAbove 1000)");
    }

    @Test
    void given_fair_adherence_above_good_when_loaded_then_refused() {
      ObjectNode root = who();
      value(root, "adherence.fairFromPercent").put("value", 96);
      assertRefused(refusal(root), "PRO-006", "values.adherence.fairFromPercent.value",
          "96 (must not exceed adherence.goodFromPercent 95)");
    }
  }

  @Nested
  class PRO_007_unknown_parent {
    @Test
    void given_a_parent_that_is_not_loaded_when_loaded_then_refused() {
      ObjectNode root = who();
      root.putObject("parent").put("id", "WHO_2019").put("version", "1");
      assertRefused(refusal(root), "PRO-007", "parent", "WHO_2019@1");
    }

    @Test
    void given_a_known_parent_id_with_an_unknown_version_when_loaded_then_refused() {
      assertRefused(refusal(childOf("WHO_2021", "7")), "PRO-007", "parent", "WHO_2021@7");
    }

    @Test
    void given_a_known_parent_when_loaded_then_the_child_inherits_everything() {
      Protocol child = load(childOf("WHO_2021", "1"));
      assertThat(child.parent()).contains(new ProtocolRef("WHO_2021", "1"));
      assertThat(child.values()).isEqualTo(Protocols.who2021().values());
      assertThat(child.milestones()).isEqualTo(Protocols.who2021().milestones());
    }
  }

  @Nested
  class PRO_008_window_order {
    @Test
    void given_a_window_that_opens_after_the_due_date_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("windowOpens")).put("offset", "P43D");
      assertRefused(refusal(root), "PRO-008", "milestones[" + NAT_6W + "](NAT_6W).windowOpens.offset",
          "P43D (after the due offset P42D)");
    }

    @Test // 2024-08-31 + P1M = 2024-09-30, after 2024-08-31 + P29D = 2024-09-29
    void given_a_window_of_one_month_before_a_due_date_of_29_days_when_loaded_then_refused_because_some_months_are_longer() {
      ObjectNode root = who();
      ObjectNode nat = milestone(root, "NAT_6W");
      ((ObjectNode) nat.get("windowOpens")).put("offset", "P1M");
      ((ObjectNode) nat.get("due")).put("offset", "P29D");
      assertRefused(refusal(root), "PRO-008", "milestones[" + NAT_6W + "](NAT_6W).windowOpens.offset",
          "P1M (after the due offset P29D)");
    }

    @Test // no calendar month is longer than 31 days
    void given_a_window_of_one_month_before_a_due_date_of_31_days_when_loaded_then_accepted() {
      ObjectNode root = who();
      ObjectNode nat = milestone(root, "NAT_6W");
      ((ObjectNode) nat.get("windowOpens")).put("offset", "P1M");
      ((ObjectNode) nat.get("due")).put("offset", "P31D");
      assertThat(load(root).milestones()).anySatisfy(r -> assertThat(r.id()).isEqualTo("NAT_6W"));
    }

    @Test
    void given_a_negative_due_offset_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("due")).put("offset", "P-42D");
      assertRefused(refusal(root), "PRO-008", "milestones[" + NAT_6W + "](NAT_6W).due.offset", Period.ofDays(-42));
    }

    @Test
    void given_a_negative_window_offset_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("windowOpens")).put("offset", "P-1D");
      assertRefused(refusal(root), "PRO-008", "milestones[" + NAT_6W + "](NAT_6W).windowOpens.offset", Period.ofDays(-1));
    }

    @Test
    void given_a_negative_window_lead_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_9M").put("windowLead", "P-14D");
      assertRefused(refusal(root), "PRO-008", "milestones[" + NAT_9M + "](NAT_9M).windowLead", Period.ofDays(-14));
    }

    @Test
    void given_a_zero_overdue_interval_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").put("overdueAfterDue", "P0D");
      assertRefused(refusal(root), "PRO-008", "milestones[" + NAT_6W + "](NAT_6W).overdueAfterDue", Period.ZERO);
    }

    @Test
    void given_a_negative_overdue_interval_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").put("overdueAfterDue", "P-28D");
      assertRefused(refusal(root), "PRO-008", "milestones[" + NAT_6W + "](NAT_6W).overdueAfterDue", Period.ofDays(-28));
    }

    @Test // infant.md §3a BIRTH_NAT: "— (no overdue)"
    void given_a_null_overdue_interval_when_loaded_then_the_milestone_is_never_overdue() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").putNull("overdueAfterDue");
      Protocol noOverdue = load(root);
      CaseBuilder b = CaseBuilder.aCase().enrolledAtAnc(LocalDate.of(2023, 9, 4)).startedArt(LocalDate.of(2023, 9, 4))
          .delivered(LocalDate.of(2024, 1, 10)).breastfed();
      var nat = Schedule.of(noOverdue, b.file().facts(), LocalDate.of(2024, 6, 1)).find("NAT_6W", b.infantA()).orElseThrow();
      assertThat(nat.overdueFrom()).isEmpty();
      assertThat(nat.state()).isEqualTo(MilestoneState.LATE);
    }
  }

  @Nested
  class PRO_009_unknown_reference {
    @Test
    void given_closes_whenWindowOpens_naming_an_unknown_milestone_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("closes")).put("whenWindowOpens", "NAT_12M");
      assertRefused(refusal(root), "PRO-009", "milestones[NAT_6W].closes.whenWindowOpens", "NAT_12M");
    }

    @Test
    void given_laterThanMilestone_naming_an_unknown_milestone_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "POST_BF").get("appliesWhen")).put("laterThanMilestone", "AB_24M");
      assertRefused(refusal(root), "PRO-009", "milestones[POST_BF].appliesWhen.laterThanMilestone", "AB_24M");
    }

    @Test
    void given_a_child_removing_a_milestone_its_parent_lacks_when_loaded_then_refused() {
      ObjectNode child = childOf("WHO_2021", "1");
      child.putArray("removeMilestones").add("NAT_12M");
      assertRefused(refusal(child), "PRO-009", "removeMilestones", "NAT_12M");
    }

    @Test
    void given_a_file_without_parent_removing_a_milestone_when_loaded_then_refused() {
      ObjectNode root = who();
      root.putArray("removeMilestones").add("NAT_6W");
      assertRefused(refusal(root), "PRO-009", "removeMilestones", "NAT_6W");
    }

    @Test
    void given_a_child_removing_a_milestone_another_one_closes_on_when_loaded_then_refused() {
      ObjectNode child = childOf("WHO_2021", "1");
      child.putArray("removeMilestones").add("NAT_9M");
      assertRefused(refusal(child), "PRO-009", "milestones[NAT_6W].closes.whenWindowOpens", "NAT_9M");
      assertThat(Protocols.who2021().milestones()).anySatisfy(r -> assertThat(r.id()).isEqualTo("NAT_9M"));
    }
  }

  @Nested
  class PRO_010_unknown_code {
    @Test
    void given_an_unknown_anchor_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").put("anchor", "CONCEPTION");
      assertRefused(refusal(root), "PRO-010", "milestones[" + NAT_6W + "](NAT_6W).anchor", "CONCEPTION");
    }

    @Test
    void given_an_unknown_anchor_in_one_term_of_a_due_rule_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "HIV_RETEST_LATE_PREGNANCY").get("due").get("earliestOf").get(1)).put("anchor", "BIRTHDAY");
      assertRefused(refusal(root), "PRO-010",
          "milestones[" + RETEST + "](HIV_RETEST_LATE_PREGNANCY).due.earliestOf[1].anchor", "BIRTHDAY");
    }

    @Test
    void given_an_unknown_subject_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").put("subject", "FATHER");
      assertRefused(refusal(root), "PRO-010", "milestones[" + NAT_6W + "](NAT_6W).subject", "FATHER");
    }

    @Test
    void given_an_unknown_satisfiedBy_event_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("satisfiedBy")).put("event", "INFANT_TESTED");
      assertRefused(refusal(root), "PRO-010", "milestones[" + NAT_6W + "](NAT_6W).satisfiedBy.event", "INFANT_TESTED");
    }

    @Test
    void given_an_unknown_test_type_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("satisfiedBy")).put("testType", "PCR");
      assertRefused(refusal(root), "PRO-010", "milestones[" + NAT_6W + "](NAT_6W).satisfiedBy.testType", "PCR");
    }

    @Test
    void given_an_unknown_cancel_reason_when_loaded_then_refused() {
      ObjectNode root = who();
      ((ArrayNode) milestone(root, "NAT_6W").get("cancelledBy")).set(1, JSON.getNodeFactory().textNode("LOST"));
      assertRefused(refusal(root), "PRO-010", "milestones[" + NAT_6W + "](NAT_6W).cancelledBy[1]", "LOST");
    }

    @Test
    void given_atNextAnchor_on_an_anchor_that_is_not_a_family_when_loaded_then_refused() {
      ObjectNode root = who();
      milestone(root, "NAT_6W").putObject("closes").put("atNextAnchor", true);
      assertRefused(refusal(root), "PRO-010", "milestones[" + NAT_6W + "](NAT_6W).closes.atNextAnchor", "BIRTH");
    }
  }

  @Nested
  class PRO_011_duplicate {
    @Test
    void given_two_rules_with_one_id_and_the_same_condition_when_loaded_then_refused() {
      ObjectNode root = who();
      ArrayNode list = milestones(root);
      int appended = list.size();
      list.add(milestone(root, "NAT_6W").deepCopy());
      assertRefused(refusal(root), "PRO-011", "milestones[" + appended + "].id", "NAT_6W");
    }

    @Test // DESIGN.md §3: "an OR is two rules with the same milestone id"
    void given_two_rules_with_one_id_and_different_conditions_when_loaded_then_both_are_kept() {
      ObjectNode root = who();
      ObjectNode other = milestone(root, "NAT_6W").deepCopy();
      ((ObjectNode) other.get("appliesWhen")).put("highRisk", true);
      milestones(root).add(other);
      assertThat(load(root).milestones()).filteredOn(r -> r.id().equals("NAT_6W")).hasSize(2);
    }
  }

  @Nested
  class Never_half_loaded {
    @Test
    void given_a_file_refused_at_its_last_check_when_loaded_then_nothing_is_returned_and_the_built_ins_are_unchanged() {
      List<Protocol> before = Protocols.builtIn();
      ObjectNode root = who();
      root.put("version", "2");
      value(root, "viralLoad.suppressedBelow").put("value", 2000); // checked after every value and milestone
      assertThatThrownBy(() -> load(root)).isInstanceOf(InvalidProtocolException.class);
      assertThat(Protocols.builtIn()).isEqualTo(before);
      assertThat(Protocols.builtIn(new ProtocolRef("WHO_2021", "2"))).isEmpty();
      assertThat(Protocols.who2021()).isEqualTo(load(who()));
    }

    @Test
    void given_a_refused_file_when_a_child_names_it_as_parent_then_the_child_is_refused_too() {
      ObjectNode root = who();
      root.put("version", "2");
      ((ObjectNode) milestone(root, "CTX_START").get("due")).put("offset", "P-1D"); // the last milestone
      assertThatThrownBy(() -> load(root)).isInstanceOf(InvalidProtocolException.class);
      assertRefused(refusal(childOf("WHO_2021", "2")), "PRO-007", "parent", "WHO_2021@2");
    }

    @Test
    void given_a_refused_child_when_loaded_then_its_parent_keeps_every_milestone_and_value() {
      Protocol parentBefore = Protocols.who2021();
      ObjectNode child = childOf("WHO_2021", "1");
      child.putArray("removeMilestones").add("NAT_9M").add("AB_18M");
      child.putObject("values").putObject("finalStatus.testAge").put("value", "P24M").put("source", "a programme")
          .put("confidence", "bogus");
      assertThatThrownBy(() -> load(child)).isInstanceOf(InvalidProtocolException.class);
      assertThat(Protocols.who2021()).isSameAs(parentBefore).isEqualTo(load(who()));
      assertThat(Protocols.who2021().get(Key.FINAL_TEST_AGE)).isEqualTo(Period.ofMonths(18));
    }
  }

  @Nested
  class Gaps {
    @Test
    void given_a_lower_case_event_name_when_loaded_then_it_is_read_like_the_upper_case_one() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("satisfiedBy")).put("event", "infant_hiv_tested");
      Protocol lower = load(root);
      CaseBuilder b = CaseBuilder.aCase().enrolledAtAnc(LocalDate.of(2023, 9, 4)).startedArt(LocalDate.of(2023, 9, 4))
          .delivered(LocalDate.of(2024, 1, 10)).breastfed().nat(LocalDate.of(2024, 2, 21), InfantTestResult.NEGATIVE);
      assertThat(Schedule.of(lower, b.file().facts(), LocalDate.of(2024, 3, 1)).find("NAT_6W", b.infantA()).orElseThrow()
          .state()).isEqualTo(MilestoneState.DONE);
    }

    @Test
    void given_a_satisfiedBy_without_event_when_loaded_then_the_path_names_the_milestone() {
      ObjectNode root = who();
      ((ObjectNode) milestone(root, "NAT_6W").get("satisfiedBy")).remove("event");
      assertRefused(refusal(root), "PRO-003", "milestones[" + NAT_6W + "](NAT_6W).satisfiedBy.event", null);
    }
  }
}
