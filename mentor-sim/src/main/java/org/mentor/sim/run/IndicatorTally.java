package org.mentor.sim.run;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentor.core.indicators.IndicatorReport;
import org.mentor.core.indicators.IndicatorResult;
import org.mentor.core.indicators.Indicators;
import org.mentor.core.indicators.ReportRequest;
import org.mentor.core.indicators.ReportingPeriod;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.sim.result.IndicatorValue;
import org.mentor.sim.scenario.Scenario;

/**
 * The core's indicators on the simulated cases, summed over chunks. Every indicator is a count of
 * units (pregnancies, infants, tests), so a chunk's report adds to the others' exactly; each chunk's
 * registry is reported on before it is dropped. The periods are the PEPFAR fiscal years the cohort
 * spans and the whole cohort; each is evaluated as of its last day (data cut-off).
 */
final class IndicatorTally {
  private final List<ReportingPeriod> periods;
  private final Map<String, long[]> sums = new LinkedHashMap<>(); // numerator, denominator, has denominator, gaps
  private final Map<String, String[]> labels = new LinkedHashMap<>();

  IndicatorTally(Scenario scenario) {
    this.periods = periods(scenario);
  }

  /** The fiscal years from the cohort's start to the last day any pair can reach, then the whole span. */
  static List<ReportingPeriod> periods(Scenario s) {
    LocalDate start = s.cohortStart();
    LocalDate last = start.plusDays(s.enrolmentDays()).plusWeeks(45).plusMonths(s.followUpMonths());
    List<ReportingPeriod> periods = new ArrayList<>();
    for (int fy = fiscalYear(start); fy <= fiscalYear(last); fy++) {
      periods.add(ReportingPeriod.fiscalYear(fy));
    }
    periods.add(new ReportingPeriod(start, last, "whole cohort"));
    return periods;
  }

  private static int fiscalYear(LocalDate day) {
    return day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
  }

  /** Adds every period's report on a chunk's registry. */
  void add(CaseRegistry registry) {
    for (ReportingPeriod period : periods) {
      IndicatorReport report = Indicators.report(registry, ReportRequest.current(period, period.end()));
      for (IndicatorResult r : report.results().values()) {
        String key = period.label() + '|' + r.indicator().code();
        labels.putIfAbsent(key, new String[] {period.label(), r.indicator().code(), r.indicator().title()});
        long[] sum = sums.computeIfAbsent(key, k -> new long[4]);
        sum[0] += r.numerator();
        sum[1] += r.denominator().orElse(0);
        sum[2] = r.denominator().isPresent() ? 1 : sum[2];
        sum[3] += r.notComputed().values().stream().mapToInt(Integer::intValue).sum();
      }
    }
  }

  void merge(IndicatorTally other) {
    other.labels.forEach(labels::putIfAbsent);
    other.sums.forEach((key, v) -> {
      long[] sum = sums.computeIfAbsent(key, k -> new long[4]);
      sum[0] += v[0];
      sum[1] += v[1];
      sum[2] = Math.max(sum[2], v[2]);
      sum[3] += v[3];
    });
  }

  ImmutableList<IndicatorValue> values() {
    ImmutableList.Builder<IndicatorValue> values = ImmutableList.builder();
    sums.forEach((key, s) -> {
      String[] l = labels.get(key);
      values.add(new IndicatorValue(l[0], l[1], l[2], s[0], s[2] == 1 ? Optional.of(s[1]) : Optional.empty(), s[3]));
    });
    return values.build();
  }
}
