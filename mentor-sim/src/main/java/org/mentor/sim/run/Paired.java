package org.mentor.sim.run;

import com.google.common.collect.ImmutableList;
import java.util.function.Predicate;
import org.mentor.sim.result.InfantOutcome;
import org.mentor.sim.result.PairOutcome;
import org.mentor.sim.result.PairedDifference;

/**
 * Per-pair outcome sums of two arms for their paired differences. Whole-number sums only, so the
 * result does not depend on the order pairs arrive in.
 */
final class Paired {
  /** The outcomes compared, each over the pairs it applies to (the same pairs in both arms). */
  enum Measure {
    INFECTED_FINAL("exposed pair: an infant infected (final)", PairOutcome::anyExposed,
        o -> anyInfant(o, i -> i.exposed() && i.infected())),
    INFECTED_6W("exposed pair: an infant infected by 6 weeks", PairOutcome::anyExposed,
        o -> anyInfant(o, i -> i.exposed() && i.infectedBy6Weeks())),
    TESTED_2M("exposed pair: every exposed infant tested (NAT) by 2 months", PairOutcome::anyExposed,
        o -> allExposed(o, InfantOutcome::testedBy2Months)),
    FINAL_KNOWN("exposed pair: every exposed infant's final status known", PairOutcome::anyExposed,
        o -> allExposed(o, InfantOutcome::finalStatusKnown)),
    LOST("exposed pair: an exposed infant lost", PairOutcome::anyExposed,
        o -> anyInfant(o, i -> i.exposed() && i.lost())),
    SUPPRESSED("mother with HIV at delivery: VL < 1000", PairOutcome::motherPositiveAtDelivery,
        o -> o.vlAtDelivery().equals("BELOW_50") || o.vlAtDelivery().equals("FROM_50_TO_1000")),
    EVER_LOST("every pair: mother lost to follow-up at some point", o -> true, PairOutcome::everLost);

    final String label;
    final Predicate<PairOutcome> appliesTo;
    final Predicate<PairOutcome> outcome;

    Measure(String label, Predicate<PairOutcome> appliesTo, Predicate<PairOutcome> outcome) {
      this.label = label;
      this.appliesTo = appliesTo;
      this.outcome = outcome;
    }
  }

  private static boolean anyInfant(PairOutcome o, Predicate<InfantOutcome> p) {
    return o.infants().stream().anyMatch(p);
  }

  private static boolean allExposed(PairOutcome o, Predicate<InfantOutcome> p) {
    return o.infants().stream().filter(InfantOutcome::exposed).allMatch(p);
  }

  private final long[][] sums = new long[Measure.values().length][4]; // n, a, b, discordant

  void add(PairOutcome a, PairOutcome b) {
    for (Measure m : Measure.values()) {
      if (!m.appliesTo.test(a) || !m.appliesTo.test(b)) {
        continue;
      }
      int ya = m.outcome.test(a) ? 1 : 0;
      int yb = m.outcome.test(b) ? 1 : 0;
      long[] s = sums[m.ordinal()];
      s[0]++;
      s[1] += ya;
      s[2] += yb;
      s[3] += ya != yb ? 1 : 0;
    }
  }

  ImmutableList<PairedDifference> differences() {
    ImmutableList.Builder<PairedDifference> all = ImmutableList.builder();
    for (Measure m : Measure.values()) {
      long[] s = sums[m.ordinal()];
      all.add(PairedDifference.of(m.label, s[0], s[1], s[2], s[3]));
    }
    return all.build();
  }
}
