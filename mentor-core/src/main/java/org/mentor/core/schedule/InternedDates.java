package org.mentor.core.schedule;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.Year;
import java.time.temporal.ChronoField;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The schedule's date arithmetic, with results shared rather than allocated: {@code date + period}
 * exactly as {@link LocalDate#plus(java.time.temporal.TemporalAmount)} computes it (calendar months
 * first, clamped to the month's end, then days), returned as one shared instance per day, with one
 * shared {@code Optional} of it.
 *
 * <p>Why: a case's schedule dates some thirty windows, due, overdue and closing dates every time
 * it is computed from scratch (after each new event), and the same days recur across cases and
 * versions. Allocating each would double the bytes of the first schedule after an event (issue 4's
 * budget is 2 KB for a 40-event case). {@code LocalDate} and {@code Optional} are immutable
 * value-based classes, so sharing instances is invisible to callers (nothing compares them by
 * identity).
 *
 * <p>Days from 1900 to 2199 are kept, in blocks of 1024 days made on first use (a few blocks
 * cover the years a programme schedules); other days are allocated as usual. Thread-safe: a block
 * or an entry written by one thread and not yet seen by another is only made again; the instances
 * are immutable, with final fields.
 */
final class InternedDates {
  private static final long FIRST = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final int DAYS = (int) (LocalDate.of(2200, 1, 1).toEpochDay() - FIRST);
  private static final int BLOCK = 1024;
  @SuppressWarnings("unchecked")
  private static final Optional<LocalDate>[][] BLOCKS = (Optional<LocalDate>[][]) new Optional<?>[DAYS / BLOCK + 1][];

  private InternedDates() {}

  /** {@code date + period}, as {@code date.plus(period)}. */
  static LocalDate plus(LocalDate date, Period period) {
    return period.isZero() ? date : add(date, period.toTotalMonths(), period.getDays()).get();
  }

  /** {@code Optional.of(date + period)}, shared. */
  static Optional<LocalDate> plusAsOptional(LocalDate date, Period period) {
    return add(date, period.toTotalMonths(), period.getDays());
  }

  /** {@code date − period}, as {@code date.minus(period)}. */
  static LocalDate minus(LocalDate date, Period period) {
    return period.isZero() ? date : add(date, -period.toTotalMonths(), -(long) period.getDays()).get();
  }

  /** {@code date + days}, as {@code date.plusDays(days)}. */
  static LocalDate plusDays(LocalDate date, long days) {
    return days == 0 ? date : optionalDay(Math.addExact(date.toEpochDay(), days)).get();
  }

  /** The date as an {@code Optional}, shared; empty for null. */
  static Optional<LocalDate> optional(@Nullable LocalDate date) {
    return date == null ? Optional.empty() : optionalDay(date.toEpochDay());
  }

  private static Optional<LocalDate> add(LocalDate date, long months, long days) {
    long epochDay;
    if (months == 0) {
      epochDay = date.toEpochDay();
    } else {
      // LocalDate.plusMonths: the same day of the month, or the month's last day if it is shorter.
      long monthCount = date.getYear() * 12L + (date.getMonthValue() - 1) + months;
      int year = ChronoField.YEAR.checkValidIntValue(Math.floorDiv(monthCount, 12));
      int month = (int) Math.floorMod(monthCount, 12) + 1;
      int dayOfMonth = Math.min(date.getDayOfMonth(), Month.of(month).length(Year.isLeap(year)));
      epochDay = epochDay(year, month, dayOfMonth);
    }
    return optionalDay(Math.addExact(epochDay, days));
  }

  /** The day number of a valid date, as {@link LocalDate#toEpochDay()} counts it (without making the date). */
  private static long epochDay(int year, int month, int dayOfMonth) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367L * month - 362) / 12 + dayOfMonth - 1;
    if (month > 2) {
      total -= Year.isLeap(year) ? 1 : 2;
    }
    return total - DAYS_0000_TO_1970;
  }

  /** Days from 0000-01-01 to 1970-01-01 (LocalDate's own constant). */
  private static final long DAYS_0000_TO_1970 = (146_097L * 5) - (30L * 365 + 7);

  private static Optional<LocalDate> optionalDay(long epochDay) {
    long index = epochDay - FIRST;
    if (index < 0 || index >= DAYS) {
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
