package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What one push did.
 *
 * @param considered the cases looked at
 * @param pushed the cases written (the server confirmed their transaction)
 * @param unchanged the cases skipped because the server already holds their current content
 * @param resources the resources in the confirmed transactions, shared ones included
 * @param sharedResources of those, the shared resources (mentors' Practitioner and PractitionerRole), each written at
 *     most once per push and only when its content changed since the server last confirmed it
 * @param retries the requests repeated after a transient failure or a conflict
 * @param failures the cases not written, each with the reason
 * @param conflicts the cases held back by a version conflict on a resource Mentor shares with another system
 * @param sharedFailures the shared resources not written (the cases referencing them are in {@code failures})
 * @param duration how long the push took
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PushReport(int considered, int pushed, int unchanged, long resources, int sharedResources, int retries,
    ImmutableList<CaseFailure> failures, ImmutableList<ForeignConflict> conflicts, ImmutableList<SharedFailure> sharedFailures,
    Duration duration) {
  public PushReport {
    failures = ImmutableList.copyOf(requireNonNull(failures, "failures"));
    conflicts = ImmutableList.copyOf(requireNonNull(conflicts, "conflicts"));
    sharedFailures = ImmutableList.copyOf(requireNonNull(sharedFailures, "sharedFailures"));
    requireNonNull(duration, "duration");
  }

  /** Whether every case considered is on the server: nothing failed and nothing is held back. */
  public boolean complete() {
    return failures.isEmpty() && conflicts.isEmpty() && sharedFailures.isEmpty();
  }

  /** Whether the server refused the credentials (the push then stopped at once). */
  public boolean unauthorized() {
    return failures.stream().anyMatch(f -> f.kind() == CaseFailure.Kind.UNAUTHORIZED)
        || sharedFailures.stream().anyMatch(f -> f.kind() == CaseFailure.Kind.UNAUTHORIZED);
  }
}
