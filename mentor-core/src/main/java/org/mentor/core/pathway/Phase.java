package org.mentor.core.pathway;

/** Where a case is on the pathway. */
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
