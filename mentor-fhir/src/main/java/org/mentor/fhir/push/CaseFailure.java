package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * A case the push could not write; the other cases went on. The server holds what it held before for this case (a
 * transaction is all-or-nothing), or, if the answer was lost, possibly the new content: the journal keeps it
 * unconfirmed and the next push sends it again.
 *
 * @param caseId the case
 * @param kind why
 * @param httpStatus the server's HTTP status, or 0 when there was no answer (connection refused, cut, timed out)
 * @param attempts the requests made for the case in this push
 * @param detail the server's OperationOutcome, redacted unless redaction is off (see {@link Outcomes}), or the I/O
 *     failure's kind; never patient data when redacted
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CaseFailure(CaseId caseId, Kind kind, int httpStatus, int attempts, String detail) {
  /** Why a case failed. */
  public enum Kind {
    /** Still failing transiently after the last attempt (server down, 5xx, 429, timeouts): push again later. */
    TRANSIENT,
    /** The server refused the content (400, 404, 422...): fix the data or the configuration; retrying will not help. */
    REFUSED,
    /** The server refused the credentials (401, 403): nothing was written, and the push stopped. */
    UNAUTHORIZED,
    /** A version conflict on a resource Mentor owns persisted after the last attempt. */
    CONFLICT
  }

  public CaseFailure {
    requireNonNull(caseId, "caseId");
    requireNonNull(kind, "kind");
    requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return "case " + caseId.value() + " not pushed (" + kind + (httpStatus == 0 ? "" : ", HTTP " + httpStatus) + ", " + attempts
        + " attempt(s)): " + detail;
  }
}
