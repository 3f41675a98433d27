package org.mentor.core.indicators;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A disaggregation dimension (a FHIR MeasureReport stratifier). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Dimension {
  /** The mother's HIV status at her first antenatal visit (PMTCT_STAT, K6). */
  STATUS_AT_ANC1("status_at_anc1"),
  /** When the mother's ART started relative to the pregnancy. */
  ART_TIMING("art_timing"),
  /** The infant's age on the sample date. */
  INFANT_AGE_AT_SAMPLE("infant_age_at_sample"),
  /** Whether an HIV-positive infant started ART (PMTCT_HEI_POS_ART). */
  INFANT_ART("infant_art"),
  /** The infant's final outcome (infant.md §5, F8 mapping). */
  FINAL_OUTCOME("final_outcome"),
  /** The result of the infant's first NAT. */
  FIRST_NAT_RESULT("first_nat_result"),
  /** The infant's prophylaxis regimen at its first start. */
  PROPHYLAXIS_REGIMEN("prophylaxis_regimen");

  private final String code;

  Dimension(String code) {
    this.code = code;
  }

  /** The dimension's stable code, as CSV and MeasureReport stratifiers show it. */
  public String code() {
    return code;
  }
}
