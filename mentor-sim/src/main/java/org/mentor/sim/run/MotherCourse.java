package org.mentor.sim.run;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.scenario.Scenario;

/**
 * The mother's true HIV and treatment course as the walk makes it: infected since when, on ART from
 * when (started before the pregnancy, at a visit, or never), off ART while lost to follow-up, and her
 * viral load from the months on ART and that month's adherence. Only the walk moves it forward, and
 * only at visits, so a question about a day the walk has passed always gets the same answer.
 */
final class MotherCourse {
  private final PairPlan plan;
  private final Scenario.Adherence adherence;
  private @Nullable LocalDate artStart;

  MotherCourse(PairPlan plan, Scenario scenario) {
    this.plan = plan;
    this.adherence = scenario.adherence();
    this.artStart = plan.artBeforePregnancy;
  }

  /** Whether she has HIV on a day. */
  boolean infectedOn(LocalDate day) {
    return plan.status != PairPlan.Status.NEGATIVE
        || (plan.incidentInfection != null && !plan.incidentInfection.isAfter(day));
  }

  /** Whether she was infected during this pregnancy (incident infection before delivery). */
  boolean incidentInPregnancy() {
    return plan.incidentInfection != null && plan.incidentInfection.isBefore(plan.delivery);
  }

  /** Her first ART start, if any. */
  @Nullable LocalDate artStart() {
    return artStart;
  }

  /** Whether her ART started before this pregnancy (Rollins T12 rather than T11). */
  boolean artBeforePregnancy() {
    return artStart != null && artStart.isBefore(plan.lmp);
  }

  /** She starts ART on a day (at a visit). */
  void startArt(LocalDate day) {
    if (artStart == null) {
      artStart = day;
    }
  }

  /** Whether she takes ART on a day: started, and not lost to follow-up that day. */
  boolean onArtOn(LocalDate day) {
    return artStart != null && !artStart.isAfter(day) && plan.lostOn(day) == null && plan.motherAliveOn(day);
  }

  /** Her true viral load on a day she has HIV. */
  VlBand bandOn(LocalDate day) {
    if (!onArtOn(day)) {
      return VlBand.ABOVE_1000;
    }
    LocalDate since = artStart;
    LocalDate back = plan.lastReturnOnOrBefore(day);
    if (back != null && back.isAfter(since)) {
      since = back;
    }
    int monthsOnArt = (int) ((day.toEpochDay() - since.toEpochDay()) / PairPlan.DAYS_PER_MONTH);
    VlBand byAdherence = byAdherence(plan.adherence(plan.month(day)));
    int toSuppression = adherence.monthsToSuppression();
    if (monthsOnArt < toSuppression - 1) {
      return VlBand.ABOVE_1000;
    }
    if (monthsOnArt < toSuppression && byAdherence == VlBand.BELOW_50) {
      return VlBand.FROM_50_TO_1000;
    }
    return byAdherence;
  }

  private VlBand byAdherence(double a) {
    return a >= adherence.suppressedFrom() ? VlBand.BELOW_50
        : a >= adherence.lowLevelFrom() ? VlBand.FROM_50_TO_1000 : VlBand.ABOVE_1000;
  }
}
