package org.mentor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluates {@code scripts/two-arms.jsh} snippet by snippet in JShell, as {@code jshell} runs it,
 * with 64 pairs instead of 100 000 and its output in a temporary directory.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwoArmsScriptTest {
  private static final Path SCRIPT = Path.of("scripts", "two-arms.jsh");

  @TempDir
  Path dir;

  @Test
  void the_script_is_at_most_15_lines_and_runs_two_arms_of_100_000_pairs() throws IOException {
    List<String> lines = Files.readAllLines(SCRIPT);
    assertThat(lines).hasSizeLessThanOrEqualTo(15).contains("int pairs = 100_000;");
  }

  @Test
  void the_script_prints_both_arms_and_writes_the_tables_and_charts() throws IOException {
    System.setProperty("java.awt.headless", "true");
    String script = Files.readString(SCRIPT).replace("int pairs = 100_000;", "int pairs = 64;")
        .replace("Path.of(\"target\", \"two-arms\")", "Path.of(\"" + dir.toString().replace("\\", "\\\\") + "\")");
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
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("mentor mothers — ZA_2023 v1, 64 pairs")
        .contains("no mentor — ZA_2023 v1, 64 pairs").contains("Paired differences (mentor mothers − no mentor)");
    assertThat(dir.resolve("cascade.csv")).exists();
    assertThat(dir.resolve("paired-differences.csv")).exists();
    assertThat(dir.resolve("cascade.png")).exists();
    assertThat(dir.resolve("monthly-load-b.png")).exists();
  }
}
