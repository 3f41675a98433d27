package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** One infant's HIV status, up to its final outcome (infant.md §3d, §5). */
@API(status = STABLE, since = "0.1")
public enum InfantStatus implements PathwayState {
  /** HIV-exposed, status not yet final. */
  EXPOSED("HIV-exposed, status not yet final."),
  /** An indeterminate result: new sample needed (E6). */
  INCONCLUSIVE("An indeterminate result: new sample needed (E6)."),
  /** A positive NAT awaiting confirmation on a second sample (E1). */
  PRESUMPTIVE_POSITIVE("A positive NAT awaiting confirmation on a second sample (E1)."),
  /** Confirmed positive (E2, F2). */
  HIV_POSITIVE("Confirmed positive (E2, F2)."),
  /** Final negative: tested at or after the final-test age and long enough after breastfeeding ended (F1, F3). */
  HIV_NEGATIVE("Final negative: tested at or after the final-test age and long enough after breastfeeding ended (F1, F3)."),
  /** The pair is in interruption of care without a final status (F5); reversible. */
  LOST_TO_FOLLOW_UP("The pair is in interruption of care without a final status (F5); reversible."),
  /** Transferred out without a final status (F6). */
  TRANSFERRED_OUT("Transferred out without a final status (F6)."),
  /** Died without an HIV-positive diagnosis (F4). */
  DIED("Died without an HIV-positive diagnosis (F4).");

  private final String meaning;

  InfantStatus(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public Region region() {
    return Region.INFANT;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
