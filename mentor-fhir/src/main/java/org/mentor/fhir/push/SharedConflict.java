package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;

import org.mentor.core.CaseId;

/**
 * A version conflict on a resource Mentor shares with another system (a Patient, when Mentor is configured to write
 * Patients): someone else changed it, and Mentor does not overwrite what it does not own. The case was not written;
 * the caller decides (read the server's copy, merge, push again).
 *
 * @param caseId the case
 * @param httpStatus 409 or 412
 * @param detail the server's OperationOutcome, redacted unless redaction is off
 */
public record SharedConflict(CaseId caseId, int httpStatus, String detail) {
  public SharedConflict {
    requireNonNull(caseId, "caseId");
    requireNonNull(detail, "detail");
  }
}
