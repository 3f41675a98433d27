package org.mentor.sim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.calibration.Calibration;
import org.mentor.sim.calibration.CalibrationReport;
import org.mentor.sim.calibration.Check;
import org.mentor.sim.economics.CostBenefit;
import org.mentor.sim.economics.CostTable;
import org.mentor.sim.psa.PsaCharts;

/**
 * The economics, calibration and sensitivity sections of {@code docs/simulation.md}. The tables the
 * data files give (costs, valuation, the calibration's changes) are checked on every build. The
 * tables and charts a run gives (calibration results, the study, the analysis) take minutes, so they
 * are written only on request, with {@code mvn -B -ntp -pl mentor-sim -am test -Dtest=EconomicsDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmentor.docs.regenerate=true}; every build checks that each
 * calibration check's row says what its expectation says, and that the charts exist.
 * {@code mentor-examples/scripts/economics.jsh} runs the same sizes and seeds.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EconomicsDocsTest {
  static final Path DOC = Path.of("..", "docs", "simulation.md");
  static final Path IMAGES = Path.of("..", "docs", "images");
  static final Path SCRIPT = Path.of("..", "mentor-examples", "scripts", "economics.jsh");
  /** The docs' sizes and seed, as the script has them. */
  static final String SIZES = "int probePairs = 20_000, enginePairs = 4_000, pairs = 2_000, draws = 50; long seed = 2025;";
  private static final boolean REGENERATE = Boolean.getBoolean("mentor.docs.regenerate");

  @Test
  void the_cost_valuation_and_calibration_change_tables_are_current() throws IOException {
    String doc = read();
    if (REGENERATE) {
      doc = replace(doc, "costs", CostTable.defaults().table());
      doc = replace(doc, "valuation", CostTable.defaults().valuationTable());
      doc = replace(doc, "calibration-changes", Calibration.defaults().changesTable());
      write(doc);
    }
    assertThat(section(doc, "costs")).isEqualTo(CostTable.defaults().table());
    assertThat(section(doc, "valuation")).isEqualTo(CostTable.defaults().valuationTable());
    assertThat(section(doc, "calibration-changes")).isEqualTo(Calibration.defaults().changesTable());
  }

  @Test
  void the_run_sections_say_what_each_check_expects_and_the_charts_exist() throws IOException {
    if (REGENERATE) {
      regenerate();
    }
    String results = section(read(), "calibration-results");
    for (Check c : Calibration.defaults().checks()) {
      String arm = switch (c.arm()) {
        case MENTOR -> "mentor";
        case COMPARATOR -> "comparator";
        case HAZARD_RATIO -> "hazard ratio";
      };
      String use = switch (c.use()) {
        case FIT -> "fit (derived input)";
        case CHECK -> "check";
        case SENSITIVITY -> "sensitivity (not a check)";
      };
      String row = "| " + c.id() + " | " + use + " | " + c.measure().title() + " | " + c.scenario() + " | " + arm + " | "
          + c.target() + " | ";
      String result = switch (c.expect()) {
        case INSIDE -> " | inside |";
        case KNOWN_GAP -> " | **outside: known gap** |";
        case OUTSIDE -> " | outside (the reading misses it) |";
      };
      assertThat(results.lines().filter(l -> l.startsWith(row) && l.endsWith(result)).count())
          .as("docs/simulation.md calibration row for %s %s ending %s (regenerate: see this test's javadoc)", c.id(), arm, result)
          .isEqualTo(1);
    }
    for (String name : new String[] {"economics", "economics-readings", "psa", "tornado"}) {
      assertThat(section(read(), name)).as(name).isNotBlank();
    }
    for (String chart : new String[] {"economics-tornado.png", "economics-tornado-full-system.png",
        "economics-bcr-distribution.png"}) {
      assertThat(IMAGES.resolve(chart)).as(chart).exists().isNotEmptyFile();
    }
    assertThat(Files.readString(SCRIPT)).as("the script runs the docs' sizes and seed").contains(SIZES);
  }

  /** Runs the calibration and the study at the docs' sizes and rewrites their sections and charts. */
  private static void regenerate() throws IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    CalibrationReport calibration = Calibration.defaults().run(new Calibration.Sizes(20_000, 4_000, 2025, threads));
    EconomicsStudy.Result study = new EconomicsStudy("uganda-2011-2014", 2_000, 50, 2025).threads(threads).run();
    Map<String, CostBenefit> readings = new LinkedHashMap<>();
    readings.put("uganda-2011-2014 (the basis: losses by period)", study.base());
    readings.put("uganda-2011-2014-one-hazard (sensitivity: one constant hazard)",
        new EconomicsStudy("uganda-2011-2014-one-hazard", 2_000, 1, 2025).threads(threads).base());
    String doc = read();
    doc = replace(doc, "calibration-results", calibration.table() + "\n" + calibration.details());
    doc = replace(doc, "economics", study.base().markdown());
    doc = replace(doc, "economics-readings", EconomicsStudy.compare(readings));
    doc = replace(doc, "psa", study.psa().table());
    doc = replace(doc, "tornado", study.tornadoes().get(0).table(10) + "\n" + study.tornadoes().get(1).table(10));
    write(doc);
    Path charts = Files.createTempDirectory("economics-docs");
    study.write(charts, PsaCharts.Format.PNG);
    Files.createDirectories(IMAGES);
    for (String chart : new String[] {"economics-tornado.png", "economics-tornado-full-system.png",
        "economics-bcr-distribution.png"}) {
      Files.copy(charts.resolve(chart), IMAGES.resolve(chart), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String read() throws IOException {
    return Files.readString(DOC, StandardCharsets.UTF_8);
  }

  private static void write(String doc) throws IOException {
    Files.writeString(DOC, doc, StandardCharsets.UTF_8);
  }

  private static String begin(String name) {
    return "<!-- generated:begin " + name + " -->\n";
  }

  private static String end(String name) {
    return "<!-- generated:end " + name + " -->";
  }

  static String section(String doc, String name) {
    int from = doc.indexOf(begin(name));
    int to = doc.indexOf(end(name));
    assertThat(from).as("docs/simulation.md has section " + name).isNotNegative();
    assertThat(to).as("docs/simulation.md ends section " + name).isGreaterThan(from);
    return doc.substring(from + begin(name).length(), to);
  }

  private static String replace(String doc, String name, String text) {
    section(doc, name);
    return doc.substring(0, doc.indexOf(begin(name)) + begin(name).length()) + text + doc.substring(doc.indexOf(end(name)));
  }
}
