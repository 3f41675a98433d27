package org.mentor.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.InvalidProtocolException;
import org.mentor.core.Rule;

/**
 * The generated rule catalogue in {@code docs/rules.md} lists every {@link Rule} as the code
 * defines and checks it. When a rule is added or moves, this test fails until the document is
 * regenerated with
 * {@code mvn -pl mentor-core test -Dtest=RulesDocsTest -Dmentor.docs.regenerate=true}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RulesDocsTest {

  @Test
  void docs_rules_md_lists_every_rule_as_the_code_defines_and_checks_it() {
    GeneratedDocs.checkSections(RuleDocs.DOCUMENT, RuleDocs.sections(), RulesDocsTest.class);
  }

  @Test
  void each_rule_appears_once_in_the_table_of_its_severity() {
    Map<String, String> sections = RuleDocs.sections();
    for (Rule rule : Rule.values()) {
      String own = sections.get(rule.severity() == Rule.Severity.HARD ? "hard-rules" : "soft-rules");
      String other = sections.get(rule.severity() == Rule.Severity.HARD ? "soft-rules" : "hard-rules");
      assertThat(own).as(rule.id()).containsOnlyOnce("| **" + rule.id() + "** | `" + rule.name() + "` |")
          .contains(rule.description());
      assertThat(other).as(rule.id()).doesNotContain("**" + rule.id() + "**");
    }
  }

  @Test
  void rule_ids_are_unique_so_the_catalogue_can_be_keyed_on_them() {
    assertThat(Arrays.stream(Rule.values()).map(Rule::id)).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[A-Z]+-[0-9]{3}"));
  }

  @Test
  void the_exceptions_the_catalogue_calls_never_redacted_are_not() {
    assertThat(RuleDocs.NEVER_REDACTED).containsExactly("InvalidProtocolException");
    assertThat(new InvalidProtocolException("p.json", "values.x.value", 7, Rule.PROTOCOL_UNREADABLE).redacted()).isFalse();
    assertThat(new InvalidProtocolException("p.json", "values.x.value", 7, Rule.PROTOCOL_UNREADABLE).getMessage())
        .contains(" 7 ");
  }

  @Test
  void hard_rules_are_only_thrown_and_soft_rules_only_flagged() {
    Map<String, RuleDocs.Uses> uses = RuleDocs.scan();
    assertThat(uses).as("the scan of mentor-core's sources found rule uses").isNotEmpty();
    for (Rule rule : Rule.values()) {
      RuleDocs.Uses use = uses.get(rule.name());
      if (use == null) {
        continue;
      }
      if (rule.severity() == Rule.Severity.HARD) {
        assertThat(use.builds()).as("what %s is built into", rule.id()).allMatch(type -> type.endsWith("Exception"));
      } else {
        assertThat(use.builds()).as("what %s is built into", rule.id()).containsOnly("DataQualityIssue");
      }
    }
  }
}
