package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;

/**
 * Shared resources (a mentor's Practitioner and PractitionerRole, referenced by many cases) the push could not write.
 * The cases that reference them were not sent: each is in {@link PushReport#failures()}, and the next push tries again.
 *
 * @param resources the resources, as {@code Type/id} with the mapping's deterministic ids
 * @param kind why
 * @param httpStatus the server's HTTP status, or 0 when there was no answer
 * @param attempts the requests made for them in this push
 * @param detail the server's OperationOutcome, redacted unless redaction is off, or the I/O failure's kind
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SharedFailure(ImmutableList<String> resources, CaseFailure.Kind kind, int httpStatus, int attempts, String detail) {
  public SharedFailure {
    resources = ImmutableList.copyOf(requireNonNull(resources, "resources"));
    requireNonNull(kind, "kind");
    requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return "shared resources " + resources + " not written (" + kind + (httpStatus == 0 ? "" : ", HTTP " + httpStatus) + ", "
        + attempts + " attempt(s)): " + detail;
  }
}
