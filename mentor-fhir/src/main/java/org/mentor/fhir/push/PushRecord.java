package org.mentor.fhir.push;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * What one push of a case sent: the case as of a version and a date, and the hash of the transaction that wrote it.
 * The version and date rebuild exactly what was sent (mapping is deterministic), so a journal needs nothing else.
 *
 * @param caseVersion the case's version (number of events accepted) mapped, at least 1
 * @param asOf the date the case was mapped as of
 * @param contentHash the SHA-256 of the transaction Bundle sent, lowercase hex
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PushRecord(long caseVersion, LocalDate asOf, String contentHash) {
  public PushRecord {
    checkArgument(caseVersion >= 1, "caseVersion must be at least 1");
    requireNonNull(asOf, "asOf");
    requireNonNull(contentHash, "contentHash");
    checkArgument(contentHash.matches("[0-9a-f]{64}"), "contentHash must be 64 lowercase hex digits");
  }
}
