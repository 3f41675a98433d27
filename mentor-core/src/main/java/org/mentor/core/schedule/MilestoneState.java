package org.mentor.core.schedule;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A milestone's state on the evaluation date (shared/clinical/README.md, milestone states). */
@API(status = STABLE, since = "0.1")
public enum MilestoneState {
  /** Today is before the window opens. */
  UPCOMING,
  /** The window is open and the due date not passed. */
  DUE,
  /** Past the due date, by less than the overdue interval. */
  LATE,
  /** Past the due date by the overdue interval (the DAK's 28 days) or more. */
  OVERDUE,
  /** A qualifying event dated within the window. */
  DONE,
  /** Closed unmet: the next milestone's window opened, or a final negative status was reached. */
  MISSED,
  /** No longer applicable, with a reason. */
  CANCELLED;

  /** Whether someone should act on it now. */
  public boolean isActionable() {
    return this == DUE || this == LATE || this == OVERDUE;
  }
}
