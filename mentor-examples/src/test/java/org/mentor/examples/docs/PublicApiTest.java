package org.mentor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library modules' public surface, read from their sources (issue 13, "Packaging and docs"): every public
 * top-level type has javadoc and an API-stability annotation ({@code @API}, as JUnit uses), {@code internal} packages
 * are marked {@code INTERNAL}, and every class or interface an application holds says whether it is thread-safe.
 */
class PublicApiTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern DECLARATION = Pattern.compile(
      "^public (?:final |abstract |sealed |non-sealed |static )*(class|interface|record|enum|@interface) (\\w+)",
      Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern STATUS = Pattern.compile("@API\\(status = (STABLE|MAINTAINED|EXPERIMENTAL|DEPRECATED|INTERNAL)"
      + ", since = \"[0-9.]+\"\\)");
  private static final Pattern THREADING = Pattern.compile("thread|immutable|stateless", Pattern.CASE_INSENSITIVE);

  /** One public top-level type: its file, package, kind, name, javadoc and what stands between that and the declaration. */
  record PublicType(Path file, String pkg, String kind, String name, String javadoc, String annotations, String source) {
    @Override
    public String toString() {
      return pkg + "." + name;
    }
  }

  private static List<PublicType> types;

  @BeforeAll
  static void read() throws IOException {
    types = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("mentor-")).sorted().toList()) {
        String name = module.getFileName().toString();
        Path sources = module.resolve("src/main/java");
        if (name.equals("mentor-examples") || name.equals("mentor-bench") || !Files.isDirectory(sources)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(sources)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
            String source = Files.readString(file);
            Matcher declaration = DECLARATION.matcher(source);
            if (!declaration.find()) {
              continue; // package-private
            }
            String before = source.substring(0, declaration.start());
            int open = before.lastIndexOf("/**");
            int close = before.lastIndexOf("*/");
            boolean documented = open >= 0 && close > open && !before.substring(close).matches("(?s).*[;{}].*");
            Matcher pkg = PACKAGE.matcher(source);
            assertThat(pkg.find()).as(file.toString()).isTrue();
            types.add(new PublicType(file, pkg.group(1), declaration.group(1), declaration.group(2),
                documented ? before.substring(open, close) : "", close >= 0 ? before.substring(close + 2) : before, source));
          }
        }
      }
    }
  }

  @Test
  void the_scan_sees_the_library() {
    assertThat(types).hasSizeGreaterThan(200);
    assertThat(types).extracting(PublicType::toString).contains("org.mentor.core.registry.CaseRegistry",
        "org.mentor.fhir.push.FhirPush", "org.mentor.sim.run.Simulation", "org.mentor.store.jdbc.JdbcCaseStore",
        "org.mentor.fhir.testserver.FhirTestServer");
  }

  @Test
  void every_public_type_has_javadoc() {
    assertThat(types).filteredOn(t -> t.javadoc().isBlank()).as("public types without javadoc").isEmpty();
  }

  @Test
  void every_public_type_declares_its_api_status_and_internal_packages_say_internal() {
    assertThat(types).filteredOn(t -> !STATUS.matcher(t.annotations()).find()).as("public types without @API(status, since)")
        .isEmpty();
    assertThat(types).filteredOn(t -> t.pkg().endsWith(".internal"))
        .allMatch(t -> t.annotations().contains("status = INTERNAL"), "INTERNAL in an internal package");
    assertThat(types).filteredOn(t -> t.toString().equals("org.mentor.core.registry.CaseRegistry")).singleElement()
        .matches(t -> t.annotations().contains("status = STABLE"), "the registry an EMR embeds is STABLE");
  }

  /**
   * Classes and interfaces say whether they are thread-safe (or immutable, or stateless); records and enums are
   * immutable by construction, exceptions are thrown not shared, and a class with only a private constructor holds
   * static methods only.
   */
  @Test
  void every_class_an_application_holds_says_whether_it_is_thread_safe() {
    assertThat(types).filteredOn(t -> (t.kind().equals("class") || t.kind().equals("interface"))
            && !t.name().endsWith("Exception") && !t.source().contains("private " + t.name() + "() {}"))
        .filteredOn(t -> !THREADING.matcher(t.javadoc()).find()).as("classes whose javadoc says nothing about threads")
        .isEmpty();
  }
}
