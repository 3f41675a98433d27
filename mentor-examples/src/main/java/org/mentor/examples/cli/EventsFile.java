package org.mentor.examples.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import org.mentor.core.CaseId;
import org.mentor.core.MentorException;
import org.mentor.core.json.CaseEvent;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;

/**
 * A newline-delimited file of case events in the public JSON form, one {@code {"caseId":…,"event":…}}
 * envelope per line ({@link EventJson#readCaseEvent}), in the order they were recorded: the CLI's
 * storage. Loading records every line into an in-memory {@link CaseRegistry} — an enrolment enrols
 * its case, every other event is recorded on its case — so every line passes the same rules an EMR's
 * events pass, and the first refusal stops the load, naming the file, line, field and rule.
 */
final class EventsFile {
  private final Path path;

  EventsFile(Path path) {
    this.path = requireNonNull(path, "path");
  }

  Path path() {
    return path;
  }

  /**
   * Loads the file into a new registry.
   *
   * @param zone the programme's time zone, in which "today" is read
   * @return the registry
   * @throws BadUsage if the file does not exist
   * @throws Finding if a line is not a valid event or a rule refuses it
   */
  CaseRegistry load(ZoneId zone) {
    CaseRegistry registry = CaseRegistry.builder().clock(Clock.system(zone)).build();
    loadInto(registry, line -> {});
    return registry;
  }

  /**
   * Records every line of the file into a registry, in order.
   *
   * @param registry the registry, not null
   * @param progress told the line number after each line
   * @return how many events changed a case (a line repeating a recorded event changes nothing)
   * @throws BadUsage if the file does not exist
   * @throws Finding if a line is not a valid event or a rule refuses it; the lines before it stay recorded
   */
  int loadInto(CaseRegistry registry, java.util.function.IntConsumer progress) {
    mustExist();
    int changed = 0;
    try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte-order mark some editors write
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          CaseEvent caseEvent = EventJson.standard().readCaseEvent(line);
          if (record(registry, caseEvent.caseId(), caseEvent.event())) {
            changed++;
          }
          progress.accept(number);
        } catch (MentorException e) {
          throw new Finding(path.getFileName() + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new Finding(path.getFileName() + ": cannot be read: " + e.getMessage(), e);
    }
    return changed;
  }

  /**
   * Records an event: an enrolment of a case not yet enrolled enrols it, anything else is recorded
   * on its case.
   *
   * @return whether the case changed (false for a repeat of an event already recorded)
   * @throws MentorException if a rule refuses the event; nothing changes
   */
  static boolean record(CaseRegistry registry, CaseId caseId, PathwayEvent event) {
    if (event instanceof Enrolled enrolled && !registry.caseIds().contains(caseId)) {
      registry.enrol(caseId, enrolled);
      return true;
    }
    long before = registry.caseIds().contains(caseId) ? registry.file(caseId).version() : -1;
    return registry.record(caseId, event) != before;
  }

  /**
   * Appends one event to the file, whole or not at all: the new content is written to a temporary
   * file next to it and moved over it.
   *
   * @throws Finding if the file cannot be written
   */
  void append(CaseEvent caseEvent) {
    mustExist();
    Path temporary = null;
    try {
      byte[] old = Files.readAllBytes(path);
      boolean endsWithNewline = old.length == 0 || old[old.length - 1] == '\n';
      String line = (endsWithNewline ? "" : "\n") + EventJson.standard().writeCaseEvent(caseEvent) + "\n";
      Path directory = path.toAbsolutePath().getParent();
      temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
      Files.write(temporary, old);
      Files.writeString(temporary, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      try {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new Finding(path.getFileName() + ": cannot be written: " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the temporary file is left behind; the events file is unchanged
        }
      }
    }
  }

  private void mustExist() {
    if (!Files.isRegularFile(path)) {
      throw new BadUsage("--events: no such file: " + path);
    }
  }
}
