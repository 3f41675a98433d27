package org.mentor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of README.md and docs (every {@code .md} under it), and runs
 * those that can run. A block runs as written, inside a method, with the imports every sample gets
 * ({@link #IMPORTS}: Mentor's public packages, {@code java.time}, {@code java.util}, ...). A block
 * that needs something from around it says so in an HTML comment right before it, which readers of
 * the page do not see:
 *
 * <pre>
 * &lt;!-- sample compile-only
 * import org.mentor.fhir.mapping.CaseReader;
 * CaseRegistry registry;
 * void alert(String message) {}
 * --&gt;
 * </pre>
 *
 * <p>{@code sample run} or {@code sample compile-only}, optionally followed by {@code declarations}
 * for a block that declares members (a method) rather than running statements; then one declaration
 * per line: {@code import}
 * lines join the imports, anything else is a member of the class the block runs in (fields, with
 * initializers for a block that runs, such as {@code CaseRegistry registry = DocSamples.clinic();},
 * or methods). A {@code compile-only} block is compiled and not run: for fragments that need an
 * application around them (a token, a store, a server, a programme's file) or would run for minutes
 * (docs/simulation.md's 100 000 pairs, whose calls TwoArmsScriptTest runs with 64). A block without a
 * comment must run as it is.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocSamplesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!--\\s*sample\\s+(run|compile-only)\\b([ \\t]+declarations)?(.*?)-->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  /** Besides every public package of the library modules (found in their sources, {@code internal} ones left out). */
  private static final List<String> IMPORTS = List.of(
      "java.io.*", "java.nio.file.*", "java.time.*", "java.util.*", "java.util.function.*",
      "com.google.common.collect.*", "ca.uhn.fhir.context.FhirContext", "org.hl7.fhir.r4.model.Bundle",
      "org.h2.jdbcx.JdbcConnectionPool", "org.mentor.core.pathway.Codes.*", "org.mentor.examples.docs.DocSamples");

  private static final List<String> PACKAGES = packages();

  @TempDir
  Path classes;

  /** The packages of the library modules' main sources, but {@code …internal}. */
  private static List<String> packages() {
    java.util.TreeSet<String> packages = new java.util.TreeSet<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("mentor-")).toList()) {
        String name = module.getFileName().toString();
        Path sources = module.resolve("src/main/java");
        if (name.equals("mentor-examples") || name.equals("mentor-bench") || !Files.isDirectory(sources)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(sources)) {
          files.filter(f -> f.toString().endsWith(".java")).map(f -> sources.relativize(f.getParent()).toString()
              .replace(java.io.File.separatorChar, '.')).filter(p -> !p.isEmpty() && !p.endsWith(".internal"))
              .forEach(packages::add);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return List.copyOf(packages);
  }

  /**
   * One block of a page.
   *
   * @param declarations whether the block declares members (a method, a class) rather than running statements
   */
  record Sample(Path page, int line, boolean runs, boolean declarations, List<String> imports, List<String> members,
      String code) {
    String name() {
      return ROOT.relativize(page).toString().replace('\\', '/') + " line " + line;
    }

    String className() {
      return "Sample_" + page.getFileName().toString().replaceAll("\\W", "_") + "_" + line;
    }

    String source() {
      StringBuilder s = new StringBuilder("package docsamples;\n\n");
      IMPORTS.forEach(i -> s.append("import ").append(i).append(";\n"));
      PACKAGES.forEach(p -> s.append("import ").append(p).append(".*;\n"));
      s.append("import static java.time.LocalDate.of;\n");
      imports.forEach(i -> s.append(i.endsWith(";") ? i : i + ";").append('\n'));
      s.append("\n@SuppressWarnings(\"unused\")\npublic class ").append(className()).append(" {\n");
      members.forEach(m -> s.append("  ").append(m).append('\n'));
      if (declarations) {
        s.append(code).append("\n  public void run() {}\n}\n");
      } else {
        s.append("  public void run() throws Exception {\n").append(code).append("\n  }\n}\n");
      }
      return s.toString();
    }
  }

  static List<Sample> samples() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<Sample> samples = new ArrayList<>();
    for (Path page : pages) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start(4)).chars().filter(c -> c == '\n').count();
        List<String> imports = new ArrayList<>();
        List<String> members = new ArrayList<>();
        if (m.group(3) != null) {
          for (String declaration : m.group(3).strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            (declaration.startsWith("import ") ? imports : members).add(declaration);
          }
        }
        samples.add(new Sample(page, line, !"compile-only".equals(m.group(1)), m.group(2) != null, imports, members,
            m.group(4)));
      }
    }
    return samples;
  }

  @Test
  void there_are_samples_to_check_and_at_least_eight_run() throws IOException {
    List<Sample> all = samples();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    // a floor, so that samples do not drift to compile-only one by one (8 of 19 when this was written)
    assertThat(all.stream().filter(Sample::runs).count()).as("samples that run").isGreaterThanOrEqualTo(8);
    assertThat(all).anyMatch(s -> s.page().getFileName().toString().equals("README.md") && s.runs());
  }

  @TestFactory
  Stream<DynamicTest> every_java_sample_compiles_and_those_that_can_run_do() throws IOException {
    return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.name() + (sample.runs() ? " runs" : " compiles"),
        () -> check(sample)));
  }

  private void check(Sample sample) throws Exception {
    Path out = Files.createDirectories(classes.resolve(sample.className()));
    Path source = Files.createDirectories(out.resolve("src").resolve("docsamples")).resolve(sample.className() + ".java");
    Files.writeString(source, sample.source(), StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      compiled = javac.getTask(null, files, diagnostics, List.of("-classpath", System.getProperty("java.class.path"), "-d",
          out.toString(), "-proc:none", "--release", "17"), null, files.getJavaFileObjects(source)).call();
    }
    List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "line " + (d.getLineNumber() - headerLines(sample)) + " of the block: " + d.getMessage(Locale.ROOT)).toList();
    assertThat(errors).as("%s does not compile (see DocSamplesTest's javadoc for the sample comment)", sample.name()).isEmpty();
    assertThat(compiled).isTrue();
    if (sample.runs()) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
        Class<?> type = loader.loadClass("docsamples." + sample.className());
        Object instance = type.getDeclaredConstructor().newInstance();
        Method run = type.getMethod("run");
        run.invoke(instance);
      }
    }
  }

  /** The lines of the generated source before the block's first line. */
  private static long headerLines(Sample sample) {
    String source = sample.source();
    return source.substring(0, source.indexOf(sample.code())).chars().filter(c -> c == '\n').count();
  }
}
