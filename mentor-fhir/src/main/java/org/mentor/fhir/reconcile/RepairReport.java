package org.mentor.fhir.reconcile;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;
import org.mentor.fhir.push.PushReport;

/**
 * What a repair did and what a reconcile found afterwards.
 *
 * @param deleted the extra copies deleted, {@code Type/id/_history/version}
 * @param push the re-push of the cases with missing or differing resources
 * @param failures what could not be repaired (a delete the server refused, redacted)
 * @param after the reconcile run after the repair
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RepairReport(ImmutableList<String> deleted, PushReport push, ImmutableList<String> failures, ReconcileReport after) {
  public RepairReport {
    deleted = ImmutableList.copyOf(deleted);
    requireNonNull(push, "push");
    failures = ImmutableList.copyOf(failures);
    requireNonNull(after, "after");
  }
}
