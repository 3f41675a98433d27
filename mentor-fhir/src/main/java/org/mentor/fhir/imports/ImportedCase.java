package org.mentor.fhir.imports;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.PathwayEvent;

/**
 * A case after an import: its file and the events the import added, in the order recorded.
 *
 * @param file the case file
 * @param newEvents the events added (empty when everything was already there)
 */
public record ImportedCase(CaseFile file, ImmutableList<PathwayEvent> newEvents) {
  public ImportedCase {
    requireNonNull(file, "file");
    newEvents = ImmutableList.copyOf(requireNonNull(newEvents, "newEvents"));
  }
}
