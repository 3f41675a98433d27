package org.mentor.fhir.mapping;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One row of the published mapping table ({@code docs/fhir-mapping.md} is generated from these
 * rows): a field or event kind, where it goes in FHIR, with which codes, in which direction.
 *
 * <p>Immutable and thread-safe.
 *
 * @param concept the event kind (as named in the core) or the derived concept
 * @param field the event field, or {@code —} for the event as a whole
 * @param resource the resource type, {@code extension}, or {@code not exported}
 * @param element the element path
 * @param codes the codes written ({@code system|code}, Mentor's own systems by their name)
 * @param direction whether the row is written, read, or both
 * @param note why, or what to know
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MappingRow(String concept, String field, String resource, String element, String codes, Direction direction, String note) {
  public MappingRow {
    requireNonNull(concept, "concept");
    requireNonNull(field, "field");
    requireNonNull(resource, "resource");
    requireNonNull(element, "element");
    requireNonNull(codes, "codes");
    requireNonNull(direction, "direction");
    requireNonNull(note, "note");
  }

  /** Which way a row is mapped. */
  public enum Direction {
    /** Written on export only (derived from the evaluation, or not an event). */
    EXPORT,
    /** Read on import only. */
    IMPORT,
    /** Written and read back. */
    BOTH
  }
}
