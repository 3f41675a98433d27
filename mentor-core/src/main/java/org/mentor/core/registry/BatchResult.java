package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableMap;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.MentorException;

/**
 * The outcome of {@link CaseRegistry#recordAll}: per case, its new version or why its events were
 * refused (each case all or nothing).
 *
 * @param versions the cases whose events were recorded, with their versions after
 * @param refusals the cases whose events were refused, with the exception (nothing recorded for them)
 */
@API(status = STABLE, since = "0.1")
public record BatchResult(ImmutableMap<CaseId, Long> versions, ImmutableMap<CaseId, MentorException> refusals) {
  public BatchResult {
    versions = ImmutableMap.copyOf(requireNonNull(versions, "versions"));
    refusals = ImmutableMap.copyOf(requireNonNull(refusals, "refusals"));
  }

  /** Whether every case's events were recorded. */
  public boolean allRecorded() {
    return refusals.isEmpty();
  }
}
