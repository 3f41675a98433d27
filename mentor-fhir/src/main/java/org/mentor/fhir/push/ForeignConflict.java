package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * A version conflict on a resource another system owns too (a Patient, when Mentor is configured to write Patients;
 * MAPPING.md §7 calls these "shared"): someone else changed it, and Mentor does not overwrite what it does not own.
 * The case was not written; the caller decides (read the server's copy, merge, push again).
 *
 * <p>Not the resources many cases share (a mentor's Practitioner and PractitionerRole): those are Mentor's own, and a
 * conflict on them is retried.
 *
 * @param caseId the case
 * @param httpStatus 409 or 412
 * @param detail the server's OperationOutcome, redacted unless redaction is off
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ForeignConflict(CaseId caseId, int httpStatus, String detail) {
  public ForeignConflict {
    requireNonNull(caseId, "caseId");
    requireNonNull(detail, "detail");
  }
}
