package org.mentor.sim.run;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.mentor.sim.scenario.Scenario;

/**
 * The random variates of one pair drawn with no engine and no walk: its plan (booking, delivery,
 * feeding, monthly adherence, losses, deaths), every transmission period, and as many attendance,
 * ART-start and viral-load draws as a walk typically takes. A floor for benchmarks, to show how much
 * of a simulated pair's time is drawing and how much is the engine.
 */
@API(status = INTERNAL, since = "0.1")
public final class Variates {
  /** Draws per pair from each of the attendance, ART-start and viral-load streams (about a walk's count). */
  static final int WALK_DRAWS = 32;

  private Variates() {}

  /**
   * Draws one pair's variates.
   *
   * @param scenario the scenario, not null
   * @param pair the pair index
   * @return a checksum of the draws (so nothing is optimised away)
   */
  public static long draw(Scenario scenario, long pair) {
    requireNonNull(scenario, "scenario");
    PairPlan plan = new PairPlan(scenario, pair);
    MotherCourse mother = new MotherCourse(plan, scenario);
    mother.startArt(plan.booking);
    long sum = plan.delivery.toEpochDay() + plan.losses.size();
    sum += (long) (plan.adherence(plan.month(plan.horizon)) * 100); // every month's adherence, drawn on first use
    for (int k = 0; k < plan.infants; k++) {
      InfantInfection infant = new InfantInfection(scenario, plan, mother, k);
      infant.advanceTo(LocalDate.MAX);
      sum += infant.infectedOn() == null ? 0 : 1;
    }
    SplittableRandom attendance = Streams.of(scenario.seed(), pair, Process.ATTENDANCE, 0);
    SplittableRandom art = Streams.of(scenario.seed(), pair, Process.ART_START, 0);
    SplittableRandom vl = Streams.of(scenario.seed(), pair, Process.VIRAL_LOAD, 0);
    for (int i = 0; i < WALK_DRAWS; i++) {
      sum += (long) (attendance.nextDouble() * 1000) + (long) (art.nextDouble() * 10) + (long) (vl.nextDouble() * 10);
    }
    return sum;
  }
}
