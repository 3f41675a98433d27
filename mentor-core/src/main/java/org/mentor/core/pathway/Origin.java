package org.mentor.core.pathway;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where an event came from when it copies a record that another system keeps and owns: a lab result read from the
 * national FHIR server is that server's Observation, not Mentor's. The origin names the system, the record's
 * identity there and the version read, so that Mentor never sends the fact back as a record of its own and can tell a
 * later version of the same record from a new fact.
 *
 * <p>Immutable and thread-safe.
 *
 * @param system the system that holds the original record, such as a FHIR server's base URL, not null or blank
 * @param identifier the record's identity in that system, such as {@code Observation/9001}, not null or blank
 * @param version the version of the record that was read, such as {@code 3}, when the system versions its records
 */
@API(status = STABLE, since = "0.1")
public record Origin(String system, String identifier, Optional<String> version) {
  public Origin {
    requireNonNull(system, "system");
    requireNonNull(identifier, "identifier");
    requireNonNull(version, "version");
    checkArgument(!system.isBlank() && !identifier.isBlank(), "system and identifier are not blank");
    checkArgument(version.map(v -> !v.isBlank()).orElse(true), "a version is not blank");
  }

  /** An origin with a version. */
  public static Origin of(String system, String identifier, String version) {
    return new Origin(system, identifier, Optional.of(requireNonNull(version, "version")));
  }
}
