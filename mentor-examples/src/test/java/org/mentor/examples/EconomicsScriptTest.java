package org.mentor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluates {@code scripts/economics.jsh} snippet by snippet in JShell, as {@code jshell} runs it,
 * with small cohorts instead of the docs' sizes and its output in a temporary directory.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EconomicsScriptTest {
  private static final Path SCRIPT = Path.of("scripts", "economics.jsh");
  /** The docs' sizes (mentor-sim's EconomicsDocsTest checks the same line). */
  private static final String SIZES = "int probePairs = 20_000, enginePairs = 4_000, pairs = 2_000, draws = 50; long seed = 2025;";

  @TempDir
  Path dir;

  @Test
  void the_script_runs_the_docs_sizes_in_at_most_20_lines() throws IOException {
    assertThat(Files.readAllLines(SCRIPT)).hasSizeLessThanOrEqualTo(20).contains(SIZES);
  }

  @Test
  void the_script_prints_the_calibration_costs_ratios_and_analysis_and_writes_the_charts() throws IOException {
    System.setProperty("java.awt.headless", "true");
    String script = Files.readString(SCRIPT)
        .replace(SIZES, "int probePairs = 500, enginePairs = 32, pairs = 32, draws = 2; long seed = 2025;")
        .replace("Path.of(\"target\", \"economics\")", "Path.of(\"" + dir.toString().replace("\\", "\\\\") + "\")");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream console = System.out;
    // The local engine runs snippets in this JVM, so the script prints to System.out.
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String remaining = script.lines().filter(l -> !l.startsWith("/")).reduce("", (a, b) -> a + b + "\n");
      while (!remaining.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
        for (SnippetEvent event : shell.eval(info.source())) {
          assertThat(event.status()).as(info.source()).isNotEqualTo(Snippet.Status.REJECTED);
          assertThat(event.exception()).as(info.source()).isNull();
        }
        remaining = info.remaining();
      }
    } finally {
      System.setOut(console);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| MM6 | check | retention 18 months after birth")
        .contains("**benefit-cost ratio (C26)**").contains("(published: 11.40)").contains("2 draws, 32 pairs per arm")
        .contains("with every input at its point").contains("| uganda-2011-2014-one-hazard (sensitivity: one constant hazard) |");
    assertThat(dir.resolve("economics.csv")).exists();
    assertThat(dir.resolve("psa-draws.csv")).exists();
    assertThat(dir.resolve("economics-tornado.png")).exists();
    assertThat(dir.resolve("economics-bcr-distribution.png")).exists();
  }
}
