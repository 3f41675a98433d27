package org.mentor.sim.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.scenario.BetaShape;
import org.mentor.sim.scenario.Scenario;
import org.mentor.sim.scenario.TruncatedNormal;

/**
 * What happens to a pair regardless of the clinic: booking, HIV status, delivery, twins,
 * breastfeeding, monthly adherence, losses to follow-up and returns, deaths and incident infection.
 * Drawn once per pair from its own streams ({@link Streams}), monthly adherence on first use; the
 * walk then lets the engine decide what the clinic does about it.
 */
final class PairPlan {
  static final double DAYS_PER_MONTH = 365.25 / 12;
  private static final long[] NO_DAYS = {};

  /** HIV and ART status at booking. */
  enum Status {
    ON_ART,
    DIAGNOSED,
    NEGATIVE
  }

  /** A loss to follow-up: from {@code onset}; back on {@code back}, or never (null). */
  record Loss(LocalDate onset, @Nullable LocalDate back) {}

  final long index;
  private final long seed;
  final Status status;
  final LocalDate booking;
  final LocalDate lmp;
  final LocalDate delivery;
  final int infants;
  final boolean breastfed;
  /** The day breastfeeding stops (the day after the last day of breastfeeding); delivery if never breastfed. */
  final LocalDate breastfeedingStops;
  /** The day breastfeeding actually ends: {@link #breastfeedingStops}, or earlier if the mother dies. */
  final LocalDate weaned;
  final @Nullable LocalDate artBeforePregnancy;
  final boolean cd4Below350;
  /** Months from booking to the horizon: how many months of adherence there are. */
  private final int adherenceMonths;
  /** Adherence per month since booking, drawn on first use ({@link #adherence(int)}); made then too, as most pairs never ask. */
  private double @Nullable [] adherence;
  private int adherenceDrawn;
  private final BetaShape adherenceShape;
  private @Nullable ContinuousSampler adherenceDraws;
  final List<Loss> losses;
  /**
   * The losses' onsets and returns as epoch days (never back: {@code Long.MAX_VALUE}): the walk asks
   * whether she is lost at every contact and mentor visit, and chasing the list's dates cost more
   * than the question.
   */
  private final long[] lossFrom;
  private final long[] lossUntil;
  final @Nullable LocalDate maternalDeath;
  final @Nullable LocalDate[] infantDeaths;
  final @Nullable LocalDate incidentInfection;
  final LocalDate horizon;

  PairPlan(Scenario s, long index) {
    this.index = index;
    this.seed = s.seed();

    SplittableRandom booking = Streams.of(seed, index, Process.BOOKING, 0);
    double u = booking.nextDouble();
    Scenario.Booking b = s.booking();
    this.status = u < b.onArtShare() ? Status.ON_ART : u < b.onArtShare() + b.diagnosedShare() ? Status.DIAGNOSED : Status.NEGATIVE;
    this.booking = s.cohortStart().plusDays((long) (booking.nextDouble() * s.enrolmentDays()));
    this.cd4Below350 = booking.nextDouble() < s.adherence().cd4Below350Share();
    long yearsBefore = 365 + (long) (booking.nextDouble() * 1460);
    int gaBooking = (int) Math.round(truncated(Streams.provider(booking), b.gestationalAgeWeeks()) * 7);
    this.lmp = this.booking.minusDays(gaBooking);
    this.artBeforePregnancy = status == Status.ON_ART ? lmp.minusDays(yearsBefore) : null;

    SplittableRandom delivery = Streams.of(seed, index, Process.DELIVERY, 0);
    this.infants = delivery.nextDouble() < s.pregnancy().twinProbability() ? 2 : 1;
    int gaDelivery = (int) Math.round(truncated(Streams.provider(delivery), s.pregnancy().gestationalAgeAtDeliveryWeeks()) * 7);
    this.delivery = lmp.plusDays(Math.max(gaDelivery, gaBooking + 7)); // she books before she delivers

    SplittableRandom feeding = Streams.of(seed, index, Process.FEEDING, 0);
    this.breastfed = feeding.nextDouble() >= s.feeding().neverBreastfedShare();
    double months = truncated(Streams.provider(feeding), s.feeding().durationMonths());
    this.breastfeedingStops = breastfed ? this.delivery.plusDays(Math.max(1, Math.round(months * DAYS_PER_MONTH))) : this.delivery;

    this.horizon = this.delivery.plusMonths(s.followUpMonths());
    int horizonMonths = (int) Math.ceil((horizon.toEpochDay() - this.booking.toEpochDay()) / DAYS_PER_MONTH) + 1;
    this.adherenceMonths = horizonMonths;
    this.adherenceShape = s.adherence().monthly();

    double hr = s.mentorSupport() ? s.mentor().ltfuHazardRatio() : 1.0;
    this.losses = losses(Streams.of(seed, index, Process.RETENTION, 0), s.retention(), hr);
    this.lossFrom = losses.isEmpty() ? NO_DAYS : new long[losses.size()];
    this.lossUntil = losses.isEmpty() ? NO_DAYS : new long[losses.size()];
    for (int k = 0; k < losses.size(); k++) {
      Loss loss = losses.get(k);
      lossFrom[k] = loss.onset().toEpochDay();
      lossUntil[k] = loss.back() == null ? Long.MAX_VALUE : loss.back().toEpochDay();
    }

    this.maternalDeath = after(this.booking, Streams.of(seed, index, Process.MATERNAL_DEATH, 0), s.mortality().maternalPerMonth());
    this.infantDeaths = new LocalDate[infants];
    for (int k = 0; k < infants; k++) {
      infantDeaths[k] = after(this.delivery, Streams.of(seed, index, Process.INFANT_DEATH, k), s.mortality().infantPerMonth());
    }
    LocalDate weaned = breastfeedingStops;
    if (breastfed && maternalDeath != null && maternalDeath.isAfter(this.delivery) && maternalDeath.isBefore(weaned)) {
      weaned = maternalDeath; // breastfeeding ends with her
    }
    this.weaned = weaned;
    this.incidentInfection = status == Status.NEGATIVE
        ? after(this.booking, Streams.of(seed, index, Process.INCIDENCE, 0), b.incidencePerMonth()) : null;
  }

