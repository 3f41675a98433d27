package org.mentor.fhir.imports;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.PathwayEvent;

/**
 * A case after an import: its file and the events the import added, in the order recorded.
 *
 * @param file the case file
 * @param newEvents the events added (empty when everything was already there)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ImportedCase(CaseFile file, ImmutableList<PathwayEvent> newEvents) {
  public ImportedCase {
    requireNonNull(file, "file");
    newEvents = ImmutableList.copyOf(requireNonNull(newEvents, "newEvents"));
  }
}
