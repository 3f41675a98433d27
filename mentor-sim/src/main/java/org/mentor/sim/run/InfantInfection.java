package org.mentor.sim.run;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.scenario.Scenario;
import org.mentor.sim.scenario.TransmissionModel;

/**
 * Whether and when one infant is infected, drawn per period from the mother's state at the period's
 * start (transmission.md §8): the peripartum period at delivery, then each month of breastfeeding
 * (a partial last month at the pro-rated risk {@code 1 − (1 − p)^fraction}). A mother infected while
 * breastfeeding gives the overall risk T2 once, at her infection, instead of monthly risks.
 *
 * <p>Every period takes two draws from the infant's own stream, whether or not they matter, so two
 * arms see the same uniforms for the same period (common random numbers). Periods are drawn only up
 * to the day asked, because the mother's state after it is not yet known.
 */
final class InfantInfection {
  private final Scenario.Transmission model;
  private final PairPlan plan;
  private final MotherCourse mother;
  private final int infant;
  private final SplittableRandom random;
  private final double incidentDraw;
  private final double inUteroShare;
  private final LocalDate breastfeedingEnds;
  private int nextPeriod;
  /** The day {@link #nextPeriod} starts, kept between calls: the walk asks at every infant test, mostly before it. */
  private LocalDate nextStart;
  private boolean incidentApplied;
  private @Nullable LocalDate infectedOn;
  private boolean inUtero;
  private String period = "";

  InfantInfection(Scenario scenario, PairPlan plan, MotherCourse mother, int infant) {
    this.model = scenario.transmission();
    this.plan = plan;
    this.mother = mother;
    this.infant = infant;
    this.random = Streams.of(scenario.seed(), plan.index, Process.TRANSMISSION, infant);
    this.incidentDraw = random.nextDouble();
    this.inUteroShare = model.inUteroShare();
    LocalDate end = plan.weaned;
    LocalDate death = plan.infantDeaths[infant];
    if (death != null && death.isBefore(end)) {
      end = death;
    }
    this.breastfeedingEnds = end;
    this.nextStart = periodStart(0);
  }

  /** Draws every period that starts on or before a day. */
  void advanceTo(LocalDate day) {
    while (infectedOn == null) {
      LocalDate incident = plan.incidentInfection;
      if (!incidentApplied && incident != null && !incident.isBefore(plan.delivery) && incident.isBefore(breastfeedingEnds)
          && !incident.isAfter(day)) {
        incidentApplied = true;
        if (incidentDraw < model.bfIncident()) {
          infectedOn = incident;
          period = "T2";
          return;
        }
      }
      LocalDate start = nextStart;
      if (start.isAfter(day) || (nextPeriod > 0 && !start.isBefore(breastfeedingEnds))) {
        return;
      }
      double u = random.nextDouble();
      double timing = random.nextDouble();
      LocalDate following = periodStart(nextPeriod + 1);
      if (nextPeriod == 0) {
        if (u < peripartum()) {
          infectedOn = plan.delivery;
          inUtero = timing < inUteroShare;
          period = "peripartum";
        }
      } else {
        LocalDate end = following.isAfter(breastfeedingEnds) ? breastfeedingEnds : following;
        long days = end.toEpochDay() - start.toEpochDay();
        double fraction = days / PairPlan.DAYS_PER_MONTH;
        double p = fraction >= 1 ? perMonth(start) : 1 - Math.pow(1 - perMonth(start), fraction);
        if (u < p) {
          infectedOn = start.plusDays((long) (timing * days));
          period = "breastfeeding";
        }
      }
      nextPeriod++;
      nextStart = following;
    }
  }

  /** The day a period starts: the peripartum period 0 at delivery, breastfeeding month n (from 1) n − 1 months after it. */
  private LocalDate periodStart(int n) {
    return n == 0 ? plan.delivery : plan.delivery.plusDays(Math.round((n - 1) * PairPlan.DAYS_PER_MONTH));
  }

  private double peripartum() {
    LocalDate d = plan.delivery;
    if (!mother.infectedOn(d)) {
      return 0;
    }
    if (mother.incidentInPregnancy()) {
      return model.periIncident();
    }
    if (!mother.onArtOn(d)) {
      return model.periNoArt();
    }
    if (model.model() == TransmissionModel.ROLLINS_2012) {
      return mother.artBeforePregnancy() ? model.periArtBeforePregnancy() : model.periArtInPregnancy();
    }
    return switch (mother.bandOn(d)) {
      case BELOW_50 -> model.vlPeriBelow50();
      case FROM_50_TO_1000 -> model.vlPeri50To1000();
      case ABOVE_1000 -> model.vlPeriAbove1000OnArt();
    };
  }

  private double perMonth(LocalDate start) {
    if (!mother.infectedOn(start) || (plan.incidentInfection != null && !plan.incidentInfection.isBefore(plan.delivery))) {
      return 0; // not infected, or infected while breastfeeding (T2 covers it once)
    }
    double untreated = plan.cd4Below350 ? model.bfNoArtCd4Below350() : model.bfNoArtCd4Above350();
    if (!mother.onArtOn(start)) {
      return untreated;
    }
    if (model.model() == TransmissionModel.ROLLINS_2012) {
      return mother.artBeforePregnancy() ? model.bfArtBeforePregnancy() : model.bfArtInPregnancy();
    }
    return switch (mother.bandOn(start)) {
      case BELOW_50 -> model.vlBfBelow50();
      case FROM_50_TO_1000 -> model.vlBf50To1000();
      case ABOVE_1000 -> untreated;
    };
  }

  /** The infection date so far, if infected. */
  @Nullable LocalDate infectedOn() {
    return infectedOn;
  }

  /** Which period infected the infant ("peripartum", "breastfeeding", "T2"), or empty. */
  String period() {
    return period;
  }

  /** Whether a NAT sampled on a day finds the infection (in utero: from birth; else after the detection lag). */
  boolean natPositive(LocalDate sample, int detectableAfterDays) {
    advanceTo(sample);
    return infectedOn != null && (inUtero || !sample.isBefore(infectedOn.plusDays(detectableAfterDays)));
  }

  /** Whether an antibody test sampled on a day finds the infection. */
  boolean antibodyPositive(LocalDate sample, int detectableAfterDays) {
    advanceTo(sample);
    return infectedOn != null && !sample.isBefore(infectedOn.plusDays(detectableAfterDays));
  }

  int infant() {
    return infant;
  }
}
