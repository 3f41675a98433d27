package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Whether the mother and her infants are in care (maternal.md §6). */
@API(status = STABLE, since = "0.1")
public enum Retention implements PathwayState {
  /** In care: no appointment missed. */
  IN_CARE("In care: no appointment missed."),
  /** Late: the appointment passed without a clinical contact (R4); tracing due (R6). */
  APPOINTMENT_MISSED("Late: the appointment passed without a clinical contact (R4); tracing due (R6)."),
  /** Interruption in treatment / lost to follow-up: the protocol's days since the missed appointment (R1-R3). */
  INTERRUPTED("Interruption in treatment / lost to follow-up: the protocol's days since the missed appointment (R1-R3)."),
  /** Reached by tracing after a missed appointment or an interruption, and said she would return (R5). */
  TRACED("Reached by tracing after a missed appointment or an interruption, and said she would return (R5)."),
  /** Back in care after an interruption (TX_RTT), until the next appointment is kept. */
  RETURNED("Back in care after an interruption (TX_RTT), until the next appointment is kept."),
  /** Transferred out to another facility. */
  TRANSFERRED_OUT("Transferred out to another facility."),
  /** Died. */
  DIED("Died.");

  private final String meaning;

  Retention(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public Region region() {
    return Region.RETENTION;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
