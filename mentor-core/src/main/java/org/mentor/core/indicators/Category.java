package org.mentor.core.indicators;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A disaggregation category (a MeasureReport stratum), each in one {@link Dimension}; numerator counts are split by them. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Category {
  /** Knew she was HIV-positive before ANC1 (or enrolled positive with no test on the ANC1 date). */
  KNOWN_POSITIVE(Dimension.STATUS_AT_ANC1),
  /** Tested HIV-positive on the ANC1 date. */
  NEWLY_TESTED_POSITIVE(Dimension.STATUS_AT_ANC1),
  /** Tested HIV-negative on the ANC1 date (or enrolled negative). */
  NEWLY_TESTED_NEGATIVE(Dimension.STATUS_AT_ANC1),

  /** MER: ART started before the pregnancy began (before the dated LMP). */
  ALREADY_ON_ART(Dimension.ART_TIMING),
  /** MER: ART started during the current pregnancy. */
  NEW_ON_ART(Dimension.ART_TIMING),
  /** WHO: on ART before the first antenatal visit. */
  ON_ART_BEFORE_ANC1(Dimension.ART_TIMING),
  /** WHO: ART started from ANC1 up to the day before delivery. */
  STARTED_IN_PREGNANCY(Dimension.ART_TIMING),
  /** WHO: ART started on the delivery date (labour and delivery). */
  STARTED_AT_DELIVERY(Dimension.ART_TIMING),

  /** MER (K3): sample on or before birth + 2 calendar months. */
  AGE_0_TO_2_MONTHS(Dimension.INFANT_AGE_AT_SAMPLE),
  /** MER (K3): sample after birth + 2 months, on or before birth + 12 months. */
  AGE_2_TO_12_MONTHS(Dimension.INFANT_AGE_AT_SAMPLE),
  /** WHO VER.2: sample before birth + 2 calendar months. */
  AGE_UNDER_2_MONTHS(Dimension.INFANT_AGE_AT_SAMPLE),
  /** WHO VER.2: sample from birth + 2 months, on or before birth + 12 months. */
  AGE_2_MONTHS_TO_12_MONTHS(Dimension.INFANT_AGE_AT_SAMPLE),

  /** An infant ART start recorded by the data cut-off. */
  STARTED_ART(Dimension.INFANT_ART),
  /** No infant ART start recorded by the data cut-off. */
  NOT_STARTED_ART(Dimension.INFANT_ART),

  /** F2: confirmed HIV-positive. */
  HIV_INFECTED(Dimension.FINAL_OUTCOME),
  /** F3: HIV-negative, no longer breastfeeding. */
  HIV_UNINFECTED(Dimension.FINAL_OUTCOME),
  /** F5, F6, F7: lost to follow-up, transferred out, or not tested by the final-test age. */
  HIV_FINAL_STATUS_UNKNOWN(Dimension.FINAL_OUTCOME),
  /** F4: died without a known HIV-positive status. */
  DIED_WITHOUT_STATUS_KNOWN(Dimension.FINAL_OUTCOME),

  /** First NAT positive. */
  NAT_POSITIVE(Dimension.FIRST_NAT_RESULT),
  /** First NAT negative. */
  NAT_NEGATIVE(Dimension.FIRST_NAT_RESULT),
  /** First NAT indeterminate. */
  NAT_INDETERMINATE(Dimension.FIRST_NAT_RESULT),
  /** First NAT result not returned by the data cut-off. */
  NAT_PENDING(Dimension.FIRST_NAT_RESULT),

  /** Nevirapine. */
  NVP(Dimension.PROPHYLAXIS_REGIMEN),
  /** Zidovudine. */
  AZT(Dimension.PROPHYLAXIS_REGIMEN),
  /** Zidovudine and nevirapine. */
  AZT_NVP(Dimension.PROPHYLAXIS_REGIMEN),
  /** A three-drug regimen. */
  THREE_DRUG(Dimension.PROPHYLAXIS_REGIMEN);

  private final Dimension dimension;

  Category(Dimension dimension) {
    this.dimension = dimension;
  }

  /** The dimension this category belongs to. */
  public Dimension dimension() {
    return dimension;
  }
}
