package org.mentor.core.indicators;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.threeten.extra.LocalDateRange;

/**
 * A reporting period: a closed interval of clinic dates, both ends included (indicators.md K1).
 * An event belongs to the period that contains its clinical date (K2).
 *
 * <pre>{@code
 * ReportingPeriod q1 = ReportingPeriod.fiscalQuarter(2026, 1);   // 2025-10-01 to 2025-12-31
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first day, not null
 * @param end the last day, on or after {@code start}, not null
 * @param label how reports name the period, such as {@code FY2026 Q1}, not null or blank
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReportingPeriod(LocalDate start, LocalDate end, String label) {
  public ReportingPeriod {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(label, "label");
    checkArgument(!end.isBefore(start), "a period's end is on or after its start");
    checkArgument(!label.isBlank(), "a period's label is not blank");
  }

  /**
   * A period from one date to another, both included, labelled {@code start/end}.
   *
   * @param start the first day, not null
   * @param end the last day, on or after {@code start}, not null
   * @return the period
   */
  public static ReportingPeriod of(LocalDate start, LocalDate end) {
    return new ReportingPeriod(start, end, start + "/" + end);
  }

  /**
   * A PEPFAR fiscal quarter (K1): fiscal year N runs from 1 October of N − 1 to 30 September of
   * N, so Q1 is October to December of N − 1.
   *
   * @param fiscalYear the fiscal year, such as 2026
   * @param quarter 1 to 4
   * @return the period, labelled {@code FY2026 Q1}
   */
  public static ReportingPeriod fiscalQuarter(int fiscalYear, int quarter) {
    checkArgument(quarter >= 1 && quarter <= 4, "a fiscal quarter is 1 to 4");
    LocalDate start = LocalDate.of(fiscalYear - 1, 10, 1).plusMonths(3L * (quarter - 1));
    return new ReportingPeriod(start, start.plusMonths(3).minusDays(1), "FY" + fiscalYear + " Q" + quarter);
  }

  /**
   * A PEPFAR fiscal year (K1): 1 October of the year before to 30 September.
   *
   * @param fiscalYear the fiscal year, such as 2026
   * @return the period, labelled {@code FY2026}
   */
  public static ReportingPeriod fiscalYear(int fiscalYear) {
    return new ReportingPeriod(LocalDate.of(fiscalYear - 1, 10, 1), LocalDate.of(fiscalYear, 9, 30), "FY" + fiscalYear);
  }

  /** The period as a threeten-extra range (half-open inside, so its end is the day after {@link #end()}). */
  public LocalDateRange range() {
    return LocalDateRange.ofClosed(start, end);
  }

  /**
   * Whether a date falls in the period.
   *
   * @param date the date, not null
   * @return true if {@code start <= date <= end}
   */
  public boolean contains(LocalDate date) {
    requireNonNull(date, "date");
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /**
   * The same period moved back by whole calendar months (clamped to month ends): PMTCT_FO's birth
   * cohort is the reporting period moved back 24 months (K5).
   *
   * @param months how many months, zero or more
   * @return the moved period, labelled {@code start/end}
   */
  public ReportingPeriod minusMonths(int months) {
    checkArgument(months >= 0, "months are zero or more");
    return of(start.minusMonths(months), end.minusMonths(months));
  }

  @Override
  public String toString() {
    return label + " [" + start + ", " + end + "]";
  }
}
