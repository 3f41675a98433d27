package org.mentor.sim.result;

/** What a district staffs and stocks, counted per calendar month. */
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
