package org.mentor.examples.cli;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
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
import java.util.concurrent.Callable;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.fhir.bulk.BulkNdjson;
import org.mentor.fhir.mapping.FhirMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mentor fhir export}: every case as FHIR R4 Bulk Data NDJSON. */
@Command(name = "fhir", mixinStandardHelpOptions = true,
    description = {"FHIR R4: export the cases as Bulk Data NDJSON (docs/fhir-mapping.md).",
        "(push and pull to a server: a follow-up, see docs/cli.md.)"},
    subcommands = {FhirCommand.Export.class})
final class FhirCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: export");
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
}
