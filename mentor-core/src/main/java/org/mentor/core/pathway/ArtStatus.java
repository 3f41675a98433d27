package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The mother's diagnosis and ART start (maternal.md §2). */
@API(status = STABLE, since = "0.1")
public enum ArtStatus implements PathwayState {
  /** Not known to be living with HIV (negative or untested). */
  NOT_KNOWN_POSITIVE("Not known to be living with HIV (negative or untested)."),
  /** Diagnosed; ART start due (rapid start, M2.1). */
  ART_START_DUE("Diagnosed; ART start due (rapid start, M2.1)."),
  /** Diagnosed more than the rapid-start limit ago without an ART start (M2.3). */
  ART_START_LATE("Diagnosed more than the rapid-start limit ago without an ART start (M2.3)."),
  /** ART started. */
  ON_ART("ART started.");

  private final String meaning;

  ArtStatus(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public Region region() {
    return Region.MATERNAL_ART;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
