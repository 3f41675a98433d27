package org.mentor.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The generated-section markers that let the docs tests regenerate tables and keep the prose. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedDocsTest {
  private static final String DOC = """
      # Title
      Prose before.
      <!-- generated:begin table -->
      | old |
      <!-- generated:end table -->
      Prose after.
      """;

  @Test
  void sections_are_the_lines_between_their_markers() {
    assertThat(GeneratedDocs.sections(DOC)).containsExactly(Map.entry("table", "| old |\n"));
  }

  @Test
  void regeneration_replaces_a_section_and_keeps_the_prose_around_it() {
    String next = GeneratedDocs.replace(DOC, Map.of("table", "| new |\n| rows |\n"));
    assertThat(next).isEqualTo("""
        # Title
        Prose before.
        <!-- generated:begin table -->
        | new |
        | rows |
        <!-- generated:end table -->
        Prose after.
        """);
    assertThat(GeneratedDocs.replace(next, Map.of("table", "| new |\n| rows |\n"))).isEqualTo(next);
  }

  @Test
  void regeneration_appends_a_section_the_document_lacks_and_keeps_unknown_ones() {
    Map<String, String> generated = new LinkedHashMap<>();
    generated.put("table", "| old |\n");
    generated.put("added", "text\n");
    String next = GeneratedDocs.replace(DOC, generated);
    assertThat(next).startsWith(DOC).endsWith("<!-- generated:begin added -->\ntext\n<!-- generated:end added -->\n");
    assertThat(GeneratedDocs.replace(DOC, Map.of())).isEqualTo(DOC);
  }

  @Test
  void a_stale_missing_or_unknown_section_is_reported_with_its_first_difference() {
    assertThat(GeneratedDocs.problems("d.md", DOC, Map.of("table", "| old |\n"))).isEmpty();
    assertThat(GeneratedDocs.problems("d.md", DOC, Map.of("table", "| new |\n"))).containsExactly(
        "d.md: section 'table' is stale; first difference at line 1 of the section: committed \"| old |\", generated \"| new |\"");
    assertThat(GeneratedDocs.problems("d.md", DOC, Map.of("table", "| old |\n", "other", "x\n")))
        .containsExactly("d.md: section 'other' is missing (no <!-- generated:begin other --> marker)");
    assertThat(GeneratedDocs.problems("d.md", DOC, Map.of()))
        .containsExactly("d.md: section 'table' is no longer generated; delete it and its markers");
  }

  @Test
  void unbalanced_markers_are_refused_before_anything_is_rewritten() {
    assertThatThrownBy(() -> GeneratedDocs.replace("<!-- generated:begin a -->\nx\n", Map.of("a", "y\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no end marker");
    assertThatThrownBy(() -> GeneratedDocs.sections("<!-- generated:begin a -->\n<!-- generated:begin b -->\n"))
        .hasMessageContaining("begins inside section a");
    assertThatThrownBy(() -> GeneratedDocs.sections("<!-- generated:end a -->\n"))
        .hasMessageContaining("without its begin marker");
    assertThat(GeneratedDocs.problems("d.md", "<!-- generated:begin a -->\n", Map.of("a", "")))
        .singleElement().asString().startsWith("d.md: malformed generated-section markers");
  }

  @Test
  void the_repository_root_is_found_by_the_parent_pom_not_by_a_module_pom_naming_it_as_parent() {
    assertThat(GeneratedDocs.isParentPom("<project><artifactId>mentor-parent</artifactId></project>")).isTrue();
    assertThat(GeneratedDocs.isParentPom(
        "<project><parent><artifactId>mentor-parent</artifactId></parent><artifactId>mentor-core</artifactId></project>"))
        .isFalse();
    assertThat(GeneratedDocs.repositoryRoot().resolve("mentor-core/pom.xml")).exists();
  }

  @Test
  void the_regeneration_command_names_the_test_and_the_property() {
    assertThat(GeneratedDocs.command(RulesDocsTest.class))
        .isEqualTo("mvn -pl mentor-core test -Dtest=RulesDocsTest -Dmentor.docs.regenerate=true");
  }
}
