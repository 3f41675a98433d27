package org.mentor.core.protocol;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The closed list of dates a milestone rule can count from (DESIGN.md §3). A gestational week N
 * is {@code LMP} with offset {@code PnW} (LMP + 7N days). Anchors whose names start with
 * {@code EACH_} are families: one occurrence of the milestone per date, each ending at the next
 * (so a schedule "every 6 months from the last sample" re-anchors on every sample).
 */
@API(status = STABLE, since = "0.1")
public enum Anchor {
  /** First day of the last menstrual period (from the EDD when one is given). */
  LMP,
  /** Estimated date of delivery (LMP + 280 days). */
  EDD,
  /** The first antenatal visit: the enrolment date. */
  FIRST_ANC,
  /** The mother's first ART start. */
  ART_START,
  /** The mother's diagnosis. */
  DIAGNOSIS,
  /** The delivery. */
  DELIVERY,
  /** The infant's birth (the delivery date). */
  BIRTH,
  /** The day the infant's exposure was known: the birth, or the mother's diagnosis if later. */
  INFANT_REGISTRATION,
  /** The day breastfeeding ended. */
  BREASTFEEDING_END,
  /** The planned end of the infant's prophylaxis course (the {@code Prophylaxis} strategy's date). */
  PROPHYLAXIS_END,
  /** The day the infant was first known to be high risk (its risk assessment's date). */
  HIGH_RISK_IDENTIFIED,
  /** As {@code HIGH_RISK_IDENTIFIED}, when that day is after the birth (found high risk while breastfeeding). */
  HIGH_RISK_IDENTIFIED_AFTER_BIRTH,
  /** The return date of the infant's first positive result (E1). */
  POSITIVE_RESULT,
  /** The return date of the infant's latest indeterminate result (E6). */
  INDETERMINATE_RESULT,
  /** Each maternal viral-load sample from the last one on or before delivery (or the delivery when none). */
  EACH_VL_SAMPLE_FROM_DELIVERY,
  /**
   * Each maternal viral-load sample whose result was at or above the suppression threshold; an
   * occurrence ends at the next sample of any result (follow-ups derive from the latest result only).
   */
  EACH_ELEVATED_VL_SAMPLE,
  /** Each maternal viral-load sample (or, before any, the ART start). */
  EACH_VL_SAMPLE,
  /** The delivery, then each maternal HIV test after it. */
  EACH_HIV_TEST_FROM_DELIVERY;

  /** Whether the anchor is a family with one occurrence per date. */
  public boolean isFamily() {
    return name().startsWith("EACH_");
  }
}
