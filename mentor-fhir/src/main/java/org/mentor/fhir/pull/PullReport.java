package org.mentor.fhir.pull;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a pull did. Store {@link #cursor()} for the next pull whether or not it completed: an incomplete pull (a search
 * failed) keeps the previous start, so the next one reads again what this one could not.
 *
 * @param considered resource versions read and looked at (matches, not the Patients and Provenance that came along)
 * @param imported the resources recorded on cases
 * @param unchanged versions that brought nothing new (Mentor's own pushes coming back, versions read before)
 * @param duplicates versions skipped because this pull or an earlier one already read them (overlap window, restarts)
 * @param otherCases resources of patients or cases the pull was not asked about (skipped)
 * @param refusals resources refused (each named, with element and rule)
 * @param conflicts facts changed on both sides, or changed on the server where Mentor owns them
 * @param failures searches that failed after their retries (redacted); empty when the pull completed
 * @param unauthorized whether the server refused the credentials (then the pull stopped)
 * @param pages result pages read
 * @param restartedSearches searches started again because the server had expired their paging links
 * @param cursor where the next pull starts
 * @param took how long it took
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PullReport(
    int considered,
    ImmutableList<PulledFact> imported,
    int unchanged,
    int duplicates,
    int otherCases,
    ImmutableList<PullRefusal> refusals,
    ImmutableList<PullConflict> conflicts,
    ImmutableList<String> failures,
    boolean unauthorized,
    int pages,
    int restartedSearches,
    PullCursor cursor,
    Duration took) {
  public PullReport {
    imported = ImmutableList.copyOf(imported);
    refusals = ImmutableList.copyOf(refusals);
    conflicts = ImmutableList.copyOf(conflicts);
    failures = ImmutableList.copyOf(failures);
    requireNonNull(cursor, "cursor");
    requireNonNull(took, "took");
  }

  /** Whether every search ran to its last page (refusals and conflicts do not make a pull incomplete). */
  public boolean complete() {
    return failures.isEmpty() && !unauthorized;
  }

  /** The number of events recorded. */
  public int events() {
    return imported.stream().mapToInt(f -> f.events().size()).sum();
  }
}
