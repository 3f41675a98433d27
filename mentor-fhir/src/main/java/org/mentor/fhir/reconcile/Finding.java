package org.mentor.fhir.reconcile;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * One difference between the server and the library.
 *
 * @param kind what differs
 * @param caseId the case the resource belongs to; empty for resources cases share (a mentor's Practitioner)
 * @param identity the resource's business identity, {@code Type|system|value} ({@code Provenance|id} for Provenance)
 * @param serverResource the server's copy, {@code Type/id/_history/version}; empty when missing
 * @param expectedHash the hash of the content the library would write; empty for an extra resource
 * @param serverHash the hash of the server's Mentor-owned content; empty when missing
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Finding(Kind kind, Optional<CaseId> caseId, String identity, Optional<String> serverResource, Optional<String> expectedHash,
    Optional<String> serverHash) {
  /** What differs. */
  public enum Kind {
    /** The library would write it; the server has no resource with its identity. */
    MISSING,
    /** The server's copy holds other Mentor-owned content than the library would write. */
    DIFFERING,
    /** A second (third...) copy of one identity on the server: conditional updates of it fail until it is gone. */
    DUPLICATE,
    /** A resource under Mentor's identifiers the library would not write, and not withdrawn. */
    UNEXPECTED
  }

  public Finding {
    requireNonNull(kind, "kind");
    requireNonNull(caseId, "caseId");
    requireNonNull(identity, "identity");
    requireNonNull(serverResource, "serverResource");
    requireNonNull(expectedHash, "expectedHash");
    requireNonNull(serverHash, "serverHash");
  }

  /** Whether the finding is of a resource too many on the server (a duplicate or an unexpected one). */
  public boolean extra() {
    return kind == Kind.DUPLICATE || kind == Kind.UNEXPECTED;
  }

  @Override
  public String toString() {
    return kind + " " + serverResource.orElse(identity.substring(0, identity.indexOf('|'))) + caseId.map(c -> " (case " + c.value() + ")").orElse("");
  }
}
