package org.mentor.sim.run;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mentor.sim.result.InfantOutcome;
import org.mentor.sim.result.LoadKind;
import org.mentor.sim.result.MilestoneCompletion;
import org.mentor.sim.result.MonthlyLoad;
import org.mentor.sim.result.PairOutcome;
import org.mentor.sim.result.Proportion;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.scenario.Parameters;
import org.mentor.sim.scenario.Scenario;

/**
 * The running totals of one arm. Only whole-number counts, so merging chunk totals in any order
 * gives the same result; the runner still merges them in pair order. Not thread-safe: one per
 * chunk and arm, merged by the runner's single consumer.
 */
final class Tally {
  static final int AGE_MONTHS = 37;
  static final String[] STEPS = {"enrolled", "living with HIV at delivery", "on ART at delivery",
      "VL < 1000 at delivery", "exposed infants tested (NAT) by 2 months", "exposed infants tested (NAT) by 12 months",
      "exposed infants with final status known", "exposed infants infected (final)", "exposed infants lost"};

  private final YearMonth firstMonth;
  private final int months;
  long pairs;
  long positiveAtDelivery;
  long onArtAtDelivery;
  long suppressedAtDelivery;
  long exposed;
  long testedBy2;
  long testedBy12;
  long finalKnown;
  long infected6w;
  long infectedFinal;
  long lost;
  final long[] infectionsByAge = new long[AGE_MONTHS];
  final Map<String, Long> outcomes = new TreeMap<>();
  final Map<String, Long> issues = new TreeMap<>();
  /** By rule id; hashed, as every walk adds to it, and sorted only for the result. */
  final Map<String, long[]> milestones = new HashMap<>();
  final long[][] load;
  long events;
  long views;
  final IndicatorTally indicators;
  final ResourceCount resources = new ResourceCount();

  Tally(Scenario scenario) {
    this.firstMonth = YearMonth.from(scenario.cohortStart());
    // bookings + up to 45 weeks of pregnancy + follow-up, with a month to spare at each end
    this.months = scenario.enrolmentDays() / 28 + 12 + scenario.followUpMonths() + 2;
    this.load = new long[LoadKind.values().length][months];
    this.indicators = new IndicatorTally(scenario);
  }

  void count(LoadKind kind, LocalDate day) {
    int m = (day.getYear() - firstMonth.getYear()) * 12 + day.getMonthValue() - firstMonth.getMonthValue();
    load[kind.ordinal()][Math.max(0, Math.min(months - 1, m))]++;
  }

  /** One milestone's classification at the end of a walk: 0 on time, 1 late, 2 missed, 3 open, 4 cancelled. */
  void milestone(String ruleId, int outcome) {
    milestones.computeIfAbsent(ruleId, id -> new long[5])[outcome]++;
  }

  void add(PairOutcome o) {
    pairs++;
    if (o.motherPositiveAtDelivery()) {
      positiveAtDelivery++;
      if (o.onArtAtDelivery()) {
        onArtAtDelivery++;
      }
      if (o.vlAtDelivery().equals(VlBand.BELOW_50.name()) || o.vlAtDelivery().equals(VlBand.FROM_50_TO_1000.name())) {
        suppressedAtDelivery++;
      }
    }
    for (InfantOutcome i : o.infants()) {
      if (!i.exposed()) {
        continue;
      }
      exposed++;
      testedBy2 += i.testedBy2Months() ? 1 : 0;
      testedBy12 += i.testedBy12Months() ? 1 : 0;
      finalKnown += i.finalStatusKnown() ? 1 : 0;
      lost += i.lost() ? 1 : 0;
      outcomes.merge(i.finalOutcome(), 1L, Long::sum);
      if (i.infected()) {
        infectedFinal++;
        infected6w += i.infectedBy6Weeks() ? 1 : 0;
        int age = (int) (i.infectionAgeDays() / PairPlan.DAYS_PER_MONTH);
        infectionsByAge[Math.min(AGE_MONTHS - 1, age)]++;
      }
    }
  }

  void merge(Tally other) {
    pairs += other.pairs;
    positiveAtDelivery += other.positiveAtDelivery;
    onArtAtDelivery += other.onArtAtDelivery;
    suppressedAtDelivery += other.suppressedAtDelivery;
    exposed += other.exposed;
    testedBy2 += other.testedBy2;
    testedBy12 += other.testedBy12;
    finalKnown += other.finalKnown;
    infected6w += other.infected6w;
    infectedFinal += other.infectedFinal;
    lost += other.lost;
    for (int i = 0; i < AGE_MONTHS; i++) {
      infectionsByAge[i] += other.infectionsByAge[i];
    }
    other.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
    other.issues.forEach((k, v) -> issues.merge(k, v, Long::sum));
    other.milestones.forEach((k, v) -> {
      long[] mine = milestones.computeIfAbsent(k, id -> new long[5]);
      for (int i = 0; i < 5; i++) {
        mine[i] += v[i];
      }
    });
    for (int k = 0; k < load.length; k++) {
      for (int m = 0; m < months; m++) {
        load[k][m] += other.load[k][m];
      }
    }
    events += other.events;
    views += other.views;
    indicators.merge(other.indicators);
    resources.merge(other.resources);
  }

  SimulationResult result(Scenario s) {
    ImmutableList<Proportion> cascade = ImmutableList.of(
        new Proportion(STEPS[0], pairs, pairs),
        new Proportion(STEPS[1], positiveAtDelivery, pairs),
        new Proportion(STEPS[2], onArtAtDelivery, positiveAtDelivery),
        new Proportion(STEPS[3], suppressedAtDelivery, positiveAtDelivery),
        new Proportion(STEPS[4], testedBy2, exposed),
        new Proportion(STEPS[5], testedBy12, exposed),
        new Proportion(STEPS[6], finalKnown, exposed),
        new Proportion(STEPS[7], infectedFinal, exposed),
        new Proportion(STEPS[8], lost, exposed));
    ImmutableList.Builder<MilestoneCompletion> completion = ImmutableList.builder();
    new TreeMap<>(milestones).forEach((id, c) -> completion.add(new MilestoneCompletion(id, c[0], c[1], c[2], c[3], c[4])));
    ImmutableMap.Builder<LoadKind, ImmutableList<Long>> counts = ImmutableMap.builder();
    for (LoadKind kind : LoadKind.values()) {
      ImmutableList.Builder<Long> perMonth = ImmutableList.builder();
      for (long c : load[kind.ordinal()]) {
        perMonth.add(c);
      }
      counts.put(kind, perMonth.build());
    }
    ImmutableList.Builder<Long> ages = ImmutableList.builder();
    for (long c : infectionsByAge) {
      ages.add(c);
    }
    return new SimulationResult(s.name(), s.protocol().ref().id() + " v" + s.protocol().ref().version(), s.seed(), (int) pairs,
        Parameters.TABLE_VERSION, cascade, new Proportion("transmission at 6 weeks", infected6w, exposed),
        new Proportion("transmission at final status", infectedFinal, exposed), ages.build(), completion.build(),
        new MonthlyLoad(firstMonth, counts.build()), ImmutableMap.copyOf(outcomes), ImmutableMap.copyOf(issues), indicators.values(), events, views,
        resources.use(pairs, load));
  }
}
