package org.mentor.sim.result;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a simulated arm uses that costs money, counted over each pair's follow-up in the programme
 * (from booking to the walk's end: the case closed with every infant's final outcome, or the
 * horizon). Days are whole days, so totals merge exactly. Priced by {@code org.mentor.sim.economics}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Resource {
  /** Days of mentor-mother support: the mother alive and in care, in an arm with mentor support (transmission.md C9). */
  MENTOR_CLIENT_DAYS,
  /** Mentor home visits and tracing attempts (paid for within the client-month cost; counted for staffing). */
  MENTOR_CONTACTS,
  /** Days the mother takes ART from booking: started, alive, not lost to follow-up (C12). */
  MATERNAL_ART_DAYS,
  /** Clinic contacts: booking, booked visits, deliveries, returns after a loss. */
  CLINIC_VISITS,
  /** Maternal viral-load samples (C11). */
  VIRAL_LOADS,
  /** Infant NAT (PCR) samples (C10). */
  NAT_TESTS,
  /** Infant antibody tests. */
  ANTIBODY_TESTS,
  /** Infant prophylaxis days on nevirapine alone (C14). */
  PROPHYLAXIS_NVP_DAYS,
  /** Infant prophylaxis days on zidovudine alone. */
  PROPHYLAXIS_AZT_DAYS,
  /** Infant prophylaxis days on zidovudine with nevirapine (C14). */
  PROPHYLAXIS_AZT_NVP_DAYS,
  /** Infant prophylaxis days on a three-drug regimen. */
  PROPHYLAXIS_THREE_DRUG_DAYS,
  /** Infant cotrimoxazole days, from its start while the pair is in care (C15). */
  INFANT_CTX_DAYS,
  /** Infant ART days within follow-up, while the pair is in care (C16; the lifetime cost is the child's treatment, C19). */
  INFANT_ART_DAYS
}
