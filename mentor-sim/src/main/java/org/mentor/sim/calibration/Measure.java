package org.mentor.sim.calibration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Period;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.run.CohortProbe.Anchor;

/** What a check measures, and how: from the pairs' drawn plans (a probe) or from a whole simulation. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Measure {
  /** In care 12 months after booking (ART starts at booking in the calibration scenarios). */
  RETENTION_12M_AFTER_ENROLMENT(Anchor.ENROLMENT, Period.ofMonths(12), "retention 12 months after ART start"),
  /** In care 6 weeks after birth. */
  RETENTION_6W_AFTER_BIRTH(Anchor.BIRTH, Period.ofWeeks(6), "retention 6 weeks after birth"),
  /** In care 6 weeks after breastfeeding stops (breastfed pairs). */
  RETENTION_6W_AFTER_BREASTFEEDING(Anchor.END_OF_BREASTFEEDING, Period.ofWeeks(6),
      "retention 6 weeks after cessation of breastfeeding"),
  /** In care 18 months after birth. */
  RETENTION_18M_AFTER_BIRTH(Anchor.BIRTH, Period.ofMonths(18), "retention 18 months after birth"),
  /** Viral load below 50 six months after birth, among mothers in care on ART. */
  VL_BELOW_50_6M_AFTER_BIRTH(Anchor.BIRTH, Period.ofMonths(6), "VL < 50 six months after birth (in care, on ART)"),
  /** Exposed infants with a first NAT sampled by 60 days (the whole simulation). */
  NAT_BY_2_MONTHS(null, null, "EID: first NAT by 2 months"),
  /** Exposed infants infected at final status, out of every exposed infant (the whole simulation). */
  TRANSMISSION_AT_FINAL(null, null, "transmission at final status"),
  /**
   * Exposed infants diagnosed HIV-positive, out of those whose final status the programme reached
   * (positive or negative; infants lost, dead or untested at the final age left out): what a programme
   * reports from its final tests (transmission.md H1-H2). The whole simulation.
   */
  TRANSMISSION_AMONG_FINAL_STATUS_KNOWN(null, null, "transmission among infants with a final status");

  private final @Nullable Anchor anchor;
  private final @Nullable Period after;
  private final String title;

  Measure(@Nullable Anchor anchor, @Nullable Period after, String title) {
    this.anchor = anchor;
    this.after = after;
    this.title = title;
  }

  /** Where a probe counts from; empty for a measure of the whole simulation. */
  public Optional<Anchor> anchor() {
    return Optional.ofNullable(anchor);
  }

  /** How long after the anchor; empty for a measure of the whole simulation. */
  public Optional<Period> after() {
    return Optional.ofNullable(after);
  }

  /** Whether the measure needs the whole simulation (the engine), not just the pairs' plans. */
  public boolean simulated() {
    return anchor == null;
  }

  /** Whether the measure is a retention (so a hazard ratio can be implied from two arms). */
  public boolean retention() {
    return name().startsWith("RETENTION");
  }

  /** A short description. */
  public String title() {
    return title;
  }
}
