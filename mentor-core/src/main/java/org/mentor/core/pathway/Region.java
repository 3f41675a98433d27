package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The orthogonal regions of the pathway's state machine. Each region is in exactly one state at a
 * time; the case's state is the tuple of its regions' states (one {@code INFANT} region per
 * live-born infant).
 */
@API(status = STABLE, since = "0.1")
public enum Region {
  /** Where the case is: antenatal, postnatal, infant follow-up, closed. */
  PHASE(Phase.class),
  /** The mother's diagnosis and ART start. */
  MATERNAL_ART(ArtStatus.class),
  /** The mother's viral load and what follows an elevated result. */
  VIRAL_LOAD(ViralLoadStatus.class),
  /** The mother's adherence by her latest pill count. */
  ADHERENCE(AdherenceBand.class),
  /** Whether the mother (with her infants) is in care. */
  RETENTION(Retention.class),
  /** One infant's HIV status, up to its final outcome. */
  INFANT(InfantStatus.class);

  private final Class<? extends Enum<? extends PathwayState>> states;

  Region(Class<? extends Enum<? extends PathwayState>> states) {
    this.states = states;
  }

  /** The enum of the region's states. */
  public Class<? extends Enum<? extends PathwayState>> states() {
    return states;
  }
}
