package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;

/**
 * What one push did.
 *
 * @param considered the cases looked at
 * @param pushed the cases written (the server confirmed their transaction)
 * @param unchanged the cases skipped because the server already holds their current content
 * @param resources the resources in the confirmed transactions
 * @param retries the requests repeated after a transient failure or a conflict
 * @param failures the cases not written, each with the reason
 * @param conflicts the cases held back by a version conflict on a shared resource
 * @param duration how long the push took
 */
public record PushReport(int considered, int pushed, int unchanged, long resources, int retries,
    ImmutableList<CaseFailure> failures, ImmutableList<SharedConflict> conflicts, Duration duration) {
  public PushReport {
    failures = ImmutableList.copyOf(requireNonNull(failures, "failures"));
    conflicts = ImmutableList.copyOf(requireNonNull(conflicts, "conflicts"));
    requireNonNull(duration, "duration");
  }

  /** Whether every case considered is on the server: nothing failed and nothing is held back. */
  public boolean complete() {
    return failures.isEmpty() && conflicts.isEmpty();
  }

  /** Whether the server refused the credentials (the push then stopped at once). */
  public boolean unauthorized() {
    return failures.stream().anyMatch(f -> f.kind() == CaseFailure.Kind.UNAUTHORIZED);
  }
}
