package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Where a case is on the pathway. */
@API(status = STABLE, since = "0.1")
public enum Phase implements PathwayState {
  /** Pregnant, enrolled in antenatal care. */
  ANTENATAL("Pregnant, enrolled in antenatal care."),
  /** Delivered; in the postnatal period. */
  POSTNATAL("Delivered; in the postnatal period."),
  /** Following the HIV-exposed infants until their final status. */
  INFANT_FOLLOW_UP("Following the HIV-exposed infants until their final status."),
  /** Every infant has a final outcome, or the pregnancy ended without a live birth, or the mother died or left before delivery. */
  CLOSED("Every infant has a final outcome, or the pregnancy ended without a live birth, or the mother died or left before delivery.");

  private final String meaning;

  Phase(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public Region region() {
    return Region.PHASE;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
