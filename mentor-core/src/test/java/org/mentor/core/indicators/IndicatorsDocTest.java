package org.mentor.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.export.ResearchExport;

/** docs/indicators.md and docs/privacy.md cannot drift from the code: every indicator, category, gap and table is there. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IndicatorsDocTest {
  private static String read(String document) throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(document))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("%s in this directory or above", document).isNotNull();
    return Files.readString(dir.resolve(document));
  }

  @Test
  void every_indicator_has_a_section_with_its_definition_set_and_an_example() throws IOException {
    String doc = read("docs/indicators.md");
    for (Indicator indicator : Indicator.values()) {
      String heading = "### " + indicator.code() + "\n";
      assertThat(doc).as("a section for %s", indicator).contains(heading);
      String section = doc.substring(doc.indexOf(heading), nextHeading(doc, doc.indexOf(heading) + heading.length()));
      String set = indicator.definitionSet() == DefinitionSet.MER_2_6_1 ? "MER 2.6.1" : "WHO 2022";
      assertThat(section).as("the section of %s", indicator).contains(set).contains("Example");
      indicator.dimensions().forEach(d -> assertThat(section).as("%s names %s", indicator, d).contains("`" + d.code() + "`"));
    }
    assertThat(doc).contains("Definitions version: **" + Indicators.DEFINITION_VERSION + "**");
  }

  private static int nextHeading(String doc, int from) {
    int next = doc.indexOf("\n#", from);
    return next < 0 ? doc.length() : next;
  }

  @Test
  void every_category_and_gap_is_documented_and_the_CSV_header_is_the_codes() throws IOException {
    String doc = read("docs/indicators.md");
    for (Category category : Category.values()) {
      assertThat(doc).as("category %s", category).contains("`" + category.name() + "`");
    }
    for (Gap gap : Gap.values()) {
      assertThat(doc).as("gap %s in the table", gap).contains("| `" + gap.name() + "` | " + (gap.excludes() ? "yes" : "no"));
    }
    assertThat(doc).contains(String.join(",", IndicatorCsv.HEADER) + "\n");
  }

  @Test
  void the_privacy_page_names_the_exported_tables() throws IOException {
    String doc = read("docs/privacy.md");
    assertThat(doc).contains("`" + ResearchExport.OUTCOMES_TABLE + "`").contains("`" + ResearchExport.PHASES_TABLE + "`");
  }
}
