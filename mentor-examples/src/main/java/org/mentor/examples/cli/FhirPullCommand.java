package org.mentor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.pull.FhirPull;
import org.mentor.fhir.pull.PullCursor;
import org.mentor.fhir.pull.PullReport;
import org.mentor.fhir.pull.PulledFact;
import org.mentor.fhir.push.RetryPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentor fhir pull}: what other systems recorded on a FHIR server (a lab's viral load, another
 * clinic's transfer, another Mentor installation's correction) comes into the cases of a database,
 * through mentor-fhir's {@link FhirPull} (docs/fhir-sync.md, "Pull"). The pull's cursor is kept in a
 * file between runs, so each pull reads only what changed since the last. Prints counts only: no
 * name, identifier or result, unless {@code --list} asks for the refused resources and conflicts by
 * their server ids and case ids.
 */
@Command(name = "pull", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Pulls what other systems recorded on a FHIR R4 server into the cases of a database: a lab's "
        + "viral load, a transfer another clinic logged, a correction another Mentor installation pushed. Each "
        + "resource is recorded through the validated import (every rule applies; a refused resource changes "
        + "nothing); Mentor's own resources coming back unchanged change nothing (docs/fhir-sync.md).",
        "The cursor is kept in a file, so the next pull reads only what changed since this one; a pull that could "
            + "not read everything keeps its start, and the next one reads it again.",
        "Prints counts only. Exits with 1 if a resource was refused, a fact changed on both sides (a conflict), a "
            + "search kept failing or the server did not answer."})
