package org.mentor.core.registry;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The gap lists programme managers ask for (KenyaEMR's "clinical action" lists), each a question
 * about the cases in a scope on a day.
 */
@API(status = STABLE, since = "0.1")
public enum Gap {
  /** Infants 6 to 8 weeks old (42–56 days) with no NAT result returned. */
  INFANT_6_TO_8_WEEKS_NO_NAT_RESULT,
  /** Infants past 24 months of age with no final HIV status (positive, negative, died, transferred out). */
  INFANT_PAST_24_MONTHS_NO_FINAL_STATUS,
  /** Mothers whose latest viral load is unsuppressed, returned 14 days ago or more, with no adherence counselling since. */
  UNSUPPRESSED_NO_COUNSELLING_IN_2_WEEKS,
  /** Mothers with a viral-load milestone past its due date (late or overdue). */
  VIRAL_LOAD_OVERDUE
}
