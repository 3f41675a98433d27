package org.mentor.core.indicators;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The published indicator set a definition comes from (indicators.md, K9). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DefinitionSet {
  /** PEPFAR Monitoring, Evaluation and Reporting indicators, version 2.6.1 (FY2023). */
  MER_2_6_1("PEPFAR MER 2.6.1"),
  /** WHO Consolidated guidelines on person-centred HIV strategic information, 2022 (DAK 2023 Web Annex C). */
  WHO_2022("WHO 2022 SI");

  private final String title;

  DefinitionSet(String title) {
    this.title = title;
  }

  /** The set's name as reports print it. */
  public String title() {
    return title;
  }
}
