package org.mentor.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mentor.core.pathway.Deadline;
import org.mentor.core.pathway.Guard;
import org.mentor.core.pathway.PathwayState;
import org.mentor.core.pathway.PathwayTable;
import org.mentor.core.pathway.Region;
import org.mentor.core.pathway.Transition;

/**
 * {@code docs/pathway.mmd} and the generated parts of {@code docs/pathway.md} are what
 * {@link PathwayTable} generates today. When the table changes, these tests fail until the docs
 * are regenerated with
 * {@code mvn -pl mentor-core test -Dtest=PathwayDocsTest -Dmentor.docs.regenerate=true}
 * (as caffeine tests its {@code Snippets}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PathwayDocsTest {

  @Test
  @Order(1)
  void the_committed_diagram_docs_pathway_mmd_is_what_PathwayTable_mermaid_generates() {
    GeneratedDocs.checkWhole(PathwayDocs.DIAGRAM, PathwayTable.mermaid(), "PathwayTable.mermaid()", PathwayDocsTest.class);
  }

  @Test
  @Order(2)
  void docs_pathway_md_holds_the_generated_diagram_and_tables_of_every_region() {
    GeneratedDocs.checkSections(PathwayDocs.DOCUMENT, PathwayDocs.sections(), PathwayDocsTest.class);
  }

  @Test
  @Order(3)
  void docs_pathway_md_embeds_exactly_the_committed_diagram_in_a_mermaid_block() {
    String mmd = GeneratedDocs.read(GeneratedDocs.repositoryRoot().resolve(PathwayDocs.DIAGRAM));
    Map<String, String> sections =
        GeneratedDocs.sections(GeneratedDocs.read(GeneratedDocs.repositoryRoot().resolve(PathwayDocs.DOCUMENT)));
    assertThat(sections.get("diagram")).isEqualTo("```mermaid\n" + mmd + "```\n");
  }

  @Test
  void every_row_of_the_table_is_shown_in_its_region_s_rows() {
    for (Transition row : PathwayTable.rows()) {
      String table = PathwayDocs.rows(row.region());
      assertThat(table).as("row %s", row.id()).containsOnlyOnce("| " + row.id() + " |");
      assertThat(table).as("row %s from %s", row.id(), row.from().name())
          .satisfiesAnyOf(t -> assertThat(t).contains("`" + row.from().name() + "`"), t -> assertThat(t).contains("any state"));
    }
  }

  @Test
  void every_state_of_every_region_is_listed_with_its_meaning() {
    for (Region region : Region.values()) {
      String states = PathwayDocs.states(region);
      for (Object constant : region.states().getEnumConstants()) {
        PathwayState state = (PathwayState) constant;
        assertThat(states).contains("`" + state.name() + "`").contains(state.meaning());
      }
    }
  }

  @Test
  void every_guard_and_deadline_is_listed_with_its_description() {
    String guards = PathwayDocs.guards();
    for (Guard guard : Guard.values()) {
      assertThat(guards).contains("| `" + guard.name() + "` | " + guard.description() + " |");
    }
    String deadlines = PathwayDocs.deadlines();
    for (Deadline deadline : Deadline.values()) {
      assertThat(deadlines).contains("| `" + deadline.name() + "` | " + deadline.description() + " |");
    }
  }
}
