package org.mentor.core.docs;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the documents in {@code docs/} whose tables are generated from the code.
 *
 * <p>A generated section sits between two marker lines, {@code <!-- generated:begin NAME -->} and
 * {@code <!-- generated:end NAME -->}; everything outside the markers is hand-written prose that
 * regeneration keeps. In check mode (the default) a test fails when a section differs from what the
 * code generates, naming the section, the first differing line and the command that regenerates
 * it. With {@code -Dmentor.docs.regenerate=true} the test rewrites the sections instead (a missing
 * section is appended at the end of the document, for the author to move).
 *
 * <p>Paths are relative to the repository root, found by walking up from the working directory to
 * the folder whose {@code pom.xml} is the {@code mentor-parent} pom.
 */
final class GeneratedDocs {
  /** The system property that turns checking into regenerating. */
  static final String REGENERATE = "mentor.docs.regenerate";

  private static final Pattern BEGIN = Pattern.compile("<!-- generated:begin ([A-Za-z0-9_.:-]+) -->");
  private static final Pattern END = Pattern.compile("<!-- generated:end ([A-Za-z0-9_.:-]+) -->");
  private static final Pattern PARENT_BLOCK = Pattern.compile("(?s)<parent>.*?</parent>");

  private GeneratedDocs() {}

  /** Whether this run rewrites the documents rather than checking them. */
  static boolean regenerating() {
    return Boolean.parseBoolean(System.getProperty(REGENERATE, "false"));
  }

  /** The command that regenerates what a test class checks, run from the repository root. */
  static String command(Class<?> test) {
    return "mvn -pl mentor-core test -Dtest=" + test.getSimpleName() + " -D" + REGENERATE + "=true";
  }

