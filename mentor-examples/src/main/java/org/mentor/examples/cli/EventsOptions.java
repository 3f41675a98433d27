package org.mentor.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.mentor.core.MentorException;
import org.mentor.core.json.CaseEvent;
import org.mentor.core.registry.CaseRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads cases: where they are — a newline-delimited events file
 * ({@code --events}) or an H2 database ({@code --db}, see {@link CaseDatabase}) — and the programme's
 * time zone.
 */
final class EventsOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The programme's time zone, in which 'today' is read "
      + "(default: the system's), such as Africa/Nairobi.")
  ZoneId zone;

  /** One of the two. */
  static final class Source {
    @Option(names = "--events", required = true, paramLabel = "FILE",
        description = "The cases: newline-delimited case events in the public JSON form ({\"caseId\":…,\"event\":{…}} per line).")
    Path events;

    @Option(names = "--db", required = true, paramLabel = "PATH",
        description = "The cases: an H2 database file, PATH.mv.db, kept by mentor-store-jdbc (made by mentor demo, "
            + "mentor case import or mentor case record --db).")
    Path db;
  }

  ZoneId zone() {
    return zone == null ? ZoneId.systemDefault() : zone;
  }

  /** Today in the programme's zone. */
  LocalDate today() {
    return LocalDate.now(zone());
  }

  /** The file or database name for messages. */
  String name() {
    return source.events != null ? source.events.getFileName().toString() : "the database " + CaseDatabase.of(source.db).name();
  }

  /**
   * Opens the cases: loads every line of the events file into an in-memory registry, or opens the
   * database.
   *
   * @param create whether a database that does not exist yet is created (an events file must exist)
   * @return the cases; close them
   * @throws BadUsage if the file or database does not exist (and is not to be created)
   * @throws Finding if a line is not a valid event or a rule refuses it
   */
  Cases open(boolean create) {
    Clock clock = Clock.system(zone());
    if (source.events != null) {
      EventsFile file = new EventsFile(source.events);
      CaseRegistry registry = file.load(zone());
      return new Cases(registry, file::append, () -> {});
    }
    CaseDatabase database = CaseDatabase.of(source.db);
    return database.open(clock, create);
  }

  /** Opens existing cases. */
  Cases open() {
    return open(false);
  }

  /**
   * Cases opened for a command: the registry, how a newly recorded event is kept, and what to close.
   *
   * @param registry the cases
   * @param keep keeps an event the registry accepted (appends it to the events file; nothing for a database,
   *     whose registry has stored it)
   * @param closer releases the database
   */
  record Cases(CaseRegistry registry, Keeper keep, Runnable closer) implements AutoCloseable {
    @Override
    public void close() {
      closer.run();
    }
  }

  /** Keeps a recorded event. */
  @FunctionalInterface
  interface Keeper {
    /**
     * Keeps an event.
     *
     * @throws Finding if it cannot be kept
     * @throws MentorException never, the registry having accepted it
     */
    void keep(CaseEvent event);
  }
}
