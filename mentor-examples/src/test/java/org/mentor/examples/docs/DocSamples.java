package org.mentor.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mentor.core.json.CaseEvent;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.registry.CaseRegistry;

/**
 * What the documentation's samples are given to run with (see {@link DocSamplesTest}): public so the
 * compiled samples can call it. All synthetic.
 */
public final class DocSamples {
  private DocSamples() {}

  /** The CLI's sample clinic (six cases, {@code mentor-examples/samples/clinic.ndjson}) in a registry. */
  public static CaseRegistry clinic() {
    CaseRegistry registry = CaseRegistry.builder().build();
    try {
      for (String line : Files.readAllLines(Path.of("samples", "clinic.ndjson"), StandardCharsets.UTF_8)) {
        CaseEvent e = EventJson.standard().readCaseEvent(line);
        if (e.event() instanceof Enrolled enrolled && !registry.caseIds().contains(e.caseId())) {
          registry.enrol(e.caseId(), enrolled);
        } else {
          registry.record(e.caseId(), e.event());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return registry;
  }

  /** A new empty folder. */
  public static Path folder() {
    try {
      return Files.createTempDirectory("mentor-doc-sample");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
