package org.mentor.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.protocol.Confidence;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.Protocol;

/**
 * Each documented protocol's page in {@code docs/protocols/} lists every value and milestone rule
 * with its source and confidence mark, as loaded. When a value, a rule or a source changes, this
 * test fails until the page is regenerated with
 * {@code mvn -pl mentor-core test -Dtest=ProtocolDocsTest -Dmentor.docs.regenerate=true}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProtocolDocsTest {
  /** The protocols with a page in {@code docs/protocols/}; add one here when its page is wanted. */
  private static final List<Protocol> DOCUMENTED = org.mentor.core.protocol.Protocols.builtIn();

  @Test
  void each_documented_protocol_s_page_lists_every_value_and_milestone_rule_with_its_source_and_confidence() {
    for (Protocol protocol : DOCUMENTED) {
      GeneratedDocs.checkSections(ProtocolDocs.document(protocol), ProtocolDocs.sections(protocol), ProtocolDocsTest.class);
    }
  }

  @Test
  void the_WHO_2021_document_is_docs_protocols_WHO_2021_md() {
    assertThat(ProtocolDocs.document(Protocol.who2021())).isEqualTo("docs/protocols/WHO_2021.md");
  }

  @Test
  void every_key_has_a_row_and_every_unverified_value_is_marked_and_awaits_confirmation() {
    Protocol protocol = Protocol.who2021();
    Map<String, String> sections = ProtocolDocs.sections(protocol);
    for (Key<?> key : Key.all()) {
      String row = sections.get("values").lines().filter(l -> l.startsWith("| `" + key.name() + "` |")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + key.name()));
      boolean unverified = protocol.source(key).confidence() == Confidence.UNVERIFIED;
      assertThat(row.contains("**unverified**")).as(key.name()).isEqualTo(unverified);
      assertThat(sections.get("awaiting-confirmation").contains("`" + key.name() + "`")).as(key.name()).isEqualTo(unverified);
    }
  }

  @Test
  void every_milestone_rule_has_a_row_and_every_unverified_rule_awaits_confirmation() {
    Protocol protocol = Protocol.who2021();
    Map<String, String> sections = ProtocolDocs.sections(protocol);
    assertThat(protocol.milestones()).isNotEmpty();
    for (MilestoneRule rule : protocol.milestones()) {
      assertThat(sections.get("milestones")).contains("| `" + rule.id() + "` |");
      if (rule.source().confidence() == Confidence.UNVERIFIED) {
        assertThat(sections.get("awaiting-confirmation")).contains("- milestone `" + rule.id() + "`");
      }
    }
  }

  @Test
  void periods_are_shown_in_ISO_form_with_their_meaning_in_words() {
    assertThat(ProtocolDocs.value(java.time.Period.parse("P18M"))).isEqualTo("`P18M` (18 months)");
    assertThat(ProtocolDocs.value(java.time.Period.parse("P6W"))).isEqualTo("`P42D` (42 days = 6w)");
    assertThat(ProtocolDocs.period(java.time.Period.parse("P36W6D"))).isEqualTo("258 days = 36w6d");
    assertThat(ProtocolDocs.period(java.time.Period.parse("P3D"))).isEqualTo("3 days");
    assertThat(ProtocolDocs.value(28)).isEqualTo("`28`");
  }
}
