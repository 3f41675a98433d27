package org.mentor.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InternedDates} computes exactly what {@link LocalDate#plus} does: every day from 1950 to 2150, 19 periods. */
class InternedDatesTest {
  @Test
  void same_as_local_date() {
    List<Period> periods = List.of(Period.ZERO, Period.ofDays(1), Period.ofDays(42), Period.ofDays(280), Period.ofMonths(1),
        Period.ofMonths(3), Period.ofMonths(9), Period.ofMonths(12), Period.ofMonths(18), Period.ofYears(1), Period.ofYears(4),
        Period.parse("P36W6D"), Period.parse("P1Y2M3D"), Period.parse("P2M29D"), Period.ofWeeks(14), Period.ofMonths(25),
        Period.ofDays(-3), Period.ofMonths(-1), Period.parse("P-1M5D"));
    int checked = 0;
    for (LocalDate d = LocalDate.of(1950, 1, 1); d.isBefore(LocalDate.of(2150, 1, 1)); d = d.plusDays(1)) {
      for (Period p : periods) {
        assertThat(InternedDates.plus(d, p)).as("%s + %s", d, p).isEqualTo(d.plus(p));
        assertThat(InternedDates.minus(d, p)).as("%s - %s", d, p).isEqualTo(d.minus(p));
        checked++;
      }
      assertThat(InternedDates.plusDays(d, 1)).isEqualTo(d.plusDays(1));
      assertThat(InternedDates.optional(d).get()).isEqualTo(d);
    }
    assertThat(checked).isGreaterThan(1_380_000);
    LocalDate x = LocalDate.of(2024, 3, 1);
    assertThat(InternedDates.plus(x, Period.ofDays(5))).isSameAs(InternedDates.plus(x, Period.ofDays(5)));
  }

  /**
   * One instance per day whichever way it is asked for: the date tables and the {@code Optional}
   * tables give the same instance (callers compare a memory's dates by identity to see a change).
   * Asked date-first for some days and Optional-first for others, so both fill orders are covered;
   * dates outside 1900–2199 are computed, not kept.
   */
  @Test
  void one_instance_per_day_from_either_table() {
    for (LocalDate d = LocalDate.of(1990, 1, 1); d.isBefore(LocalDate.of(2090, 1, 1)); d = d.plusDays(1)) {
      LocalDate copy = LocalDate.of(d.getYear(), d.getMonth(), d.getDayOfMonth());
      LocalDate first = d.getDayOfMonth() % 2 == 0 ? InternedDates.date(copy) : InternedDates.optional(copy).get();
      assertThat(InternedDates.date(LocalDate.of(d.getYear(), d.getMonth(), d.getDayOfMonth()))).isSameAs(first);
      assertThat(InternedDates.optional(d).get()).isSameAs(first);
      assertThat(InternedDates.plusDays(d.minusDays(3), 3)).isSameAs(first);
      assertThat(InternedDates.plusAsOptional(d.minusMonths(1), Period.ofMonths(1)).get())
          .isSameAs(InternedDates.plus(d.minusMonths(1), Period.ofMonths(1)));
    }
    LocalDate far = LocalDate.of(2300, 6, 1);
    assertThat(InternedDates.plusDays(far, 1)).isEqualTo(LocalDate.of(2300, 6, 2));
  }
}
