package org.mentor.sim.run;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.result.Proportion;
import org.mentor.sim.scenario.Scenario;

/**
 * The model's retention and viral suppression at a point in a pair's course, read from each pair's
 * drawn plan (the same losses, returns, deaths and adherence the walk lets the engine see as missed
 * visits, interruptions and viral loads), without walking the engine: a cohort of 20 000 pairs takes
 * well under a second. For calibration checks against published retention figures.
 *
 * <p>"In care" on a day: the mother is alive and not in a loss to follow-up. Pairs are the scenario's
 * pairs 0 … n−1, so a probe and a simulation of the same scenario look at the same women.
 *
 * <pre>{@code
 * Proportion at18Months = CohortProbe.inCare(scenario, CohortProbe.Anchor.BIRTH, Period.ofMonths(18));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CohortProbe {
  /** Where the time point is counted from. */
  public enum Anchor {
    /** The booking (enrolment) date; every pair counts. */
    ENROLMENT,
    /** The delivery; pairs whose mother was alive at delivery. */
    BIRTH,
    /** The day breastfeeding stops as drawn; breastfed pairs whose mother was alive at delivery. */
    END_OF_BREASTFEEDING
  }

  private CohortProbe() {}

  /**
   * The share of pairs in care at a time after an anchor.
   *
   * @param scenario the scenario, not null
   * @param anchor what the time is counted from, not null
   * @param after how long after it, not null
   * @return in care, out of the pairs the anchor applies to
   */
  public static Proportion inCare(Scenario scenario, Anchor anchor, Period after) {
    requireNonNull(scenario, "scenario");
    requireNonNull(anchor, "anchor");
    requireNonNull(after, "after");
    long n = 0;
    long in = 0;
    for (long i = 0; i < scenario.pairs(); i++) {
      PairPlan plan = new PairPlan(scenario, i);
      LocalDate day = day(plan, anchor, after);
      if (day == null) {
        continue;
      }
      n++;
      in += inCare(plan, day) ? 1 : 0;
    }
    return new Proportion("in care " + after + " after " + anchor.name().toLowerCase(Locale.ROOT), in, n);
  }

  /**
   * The share of mothers with a viral load below 50 copies/mL at a time after an anchor, among those
   * in care then and on ART. The walk starts ART at a visit; this probe takes ART from booking for a
   * woman diagnosed at booking, which the walk does too when every visit starts it
   * ({@code booking.artStartPerVisit} = 1).
   *
   * @param scenario the scenario, not null; its {@code booking.artStartPerVisit} must be 1
   * @param anchor what the time is counted from, not null
   * @param after how long after it, not null
   * @return suppressed below 50, out of the women in care on ART
   */
  public static Proportion suppressedBelow50(Scenario scenario, Anchor anchor, Period after) {
    requireNonNull(scenario, "scenario");
    requireNonNull(anchor, "anchor");
    requireNonNull(after, "after");
    checkArgument(scenario.booking().artStartPerVisit() == 1.0, "the probe needs booking.artStartPerVisit = 1");
    long n = 0;
    long below = 0;
    for (long i = 0; i < scenario.pairs(); i++) {
      PairPlan plan = new PairPlan(scenario, i);
      LocalDate day = day(plan, anchor, after);
      if (day == null || !inCare(plan, day)) {
        continue;
      }
      MotherCourse mother = new MotherCourse(plan, scenario);
      if (plan.status == PairPlan.Status.DIAGNOSED) {
        mother.startArt(plan.booking);
      }
      if (!mother.infectedOn(day) || !mother.onArtOn(day)) {
        continue;
      }
      n++;
      below += mother.bandOn(day) == VlBand.BELOW_50 ? 1 : 0;
    }
    return new Proportion("VL < 50 " + after + " after " + anchor.name().toLowerCase(Locale.ROOT), below, n);
  }

  private static boolean inCare(PairPlan plan, LocalDate day) {
    return plan.motherAliveOn(day) && plan.lostOn(day) == null;
  }

  private static @Nullable LocalDate day(PairPlan plan, Anchor anchor, Period after) {
    return switch (anchor) {
      case ENROLMENT -> plan.booking.plus(after);
      case BIRTH -> plan.motherAliveOn(plan.delivery) ? plan.delivery.plus(after) : null;
      case END_OF_BREASTFEEDING -> plan.breastfed && plan.motherAliveOn(plan.delivery)
          ? plan.breastfeedingStops.plus(after) : null;
    };
  }
}
