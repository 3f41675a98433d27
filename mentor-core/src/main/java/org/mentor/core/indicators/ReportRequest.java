package org.mentor.core.indicators;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a report computes: a period, the date every case is evaluated as of (the data cut-off, K2),
 * and optionally the instant the data are taken as known at ({@code knownAsOf}, DESIGN.md §2):
 * events recorded after it are ignored, so a submitted report is reproduced exactly after late
 * entries arrive.
 *
 * <pre>{@code
 * ReportRequest submitted = ReportRequest.knownAt(ReportingPeriod.fiscalQuarter(2026, 1),
 *     LocalDate.of(2026, 1, 30), Instant.parse("2026-01-30T15:00:00Z"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the reporting period, not null
 * @param evaluatedOn the data cut-off: cases are evaluated as of this date, and nothing dated (or
 *     resulted) after it counts; on or after the period's start, not null
 * @param knownAsOf the instant events are filtered by (recorded at or before it), or empty for
 *     everything recorded, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReportRequest(ReportingPeriod period, LocalDate evaluatedOn, Optional<Instant> knownAsOf) {
  public ReportRequest {
    requireNonNull(period, "period");
    requireNonNull(evaluatedOn, "evaluatedOn");
    requireNonNull(knownAsOf, "knownAsOf");
    checkArgument(!evaluatedOn.isBefore(period.start()), "the data cut-off is on or after the period's start");
  }

  /**
   * A report on everything recorded so far.
   *
   * @param period the period, not null
   * @param evaluatedOn the data cut-off, not null
   * @return the request
   */
  public static ReportRequest current(ReportingPeriod period, LocalDate evaluatedOn) {
    return new ReportRequest(period, evaluatedOn, Optional.empty());
  }

  /**
   * A report as the data were known at an instant (the submission instant of a past report).
   *
   * @param period the period, not null
   * @param evaluatedOn the data cut-off, not null
   * @param knownAsOf the instant, not null
   * @return the request
   */
  public static ReportRequest knownAt(ReportingPeriod period, LocalDate evaluatedOn, Instant knownAsOf) {
    return new ReportRequest(period, evaluatedOn, Optional.of(requireNonNull(knownAsOf, "knownAsOf")));
  }
}
