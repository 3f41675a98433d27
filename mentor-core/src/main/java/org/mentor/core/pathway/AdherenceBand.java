package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The mother's adherence by her latest pill count (maternal.md §5). */
@API(status = STABLE, since = "0.1")
public enum AdherenceBand implements PathwayState {
  /** No pill count yet. */
  UNKNOWN("No pill count yet."),
  /** Adherence at or above the good threshold (A2). */
  GOOD("Adherence at or above the good threshold (A2)."),
  /** Adherence at or above the fair threshold and below good (A2). */
  FAIR("Adherence at or above the fair threshold and below good (A2)."),
  /** Adherence below the fair threshold (A2). */
  POOR("Adherence below the fair threshold (A2)."),
  /** Adherence above the plausible maximum: check the count (A1). */
  CHECK_COUNT("Adherence above the plausible maximum: check the count (A1).");

  private final String meaning;

  AdherenceBand(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public Region region() {
    return Region.ADHERENCE;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
