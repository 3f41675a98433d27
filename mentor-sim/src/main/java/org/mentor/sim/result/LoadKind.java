package org.mentor.sim.result;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a district staffs and stocks, counted per calendar month. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum LoadKind {
  /** Clinic contacts: booking, booked visits, deliveries, returns after a loss. */
  CLINIC_VISITS,
  /** Milestones falling due in the month (every protocol milestone not cancelled). */
  DUE_ITEMS,
  /** Infant NAT (PCR) samples. */
  NAT_TESTS,
  /** Infant antibody tests. */
  ANTIBODY_TESTS,
  /** Maternal viral-load samples. */
  VIRAL_LOADS,
  /** Mentor home visits and tracing attempts. */
  MENTOR_CONTACTS
}
