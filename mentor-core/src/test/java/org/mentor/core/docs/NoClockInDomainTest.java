package org.mentor.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The domain never reads the clock and the library never prints (STYLE.md §4, §5): no file under
 * {@code mentor-core/src/main/java} calls a clock-less {@code now()} of a {@code java.time} type
 * (only {@code now(clock)} on an injected {@code Clock}, which the facade alone does), reads the
 * wall clock otherwise, or writes to {@code System.out} or {@code System.err}. Comments and string
 * literals are not code, so a javadoc example may still show {@code Instant.now()}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NoClockInDomainTest {
  private static final String TEMPORAL =
      "(?:java\\s*\\.\\s*time\\s*\\.\\s*)?(?:LocalDate|LocalDateTime|LocalTime|Instant|ZonedDateTime|OffsetDateTime"
          + "|OffsetTime|Year|YearMonth|MonthDay)";

  /** A forbidden form and why it is forbidden. */
  private record Ban(Pattern pattern, String why) {}

  private static final List<Ban> BANS = List.of(
      new Ban(Pattern.compile("\\b" + TEMPORAL + "\\s*\\.\\s*now\\s*\\(\\s*\\)"),
          "reads the system clock; take a LocalDate asOf, or call now(clock) on the injected Clock in the facade"),
      new Ban(Pattern.compile("\\b" + TEMPORAL + "\\s*\\.\\s*now\\s*\\(\\s*(?:java\\s*\\.\\s*time\\s*\\.\\s*)?Zone(?:Id|Offset)\\b"),
          "reads the system clock in a zone; use the injected Clock"),
      new Ban(Pattern.compile("(?<![\\w.$])now\\s*\\(\\s*\\)"),
          "a bare now() (a static import of a clock read?)"),
      new Ban(Pattern.compile("\\bimport\\s+static\\s+java\\s*\\.\\s*time\\s*\\.\\s*\\w+\\s*\\.\\s*now\\s*;"),
          "imports a clock read"),
      new Ban(Pattern.compile("\\bSystem\\s*\\.\\s*currentTimeMillis\\s*\\("),
          "reads the wall clock"),
      new Ban(Pattern.compile("\\bnew\\s+(?:java\\s*\\.\\s*util\\s*\\.\\s*)?Date\\s*\\(\\s*\\)"),
          "reads the wall clock"),
      new Ban(Pattern.compile("\\bSystem\\s*\\.\\s*(?:out|err)\\b"),
          "prints; the library logs through SLF4J (never patient data) or returns values"),
      new Ban(Pattern.compile("\\.\\s*printStackTrace\\s*\\(\\s*\\)"),
          "prints to System.err"));

  /** Each forbidden use in a source, as {@code line N: code (why)}. */
  static List<String> violations(String source) {
    String code = JavaSource.codeOnly(source);
    List<String> found = new ArrayList<>();
    for (Ban ban : BANS) {
      Matcher matcher = ban.pattern().matcher(code);
      while (matcher.find()) {
        found.add("line " + JavaSource.lineOf(code, matcher.start()) + ": " + matcher.group().strip() + " (" + ban.why() + ")");
      }
    }
    return found;
  }

  @Test
  void no_production_file_of_mentor_core_reads_the_clock_or_prints() {
    List<Path> files = JavaSource.coreMainFiles();
    Path root = GeneratedDocs.repositoryRoot();
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      for (String violation : violations(GeneratedDocs.read(file))) {
        found.add(root.relativize(file) + " " + violation);
      }
    }
    assertThat(files).as("the scan reads the registry and the pathway")
        .anyMatch(f -> f.endsWith(Path.of("org/mentor/core/registry/CaseRegistry.java")))
        .anyMatch(f -> f.endsWith(Path.of("org/mentor/core/pathway/Pathway.java")));
    assertThat(found).as("mentor-core must not read the clock or print (STYLE.md §4, §5):%n  %s",
        String.join(System.lineSeparator() + "  ", found)).isEmpty();
  }

  @Test
  void clock_less_now_calls_of_java_time_types_are_found() {
    assertThat(violations("class A { LocalDate d = LocalDate.now(); }")).hasSize(1).first().asString().startsWith("line 1: LocalDate.now()");
    assertThat(violations("var t = Instant.now ( );")).hasSize(1);
    assertThat(violations("var t = java.time.LocalDateTime.now();")).hasSize(1);
    assertThat(violations("var t = ZonedDateTime.now(ZoneId.of(\"Africa/Nairobi\"));")).hasSize(1);
    assertThat(violations("var t = OffsetDateTime.now(java.time.ZoneOffset.UTC);")).hasSize(1);
    assertThat(violations("import static java.time.LocalDate.now;\nclass A { Object d = now(); }")).hasSize(2)
        .anyMatch(v -> v.startsWith("line 2: now()"));
    assertThat(violations("long t = System.currentTimeMillis();")).hasSize(1);
    assertThat(violations("Date d = new java.util.Date();")).hasSize(1);
  }

  @Test
  void printing_is_found() {
    assertThat(violations("class A {\n  void f() {\n    System.out.println(1);\n  }\n}")).containsExactly(
        "line 3: System.out (prints; the library logs through SLF4J (never patient data) or returns values)");
    assertThat(violations("list.forEach(System.err::println);")).hasSize(1);
    assertThat(violations("catch (Exception e) { e.printStackTrace(); }")).hasSize(1);
  }

  @Test
  void an_injected_clock_comments_and_string_literals_are_not_clock_reads() {
    assertThat(violations("LocalDate today = LocalDate.now(clock);")).isEmpty();
    assertThat(violations("Clock clock = Clock.systemDefaultZone();")).isEmpty();
    assertThat(violations("// LocalDate.now() is banned\n/** {@code Instant.now()} and System.out */ int x;")).isEmpty();
    assertThat(violations("String s = \"LocalDate.now() System.out\"; char c = '\"'; String t = \"\\\"Instant.now()\";")).isEmpty();
    assertThat(violations("String s = \"\"\"\n  Instant.now()\n  \"\"\";")).isEmpty();
    assertThat(violations("Instant recordedAt = event.recordedAt(); long n = System.nanoTime();")).isEmpty();
  }

  @Test
  void a_violation_after_a_comment_or_literal_keeps_its_line_number() {
    assertThat(violations("/* one\n two */ String s = \"x\";\n\nInstant i = Instant.now();"))
        .singleElement().asString().startsWith("line 4: Instant.now()");
  }
}