  /**
   * Losses from booking to the horizon: a first loss at the hazard by time since booking (front-loaded)
   * plus the hazard of the period each day falls in, returns, later losses. With every period hazard 0
   * the arithmetic and the draws are those of the plain front-loaded process, so outputs do not move.
   */
  private List<Loss> losses(SplittableRandom random, Scenario.Retention r, double hr) {
    List<Loss> list = new ArrayList<>(2);
    double horizonMonths = (horizon.toEpochDay() - booking.toEpochDay()) / DAYS_PER_MONTH;
    double[] bounds = periodBounds(r.peripartumWeeks());
    double exp = -Math.log(Streams.open(random));
    double t = lossAfter(0, exp, r, hr, true, bounds);
    while (t < horizonMonths) {
      double back = r.returnHazard() > 0 ? t - Math.log(Streams.open(random)) / r.returnHazard() : Double.POSITIVE_INFINITY;
      LocalDate onset = dateAt(t);
      LocalDate backOn = back < horizonMonths ? dateAt(back) : null;
      if (backOn != null && !backOn.isAfter(onset)) {
        backOn = onset.plusDays(1);
      }
      list.add(new Loss(onset, backOn));
      if (backOn == null) {
        break;
      }
      double from = (backOn.toEpochDay() - booking.toEpochDay()) / DAYS_PER_MONTH;
      t = anyHazardFrom(from, r, bounds)
          ? lossAfter(from, -Math.log(Streams.open(random)), r, hr, false, bounds) : Double.POSITIVE_INFINITY;
    }
    return list;
  }

  /** Months from booking to delivery, to the end of the peripartum window, and to the end of breastfeeding. */
  private double[] periodBounds(int peripartumWeeks) {
    double d = (delivery.toEpochDay() - booking.toEpochDay()) / DAYS_PER_MONTH;
    double p = (delivery.plusWeeks(peripartumWeeks).toEpochDay() - booking.toEpochDay()) / DAYS_PER_MONTH;
    double w = Math.max(p, (breastfeedingStops.toEpochDay() - booking.toEpochDay()) / DAYS_PER_MONTH);
    return new double[] {d, p, w};
  }

  /** The period hazard at {@code t} months after booking. */
  private static double periodHazard(double t, Scenario.PeriodHazards h, double[] bounds) {
    return t < bounds[0] ? h.pregnancy() : t < bounds[1] ? h.peripartum() : t < bounds[2] ? h.breastfeeding() : h.afterWeaning();
  }