  /** The repository root: the nearest folder, upwards from the working directory, holding the parent pom. */
  static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && isParentPom(read(pom))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder above " + start + " holds the mentor-parent pom.xml");
  }

  /** Whether a pom's own artifactId (not its parent's) is {@code mentor-parent}. */
  static boolean isParentPom(String pom) {
    return PARENT_BLOCK.matcher(pom).replaceAll("").contains("<artifactId>mentor-parent</artifactId>");
  }

  /** A file's text with line endings normalised to {@code \n}. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The begin marker line of a section (without its line break). */
  static String begin(String name) {
    return "<!-- generated:begin " + name + " -->";
  }

  /** The end marker line of a section (without its line break). */
  static String end(String name) {
    return "<!-- generated:end " + name + " -->";
  }

  /**
   * The generated sections of a document, by name in document order. A section's content is the
   * lines between its markers, each ending with a line break.
   *
   * @throws IllegalArgumentException if markers are unbalanced, nested, mismatched or repeated
   */
  static Map<String, String> sections(String text) {
    Map<String, String> sections = new LinkedHashMap<>();
    String open = null;
    StringBuilder content = new StringBuilder();
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      Matcher begin = BEGIN.matcher(line.strip());
      Matcher end = END.matcher(line.strip());
      if (begin.matches()) {
        if (open != null) {
          throw new IllegalArgumentException("line " + lineNumber + ": section " + begin.group(1)
              + " begins inside section " + open);
        }
        open = begin.group(1);
        if (sections.containsKey(open)) {
          throw new IllegalArgumentException("line " + lineNumber + ": section " + open + " appears twice");
        }
        content.setLength(0);
      } else if (end.matches()) {
        if (!end.group(1).equals(open)) {
          throw new IllegalArgumentException("line " + lineNumber + ": end of section " + end.group(1)
              + (open == null ? " without its begin marker" : " inside section " + open));
        }
        sections.put(open, content.toString());
        open = null;
      } else if (open != null) {
        content.append(line).append('\n');
      }
    }
    if (open != null) {
      throw new IllegalArgumentException("section " + open + " has no end marker");
    }
    return sections;
  }

  /**
   * Replaces each generated section's content; sections the document lacks are appended at its end.
   *
   * @param text the document
   * @param generated the sections' new content by name; each content ends with a line break
   * @return the new document; prose outside the markers is unchanged
   */
  static String replace(String text, Map<String, String> generated) {
    sections(text); // refuses malformed markers before anything is rewritten
    StringBuilder out = new StringBuilder();
    String open = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher begin = BEGIN.matcher(line.strip());
      Matcher end = END.matcher(line.strip());
      if (begin.matches() && generated.containsKey(begin.group(1))) {
        open = begin.group(1);
        out.append(line).append('\n').append(generated.get(open));
      } else if (end.matches() && end.group(1).equals(open)) {
        open = null;
        out.append(line);
        if (i < lines.length - 1) {
          out.append('\n');
        }
      } else if (open == null) {
        out.append(line);
        if (i < lines.length - 1) {
          out.append('\n');
        }
      }
    }
    Map<String, String> present = sections(out.toString());
    for (Map.Entry<String, String> section : generated.entrySet()) {
      if (!present.containsKey(section.getKey())) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append('\n');
        }
        out.append('\n').append(begin(section.getKey())).append('\n').append(section.getValue())
            .append(end(section.getKey())).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * What differs between a document's generated sections and what the code generates: missing,
   * stale and unknown sections, each in one line.
   */
  static List<String> problems(String document, String text, Map<String, String> generated) {
    List<String> problems = new ArrayList<>();
    Map<String, String> present;
    try {
      present = sections(text);
    } catch (IllegalArgumentException e) {
      problems.add(document + ": malformed generated-section markers: " + e.getMessage());
      return problems;
    }
    for (Map.Entry<String, String> section : generated.entrySet()) {
      String actual = present.get(section.getKey());
      if (actual == null) {
        problems.add(document + ": section '" + section.getKey() + "' is missing (no " + begin(section.getKey())
            + " marker)");
      } else if (!actual.equals(section.getValue())) {
        problems.add(document + ": section '" + section.getKey() + "' is stale; " + firstDifference(actual, section.getValue()));
      }
    }
    for (String name : present.keySet()) {
      if (!generated.containsKey(name)) {
        problems.add(document + ": section '" + name + "' is no longer generated; delete it and its markers");
      }
    }
    return problems;
  }

  /** The first line where two sections differ, for a failure message. */
  static String firstDifference(String actual, String expected) {
    return firstDifference(actual, expected, "section");
  }

  /** The first line where two texts differ, for a failure message. */
  static String firstDifference(String actual, String expected, String what) {
    String[] a = actual.split("\n", -1);
    String[] e = expected.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, e.length); i++) {
      String mine = i < a.length ? a[i] : null;
      String theirs = i < e.length ? e[i] : null;
      if (mine == null || !mine.equals(theirs)) {
        return "first difference at line " + (i + 1) + " of the " + what + ": committed " + quote(mine)
            + ", generated " + quote(theirs);
      }
    }
    return "no difference";
  }

  private static String quote(@Nullable String line) {
    return line == null ? "(nothing)" : "\"" + line + "\"";
  }

  /**
   * Checks (or, when regenerating, rewrites) the generated sections of a document.
   *
   * @param document the path from the repository root, such as {@code docs/rules.md}
   * @param generated the sections by name, in the order they are appended when missing
   * @param test the test class whose command regenerates them
   */
  static void checkSections(String document, Map<String, String> generated, Class<?> test) {
    requireNonNull(generated, "generated");
    Path file = repositoryRoot().resolve(document);
    if (regenerating()) {
      String before = Files.exists(file) ? read(file) : "";
      write(file, replace(before, generated));
    }
    assertThat(file).as(document + " is missing; create it with: " + command(test)).exists();
    List<String> problems = problems(document, read(file), generated);
    assertThat(problems)
        .as("%s does not match the code.%n  %s%nRegenerate it from the repository root with:%n  %s%n"
                + "then review the diff (the prose outside the generated markers is kept).",
            document, String.join(System.lineSeparator() + "  ", problems), command(test))
        .isEmpty();
  }

  /**
   * Checks (or, when regenerating, rewrites) a file that is generated whole.
   *
   * @param document the path from the repository root, such as {@code docs/pathway.mmd}
   * @param generated the file's content
   * @param source what generates it, for the failure message
   * @param test the test class whose command regenerates it
   */
  static void checkWhole(String document, String generated, String source, Class<?> test) {
    Path file = repositoryRoot().resolve(document);
    if (regenerating()) {
      write(file, generated);
    }
    assertThat(file).as(document + " is missing; create it with: " + command(test)).exists();
    String committed = read(file);
    assertThat(committed.equals(generated))
        .as("%s is stale: it differs from %s (%s).%nRegenerate it from the repository root with:%n  %s%n"
                + "then review and commit the diff.",
            document, source, firstDifference(committed, generated, "file"), command(test))
        .isTrue();
  }
}