final class FhirPullCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--db", required = true, paramLabel = "PATH",
      description = "The cases to pull into: an H2 database file, PATH.mv.db (made by mentor demo or mentor case "
          + "import); what the pull records is stored in it.")
  Path db;

  @Mixin
  ServerOptions server;

  @Option(names = "--cursor", paramLabel = "FILE",
      description = "Where the cursor is kept between pulls (default: beside the database, PATH.pull-cursor.json). "
          + "It belongs to one server.")
  Path cursor;

  @Mixin
  MappingOptions identities;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The programme's time zone, in which 'today' and "
      + "the server's dates are read (default: the system's), such as Africa/Nairobi.")
  ZoneId zone;

  @Option(names = "--list", description = "Also list each refused resource and conflict as the library words it: "
      + "server resource id, element, rule and case id (never a value).")
  boolean list;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String url = server.url();
    ZoneId programmeZone = zone == null ? ZoneId.systemDefault() : zone;
    FhirMapping mapping = identities.mapping(programmeZone);
    RetryPolicy retry = server.retry();
    CaseDatabase database = CaseDatabase.of(db);
    CursorFile cursorFile = new CursorFile(cursor == null ? database.beside(".pull-cursor.json") : cursor, url);
    try (EventsOptions.Cases opened = database.open(Clock.system(programmeZone), false);
        FhirHttp http = server.http(2)) {
      PullCursor start = cursorFile.read();
      answers(http, url);
      PullReport report;
      try (FhirPull pull = FhirPull.builder(opened.registry(), mapping, http).retry(retry).build()) {
        report = pull.pull(start);
      }
      cursorFile.write(report.cursor());
      print(report, url, database, cursorFile.path);
      return exit(report);
    }
  }

  /** A server that does not answer at all stops here, at once, rather than after every search's retries. */
  private static void answers(FhirHttp http, String url) {
    try {
      http.get("metadata");
    } catch (IOException e) {
      throw new Finding("no answer from " + url + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); nothing pulled, the cursor unchanged", e);
    }
  }

  private void print(PullReport report, String url, CaseDatabase database, Path cursorPath) {
    PrintWriter out = spec.commandLine().getOut();
    long cases = report.imported().stream().map(PulledFact::caseId).distinct().count();
    out.printf("Pulled from %s into %s: %d %s recorded (%d %s on %d %s), %d refused, %d %s%n", url, database.name(),
        report.imported().size(), plural(report.imported().size(), "resource"), report.events(),
        plural(report.events(), "event"), cases, plural((int) cases, "case"), report.refusals().size(),
        report.conflicts().size(), plural(report.conflicts().size(), "conflict"));
    out.printf("Read %d resource %s in %d pages: %d unchanged, %d read before, %d of other cases; "
        + "%d searches restarted, %d failed; in %.1f s%n", report.considered(), plural(report.considered(), "version"),
        report.pages(), report.unchanged(),
        report.duplicates(), report.otherCases(), report.restartedSearches(), report.failures().size(),
        report.took().toMillis() / 1000.0);
    if (!report.refusals().isEmpty()) {
      out.println("  refused, by rule: " + counts(report.refusals(), r -> r.ruleId()));
    }
    if (!report.conflicts().isEmpty()) {
      out.println("  conflicts, by kind: " + counts(report.conflicts(), c -> c.kind().name()));
    }
    if (list) {
      report.refusals().forEach(r -> out.println("  " + r));
      report.conflicts().forEach(c -> out.println("  " + c));
    }
    report.failures().forEach(f -> out.println("  " + f));
    out.printf("Cursor in %s (next pull from %s)%n", cursorPath,
        report.cursor().since().map(since -> "server time " + since).orElse("the start"));
    out.flush();
  }

  private int exit(PullReport report) {
    if (report.unauthorized()) {
      throw new Finding("the server refused the credentials (HTTP 401/403); the pull stopped, and the next one "
          + "starts where this one did");
    }
    if (!report.complete()) {
      throw new Finding(report.failures().size() + " of the pull's searches failed (listed above); the next pull "
          + "reads again what they could not");
    }
    if (!report.refusals().isEmpty() || !report.conflicts().isEmpty()) {
      throw new Finding(report.refusals().size() + " " + plural(report.refusals().size(), "resource") + " refused and "
          + report.conflicts().size() + " " + plural(report.conflicts().size(), "conflict") + " (counted above"
          + (list ? "" : "; --list names them") + "); everything else was recorded");
    }
    return MentorCli.OK;
  }

  private static <T> String counts(java.util.List<T> items, Function<T, String> key) {
    Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String plural(int n, String noun) {
    return n == 1 ? noun : noun + "s";
  }

  /**
   * The cursor between pulls: {@code {"server":URL,"cursor":{...}}}, the cursor as
   * {@link PullCursor#toJson()} writes it. The server's URL guards against reading another server's
   * cursor, whose start would skip what this server changed before it. Written beside its final name
   * and moved over it: whole or unchanged.
   */
  static final class CursorFile {
    private final Path path;
    private final String server;

    CursorFile(Path path, String server) {
      this.path = path.toAbsolutePath().normalize();
      this.server = server;
      if (!Files.isDirectory(this.path.getParent())) {
        throw new BadUsage("--cursor: no such folder: " + this.path.getParent());
      }
    }

    /** The cursor kept, or the start when there is none yet. */
    PullCursor read() {
      if (!Files.exists(path)) {
        return PullCursor.start();
      }
      try {
        JsonNode root = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
        if (root == null || !root.path("server").isTextual() || !root.path("cursor").isObject()) {
          throw new IllegalArgumentException("not a pull cursor file");
        }
        if (!root.get("server").asText().equals(server)) {
          throw new Finding(path.getFileName() + " is the cursor of another server (" + root.get("server").asText()
              + "); give this one its own --cursor");
        }
        return PullCursor.fromJson(root.get("cursor").toString());
      } catch (IOException | IllegalArgumentException e) {
        throw new Finding(path.getFileName() + " is not a pull cursor (" + e.getClass().getSimpleName() + ")", e);
      }
    }

    void write(PullCursor cursor) {
      ObjectNode root = JSON.createObjectNode();
      root.put("server", server);
      Path part = path.resolveSibling(path.getFileName() + ".part");
      try {
        root.set("cursor", JSON.readTree(cursor.toJson()));
        Files.writeString(part, root.toString() + "\n", StandardCharsets.UTF_8);
        Files.move(part, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new Finding(path + ": the cursor cannot be written (" + e.getMessage() + "); what was pulled is "
            + "recorded, and the next pull reads it again (versions read before change nothing)", e);
      }
    }
  }
}