  private static boolean anyHazardFrom(double from, Scenario.Retention r, double[] bounds) {
    if (r.ltfuHazardLater() > 0 || r.periods().afterWeaning() > 0) {
      return true;
    }
    for (int k = 0; k < bounds.length; k++) {
      if (from < bounds[k] && periodHazard(k == 0 ? from : Math.max(from, bounds[k - 1]), r.periods(), bounds) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The time (months after booking) at which the cumulative loss hazard from {@code from} reaches
   * {@code exp}: the hazard is piecewise constant, so walk its pieces. Period pieces with equal hazards
   * are one piece, so without period hazards this is exactly {@code exp / early} or
   * {@code e + (exp − early·e) / later}, bit for bit.
   */
  private static double lossAfter(double from, double exp, Scenario.Retention r, double hr, boolean first, double[] bounds) {
    double e = first ? r.earlyMonths() : Double.NEGATIVE_INFINITY;
    double[] cuts = {e, bounds[0], bounds[1], bounds[2]};
    Arrays.sort(cuts);
    double start = from;
    double cum = 0;
    double rate = rate(start, r, hr, e, bounds);
    for (double cut : cuts) {
      if (cut <= start) {
        continue;
      }
      double next = rate(cut, r, hr, e, bounds);
      if (next == rate && cut != e) {
        continue; // the same hazard goes on: one piece (the early period always ends at e, as it always has)
      }
      if (exp < cum + rate * (cut - start)) {
        return start + (exp - cum) / rate;
      }
      cum += rate * (cut - start);
      start = cut;
      rate = next;
    }
    return rate > 0 ? start + (exp - cum) / rate : Double.POSITIVE_INFINITY;
  }

  private static double rate(double t, Scenario.Retention r, double hr, double e, double[] bounds) {
    double base = t < e ? r.ltfuHazardEarly() : r.ltfuHazardLater();
    return (base + periodHazard(t, r.periods(), bounds)) * hr;
  }

  private LocalDate dateAt(double monthsFromBooking) {
    return booking.plusDays(Math.max(1, Math.round(monthsFromBooking * DAYS_PER_MONTH)));
  }

  /** A date after {@code from} at a constant hazard per month, or null when it never comes (hazard 0). */
  private static @Nullable LocalDate after(LocalDate from, SplittableRandom random, double hazardPerMonth) {
    if (hazardPerMonth <= 0) {
      return null;
    }
    double months = -Math.log(Streams.open(random)) / hazardPerMonth;
    return months > 1200 ? null : from.plusDays(Math.max(1, Math.round(months * DAYS_PER_MONTH)));
  }

  /** A truncated normal by rejection; validation keeps the mean inside the bounds, so this ends quickly. */
  static double truncated(UniformRandomProvider random, TruncatedNormal n) {
    ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(random);
    for (int attempt = 0; attempt < 10_000; attempt++) {
      double x = n.mean() + n.sd() * gaussian.sample();
      if (x >= n.min() && x <= n.max()) {
        return x;
      }
    }
    return n.min() + random.nextDouble() * (n.max() - n.min());
  }

  /** The loss she is in on a day, if any. */
  @Nullable Loss lostOn(LocalDate day) {
    if (lossFrom.length == 0) {
      return null; // most pairs are never lost
    }
    long d = day.toEpochDay();
    for (int k = 0; k < lossFrom.length; k++) {
      if (d >= lossFrom[k] && d < lossUntil[k]) {
        return losses.get(k);
      }
    }
    return null;
  }

  /** The first loss starting after {@code from} and on or before {@code to}, if any. */
  @Nullable Loss lossStarting(LocalDate from, LocalDate to) {
    return lossFrom.length == 0 ? null : lossStarting(from.toEpochDay(), to.toEpochDay());
  }

  /**
   * The first loss starting on or after {@code from} and on or before {@code to}, if any: {@link
   * #lossStarting} from the day before, without making that day (asked at every booking, mostly of
   * pairs never lost).
   */
  @Nullable Loss lossStartingFrom(LocalDate from, LocalDate to) {
    return lossFrom.length == 0 ? null : lossStarting(from.toEpochDay() - 1, to.toEpochDay());
  }

  private @Nullable Loss lossStarting(long afterDay, long toDay) {
    for (int k = 0; k < lossFrom.length; k++) {
      if (lossFrom[k] > afterDay && lossFrom[k] <= toDay) {
        return losses.get(k);
      }
    }
    return null;
  }

  /** The latest return on or before a day, if any. */
  @Nullable LocalDate lastReturnOnOrBefore(LocalDate day) {
    LocalDate latest = null;
    for (Loss loss : losses) {
      if (loss.back() != null && !loss.back().isAfter(day)) {
        latest = loss.back();
      }
    }
    return latest;
  }

  /**
   * Her adherence in a month since booking. The months are drawn in order from their own stream the
   * first time one is asked for, so the values are those of drawing every month up front; most pairs
   * (negative, or never asked about their viral load) need few or none, and the draws were a visible
   * share of a walk outside the engine.
   */
  double adherence(int month) {
    ContinuousSampler draws = adherenceDraws;
    double[] months = adherence;
    if (draws == null || months == null) {
      UniformRandomProvider stream = Streams.provider(Streams.of(seed, index, Process.ADHERENCE, 0));
      draws = adherenceDraws = ChengBetaSampler.of(stream, adherenceShape.alpha(), adherenceShape.beta());
      months = adherence = new double[adherenceMonths];
    }
    while (adherenceDrawn <= month) {
      months[adherenceDrawn++] = draws.sample();
    }
    return months[month];
  }

  /** The month index since booking of a day, clamped to the months to the horizon. */
  int month(LocalDate day) {
    int m = (int) ((day.toEpochDay() - booking.toEpochDay()) / DAYS_PER_MONTH);
    return Math.max(0, Math.min(adherenceMonths - 1, m));
  }

  boolean motherAliveOn(LocalDate day) {
    return maternalDeath == null || day.isBefore(maternalDeath);
  }

  boolean infantAliveOn(int k, LocalDate day) {
    return infantDeaths[k] == null || day.isBefore(infantDeaths[k]);
  }
}
