package org.mentor.examples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.mentor.core.registry.CaseRegistry;
import picocli.CommandLine.Option;

/** The options of every command that reads cases: the events file and the programme's time zone. */
final class EventsOptions {
  @Option(names = "--events", required = true, paramLabel = "FILE",
      description = "The cases: newline-delimited case events in the public JSON form ({\"caseId\":…,\"event\":{…}} per line).")
  Path events;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The programme's time zone, in which 'today' is read "
      + "(default: the system's), such as Africa/Nairobi.")
  ZoneId zone;

  EventsFile file() {
    return new EventsFile(events);
  }

  ZoneId zone() {
    return zone == null ? ZoneId.systemDefault() : zone;
  }

  /** Loads every case of the file (a finding at the first invalid line). */
  CaseRegistry load() {
    return file().load(zone());
  }

  /** Today in the programme's zone. */
  LocalDate today() {
    return LocalDate.now(zone());
  }
}
