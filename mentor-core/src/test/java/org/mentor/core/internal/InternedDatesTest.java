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
}
