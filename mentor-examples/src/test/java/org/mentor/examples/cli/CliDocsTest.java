package org.mentor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code $ mentor ...} example of docs/cli.md, in document order, and checks that the
 * output shown is the output the command gives: standard output and error, then {@code [exit N]}
 * for a non-zero exit code (CSV's CRLF line ends shown as LF). A line {@code ...} in the documented output stands for lines left out.
 * Paths under {@code mentor-examples/} are the repository's; {@code work/} is a scratch folder, new
 * for each run of this test (the page asks readers to make it with {@code mkdir work}), into which
 * the page's {@code cp} has copied the sample clinic as {@code work/clinic.ndjson}.
 *
 * <p>After a change to the CLI's output, regenerate the examples without {@code ...} with
 * {@code mvn -pl mentor-examples -am test -Dtest=CliDocsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmentor.docs.regenerate=true} (the shortened ones are updated by hand).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CliDocsTest {
  private static final Path DOC = Path.of("..", "docs", "cli.md");
  private static final Pattern BLOCK = Pattern.compile("```console\n\\$ mentor([^\n]*)\n(.*?)```", Pattern.DOTALL);

  @TempDir
  Path tmp;

  @Test
  void every_example_in_docs_cli_md_gives_the_output_shown() throws IOException {
    Files.copy(CliSampleTest.SAMPLE, tmp.resolve("clinic.ndjson"));
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher block = BLOCK.matcher(doc);
    StringBuilder regenerated = new StringBuilder();
    int examples = 0;
    int end = 0;
    List<String> failures = new ArrayList<>();
    while (block.find()) {
      examples++;
      String command = block.group(1).strip();
      String shown = block.group(2);
      String actual = run(command);
      regenerated.append(doc, end, block.start(2));
      boolean shortened = shown.lines().anyMatch("..."::equals);
      regenerated.append(shortened ? shown : actual);
      end = block.end(2);
      if (!matches(shown, actual)) {
        failures.add("$ mentor " + command + "\n--- shown:\n" + shown + "--- actual:\n" + actual);
      }
    }
    regenerated.append(doc.substring(end));
    if (Boolean.getBoolean("mentor.docs.regenerate")) {
      Files.writeString(DOC, regenerated.toString(), StandardCharsets.UTF_8);
    }
    assertThat(examples).as("examples in docs/cli.md").isGreaterThanOrEqualTo(10);
    assertThat(failures).as("docs/cli.md examples whose output differs (see this test's javadoc)").isEmpty();
  }

  private String run(String command) {
    List<String> args = new ArrayList<>();
    for (String arg : command.isEmpty() ? new String[0] : command.split(" +")) {
      if (arg.startsWith("mentor-examples/")) {
        args.add(Path.of("..").resolve(arg).toString());
      } else if (arg.startsWith("work/")) {
        args.add(tmp.resolve(arg.substring("work/".length())).toString());
      } else {
        args.add(arg);
      }
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    // CSV lines end with CRLF (RFC 4180); the page shows them with LF
    String output = (run.out() + run.err()).replace(tmp.toString(), "work").replace("\r\n", "\n");
    return run.exit() == 0 ? output : output + "[exit " + run.exit() + "]\n";
  }

  /** Whether the output matches what is shown, a {@code ...} line standing for any lines. */
  static boolean matches(String shown, String actual) {
    List<String> expected = shown.lines().toList();
    List<String> lines = actual.lines().toList();
    if (!expected.contains("...")) {
      return shown.equals(actual);
    }
    List<List<String>> segments = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : expected) {
      if (line.equals("...")) {
        segments.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    segments.add(current);
    int at = 0;
    for (int i = 0; i < segments.size(); i++) {
      List<String> segment = segments.get(i);
      if (i == 0) {
        if (!startsWith(lines, segment, 0)) {
          return false;
        }
        at = segment.size();
      } else if (i == segments.size() - 1) {
        return segment.isEmpty() || (lines.size() - segment.size() >= at && startsWith(lines, segment, lines.size() - segment.size()));
      } else {
        int found = -1;
        for (int from = at; from + segment.size() <= lines.size(); from++) {
          if (startsWith(lines, segment, from)) {
            found = from;
            break;
          }
        }
        if (found < 0) {
          return false;
        }
        at = found + segment.size();
      }
    }
    return true;
  }

  private static boolean startsWith(List<String> lines, List<String> segment, int from) {
    return from + segment.size() <= lines.size() && lines.subList(from, from + segment.size()).equals(segment);
  }

  @Test
  void the_ellipsis_matcher_can_fail() {
    assertThat(matches("a\n...\nc\n", "a\nb\nc\n")).isTrue();
    assertThat(matches("a\n...\nc\n", "a\nb\nd\n")).isFalse();
    assertThat(matches("a\n...\nc\n...\n", "x\nc\n")).isFalse();
    assertThat(matches("a\n...\nc\n...\n", "a\nb\nc\nd\n")).isTrue();
    assertThat(matches("a\nb\n", "a\nb\nc\n")).isFalse();
  }
}
