package org.mentor.core.indicators;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What could not be computed for a counted unit from the data held, reported with a count rather
 * than guessed (indicators.md K9). A unit with a gap may still count (only a disaggregation is
 * missing) or may be left out of the numerator and denominator; {@link #excludes()} says which.
 * These are Mentor's indicator-specific reasons, not pathway rules.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Gap {
  /** Age disaggregations: Mentor's events hold no date of birth or age for the mother. */
  MATERNAL_AGE_NOT_HELD(false, "the mother's age is not held in Mentor's events, so age disaggregations are not computed"),
  /** PMTCT_STAT: in the denominator but not the numerator. */
  HIV_STATUS_NOT_ASCERTAINED_AT_ANC1(false,
      "no HIV test result on the ANC1 date and no positive or negative status at enrolment (a missing maternal test)"),
  /** PMTCT_ART: counted, but not split by ART timing. */
  PREGNANCY_NOT_DATED(false, "ART started before ANC1 but the pregnancy has no LMP, EDD or gestational age, so its timing is unknown"),
  /** WHO ART timing: counted, but not split by timing. */
  NO_ANTENATAL_VISIT(false, "ART started before delivery in a case enrolled at or after delivery, so its timing relative to ANC1 is unknown"),
  /** VER.1: left out of the numerator and denominator. */
  NO_VIRAL_LOAD_ON_DELIVERY_DATE(true, "no maternal viral-load sample dated on the delivery date (a missing maternal test)"),
  /** VER.1: left out of the numerator and denominator. */
  VIRAL_LOAD_RESULT_AFTER_CUT_OFF(true, "the viral load sampled on the delivery date was resulted after the data cut-off"),
  /** PMTCT_HEI_POS, VER.15: a first positive sample in the period still awaiting confirmation; not counted. */
  CONFIRMATION_PENDING(true, "a positive first sample in the period awaits a confirmatory result by the data cut-off"),
  /** VER.14: left out of the numerator and denominator. */
  RESULT_PENDING_WITHIN_4_WEEKS(true, "the NAT result is pending and 4 weeks have not passed since the sample by the data cut-off"),
  /** PMTCT_FO: counted as computed, but the outcome may be unknown only because feeding is not recorded. */
  FEEDING_NOT_RECORDED(false, "no feeding record: a negative test cannot be taken as final (infant.md F1), so the outcome may stay unknown"),
  /** PMTCT_FO: in the denominator but not the numerator. */
  NO_OUTCOME_BY_CUT_OFF(false, "no final outcome reached by the data cut-off");

  private final boolean excludes;
  private final String description;

  Gap(boolean excludes, String description) {
    this.excludes = excludes;
    this.description = description;
  }

  /** Whether the unit is left out of the numerator and the denominator because of it. */
  public boolean excludes() {
    return excludes;
  }

  /** What is missing, in words. */
  public String description() {
    return description;
  }
}
