package org.mentor.examples.cli;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.bulk.BulkNdjson;
import org.mentor.fhir.mapping.FhirMapping;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.FilePushJournal;
import org.mentor.fhir.push.PushMode;
import org.mentor.fhir.push.PushReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentor fhir export|push}: every case as FHIR R4 Bulk Data NDJSON, or pushed to a server.
 * {@code pull} belongs here too, from the work on issue 10 (its library, {@code org.mentor.fhir.pull},
 * is in mentor-fhir): a {@code Pull} subcommand taking {@link ServerOptions} and the case options, as
 * {@link Push} does, recording into a database ({@code --db}) and keeping its cursor in a file.
 */
@Command(name = "fhir", mixinStandardHelpOptions = true,
    description = {"FHIR R4: export the cases as Bulk Data NDJSON, or push them to a server (docs/fhir-mapping.md, "
        + "docs/fhir-sync.md)."},
    subcommands = {FhirCommand.Export.class, FhirCommand.Push.class})
final class FhirCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: export or push");
  }

  /** {@code mentor fhir export}. */
  @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Maps every case, as of a date, to FHIR R4 resources (each labelled R and HIV) and writes one "
          + "NDJSON file per resource type (Observation.ndjson, ...) into a folder, as a Bulk Data $export lists them. "
          + "References are Type/id with Mentor's deterministic ids, so the files load into a server as they are.",
          "The files appear whole or not at all: each is written beside its final name and moved there at the end."})
  static final class Export implements Callable<Integer> {
    @Mixin
    EventsOptions cases;

    @Option(names = "--ndjson", required = true, paramLabel = "DIR", description = "The folder to write into (created if needed).")
    Path directory;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The mapping date: milestone states and statuses (default: today).")
    LocalDate asOf;

    @Option(names = "--base", paramLabel = "URI", defaultValue = "https://fhir.example.org/mentor",
        description = "The programme's base URI for Mentor's identifier systems and extensions, a domain it owns "
            + "(default: ${DEFAULT-VALUE}).")
    String base;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (EventsOptions.Cases opened = cases.open()) {
        return export(opened.registry());
      }
    }

    private int export(CaseRegistry registry) {
      LocalDate on = asOf == null ? cases.today() : asOf;
      FhirMapping mapping;
      try {
        mapping = FhirMapping.builder(FhirContext.forR4Cached(), base).zone(cases.zone()).build();
      } catch (IllegalArgumentException e) {
        throw new BadUsage("--base: " + e.getMessage());
      }
      List<CaseFile> files = new ArrayList<>();
      for (CaseId id : registry.caseIds().stream().sorted().toList()) {
        files.add(registry.file(id));
      }
      Map<String, Integer> counts = write(registry, mapping, files, on);
      var out = spec.commandLine().getOut();
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      out.printf("Exported %d cases as of %s: %d resources in %d files in %s%n", files.size(), on, total, counts.size(), directory);
      out.println();
      Table table = new Table("TYPE", "RESOURCES", "FILE");
      counts.forEach((type, n) -> table.row(type, Integer.toString(n), type + ".ndjson"));
      table.print(out);
      out.flush();
      return MentorCli.OK;
    }

    private Map<String, Integer> write(CaseRegistry registry, FhirMapping mapping, List<CaseFile> files, LocalDate on) {
      Map<String, Path> parts = new LinkedHashMap<>();
      Map<String, Writer> writers = new LinkedHashMap<>();
      boolean done = false;
      try {
        Files.createDirectories(directory);
        Map<String, Integer> counts = new BulkNdjson(mapping).export(files, file -> protocolOf(registry, file), on, type -> {
          try {
            Path part = directory.resolve(type + ".ndjson.part");
            parts.put(type, part);
            Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
            writers.put(type, w);
            return w;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        for (Writer w : writers.values()) {
          w.close();
        }
        for (Map.Entry<String, Path> part : parts.entrySet()) {
          Files.move(part.getValue(), directory.resolve(part.getKey() + ".ndjson"), StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        return counts;
      } catch (IOException | UncheckedIOException e) {
        throw new Finding(directory + ": cannot be written: " + e.getMessage(), e);
      } finally {
        if (!done) {
          for (Writer w : writers.values()) {
            try {
              w.close();
            } catch (IOException ignored) {
              // being cleaned up
            }
          }
          for (Path part : parts.values()) {
            try {
              Files.deleteIfExists(part);
            } catch (IOException ignored) {
              // a partial file is left, under a name no reader takes for an export
            }
          }
        }
      }
    }

    private static Protocol protocolOf(CaseRegistry registry, CaseFile file) {
      return registry.protocol(file.facts().protocol().orElseThrow()).orElseThrow();
    }
  }

  /** {@code mentor fhir push}. */
  @Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Pushes every case, as of today, to a FHIR R4 server: one transaction bundle per case, each write "
          + "idempotent (a conditional update on business identifiers, or a PUT with deterministic ids), so pushing again "
          + "never duplicates and resumes after any failure (docs/fhir-sync.md).",
          "With --journal, the cases the server confirmed are remembered, and a later push sends only what changed.",
          "Exits with 1 if a case could not be pushed (one line per case on standard output, a summary on standard "
              + "error)."})
  static final class Push implements Callable<Integer> {
    @Mixin
    EventsOptions cases;

    @Mixin
    ServerOptions server;

    @Option(names = "--journal", paramLabel = "FILE",
        description = "A push journal (created if needed): what this server confirmed, so unchanged cases are not sent again.")
    Path journal;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "conditional", converter = Mode.Converter.class,
        description = "conditional (PUT Type?identifier=..., any server; the default) or deterministic-id (PUT Type/id, "
            + "for concurrent writers; the server must accept client ids). Never change it for a server that holds data.")
    Mode mode;

    @Option(names = "--base", paramLabel = "URI", defaultValue = "https://fhir.example.org/mentor",
        description = "The programme's base URI for Mentor's identifier systems (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2", description = "Cases in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Mixin
    ProgressBars.Options progress;

    @Spec
    CommandSpec spec;

    enum Mode {
      conditional(PushMode.CONDITIONAL_UPDATE), deterministic_id(PushMode.DETERMINISTIC_ID);

      final PushMode push;

      Mode(PushMode push) {
        this.push = push;
      }

      /** Reads conditional or deterministic-id. */
      static final class Converter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
          for (Mode m : values()) {
            if (m.name().replace('_', '-').equals(value)) {
              return m;
            }
          }
          throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not conditional or deterministic-id");
        }
      }
    }

    @Override
    public Integer call() {
      String url = server.url();
      Optional<String> token = server.bearerToken();
      if (concurrency < 1 || concurrency > 64) {
        throw new BadUsage("--concurrency: " + concurrency + " is not between 1 and 64");
      }
      if (journal != null && journal.toAbsolutePath().getParent() != null && !Files.isDirectory(journal.toAbsolutePath().getParent())) {
        throw new BadUsage("--journal: no such folder: " + journal.toAbsolutePath().getParent());
      }
      FhirMapping mapping;
      try {
        mapping = FhirMapping.builder(FhirContext.forR4Cached(), base).zone(cases.zone()).build();
      } catch (IllegalArgumentException e) {
        throw new BadUsage("--base: " + e.getMessage());
      }
      try (EventsOptions.Cases opened = cases.open();
          FilePushJournal file = journal == null ? null : openJournal(journal)) {
        CaseRegistry registry = opened.registry();
        FhirPush.Builder builder = FhirPush.builder(registry, mapping, url).mode(mode.push).concurrency(concurrency);
        token.ifPresent(builder::bearerToken);
        if (file != null) {
          builder.journal(file);
        }
        PushReport report;
        try (ProgressBars.Bar bar = progress.on(spec.commandLine().getErr()).open("Pushing", registry.size(), "cases");
            FhirPush push = builder.listener((done, all) -> bar.stepTo(done)).build()) {
          report = push.push();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Pushed to %s as of %s: %d of %d cases sent (%,d resources), %d unchanged, %d failed, "
            + "%d held back by a conflict with another system's change, %d retries, in %.1f s%n", url, registry.today(),
            report.pushed(), report.considered(), report.resources(), report.unchanged(), report.failures().size(),
            report.conflicts().size(), report.retries(), report.duration().toMillis() / 1000.0);
        report.sharedFailures().forEach(f -> out.println("  " + f));
        report.failures().forEach(f -> out.println("  " + f));
        report.conflicts().forEach(c -> out.println("  " + c));
        out.flush();
        if (report.unauthorized()) {
          throw new Finding("the server refused the credentials (HTTP 401/403); nothing was written");
        }
        if (!report.complete()) {
          throw new Finding((report.failures().size() + report.conflicts().size()) + " of " + report.considered()
              + " cases not pushed (listed above); push again to resume");
        }
        return MentorCli.OK;
      }
    }

    private static FilePushJournal openJournal(Path path) {
      try {
        return FilePushJournal.open(path);
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new Finding("--journal: " + path.getFileName() + " is not a push journal: " + e.getMessage(), e);
      }
    }
  }
}
