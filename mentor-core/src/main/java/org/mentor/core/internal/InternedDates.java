package org.mentor.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Not API. The schedule's date arithmetic, with results shared rather than allocated: {@code date + period}
 * exactly as {@link LocalDate#plus(java.time.temporal.TemporalAmount)} computes it (calendar months
 * first, clamped to the month's end, then days), returned as one shared instance per day, with one
 * shared {@code Optional} of it.
 *
 * <p>Why: a case's schedule dates some thirty windows, due, overdue and closing dates every time
 * it is computed from scratch (after each new event), and the same days recur across cases and
 * versions. Allocating each would add half again to the bytes of the first schedule after an event
 * (issue 4's budget is 2 KB for a 40-event case). {@code LocalDate} and {@code Optional} are
 * immutable value-based classes, so sharing instances is invisible to callers (nothing compares
 * them by identity). The arithmetic reads the day number of each month's first day from a table
 * made with {@code LocalDate} itself, so it is also cheaper than {@code LocalDate}'s own.
 *
 * <p>Events intern their dates here too ({@link #date}), so a registry of many cases holds one
 * instance per day rather than one per event field.
 *
 * <p>Dates from 1900 to 2199 are kept, in blocks of 1024 days made on first use (a few blocks
 * cover the years a programme schedules), twice: as the shared {@code Optional}s and as the same
 * date instances without them, for the callers that want the date; other dates are computed and allocated by
 * {@code LocalDate} as usual. Thread-safe: a block or an entry written by one thread and not yet
 * seen by another is only made again; the instances are immutable, with final fields.
 */
@API(status = INTERNAL, since = "0.1")
public final class InternedDates {
  private static final int FIRST_YEAR = 1900;
  private static final int MONTHS = 300 * 12;
  /** The day number of the first of each month from January 1900, and of the day after the last month. */
  private static final long[] MONTH_STARTS = new long[MONTHS + 1];
  private static final int BLOCK = 1024;
  private static final Optional<LocalDate>[][] BLOCKS;
  /** The same days' instances as {@link #BLOCKS} holds in its {@code Optional}s, without them. */
  private static final LocalDate[][] DAY_BLOCKS;

  static {
    for (int month = 0; month <= MONTHS; month++) {
      MONTH_STARTS[month] = LocalDate.of(FIRST_YEAR + month / 12, month % 12 + 1, 1).toEpochDay();
    }
    @SuppressWarnings("unchecked")
    Optional<LocalDate>[][] blocks = (Optional<LocalDate>[][]) new Optional<?>[(int) (days() / BLOCK) + 1][];
    BLOCKS = blocks;
    DAY_BLOCKS = new LocalDate[blocks.length][];
  }

  private InternedDates() {}

  /** {@code date + period}, as {@code date.plus(period)}. */
  public static LocalDate plus(LocalDate date, Period period) {
    return period.isZero() ? date : day(date, period.toTotalMonths(), period.getDays());
  }

  /** {@code Optional.of(date + period)}, shared. */
  public static Optional<LocalDate> plusAsOptional(LocalDate date, Period period) {
    return add(date, period.toTotalMonths(), period.getDays());
  }

  /** {@code date − period}, as {@code date.minus(period)}. */
  public static LocalDate minus(LocalDate date, Period period) {
    return period.isZero() ? date : day(date, -period.toTotalMonths(), -(long) period.getDays());
  }

  /** {@code date + days}, as {@code date.plusDays(days)}. */
  public static LocalDate plusDays(LocalDate date, long days) {
    return days == 0 ? date : day(date, 0, days);
  }

  /** The shared instance of a date (the date itself outside the table's years). */
  public static LocalDate date(LocalDate date) {
    return day(date, 0, 0);
  }

  /** The date as an {@code Optional}, shared; empty for null. */
  public static Optional<LocalDate> optional(@Nullable LocalDate date) {
    return date == null ? Optional.empty() : add(date, 0, 0);
  }

  /** How many days the table covers. */
  private static long days() {
    return MONTH_STARTS[MONTHS] - MONTH_STARTS[0];
  }

  /**
   * As {@link #add}, the date itself: from a second table of the same instances, so a caller that
   * wants the date does not go through its {@code Optional} (one object fewer to load, and these
   * lookups run thousands of times a simulated pair).
   */
  private static LocalDate day(LocalDate date, long months, long days) {
    long month = (date.getYear() - FIRST_YEAR) * 12L + date.getMonthValue() - 1 + months;
    if (month >= 0 && month < MONTHS) {
      long start = MONTH_STARTS[(int) month];
      long length = MONTH_STARTS[(int) month + 1] - start;
      long index = start + Math.min(date.getDayOfMonth(), length) - 1 + days - MONTH_STARTS[0];
      if (index >= 0 && index < days()) {
        LocalDate[] block = DAY_BLOCKS[(int) (index / BLOCK)];
        LocalDate day = block == null ? null : block[(int) (index % BLOCK)];
        if (day != null) {
          return day;
        }
        day = add(date, months, days).get();
        if (block == null) {
          block = new LocalDate[BLOCK];
          DAY_BLOCKS[(int) (index / BLOCK)] = block;
        }
        block[(int) (index % BLOCK)] = day;
        return day;
      }
    }
    return add(date, months, days).get();
  }

  /** As {@code LocalDate.plusMonths(months).plusDays(days)}: the same day of the month, or the month's last if shorter. */
  private static Optional<LocalDate> add(LocalDate date, long months, long days) {
    long month = (date.getYear() - FIRST_YEAR) * 12L + date.getMonthValue() - 1 + months;
    if (month < 0 || month >= MONTHS) {
      return Optional.of(date.plusMonths(months).plusDays(days));
    }
    long start = MONTH_STARTS[(int) month];
    long length = MONTH_STARTS[(int) month + 1] - start;
    long epochDay = start + Math.min(date.getDayOfMonth(), length) - 1 + days;
    long index = epochDay - MONTH_STARTS[0];
    if (index < 0 || index >= days()) {
      return Optional.of(LocalDate.ofEpochDay(epochDay));
    }
    Optional<LocalDate>[] block = BLOCKS[(int) (index / BLOCK)];
    if (block == null) {
      @SuppressWarnings("unchecked")
      Optional<LocalDate>[] made = (Optional<LocalDate>[]) new Optional<?>[BLOCK];
      block = made;
      BLOCKS[(int) (index / BLOCK)] = block;
    }
    Optional<LocalDate> day = block[(int) (index % BLOCK)];
    if (day == null) {
      day = Optional.of(LocalDate.ofEpochDay(epochDay));
      block[(int) (index % BLOCK)] = day;
    }
    return day;
  }
}
