package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Closed vocabularies used by the events. Each is a small enum so a new value breaks the build where it is handled. */
@API(status = STABLE, since = "0.1")
public final class Codes {
  private Codes() {}

  /** A person's HIV status as known at a point in time. */
  public enum HivStatus {
    POSITIVE,
    NEGATIVE,
    UNKNOWN
  }

  /** The result of a maternal HIV test by the national algorithm (maternal.md M1.5). */
  public enum HivTestResult {
    POSITIVE,
    NEGATIVE,
    INCONCLUSIVE
  }

  /** How a contact happened. */
  public enum ContactMode {
    HOME,
    CLINIC,
    PHONE,
    SMS
  }

  /** Why a regimen was changed. */
  public enum RegimenChangeReason {
    TREATMENT_FAILURE,
    TOXICITY,
    STOCK_OUT,
    OPTIMISATION,
    OTHER
  }

  /** Routine adherence counselling, or enhanced adherence counselling after a high viral load. */
  public enum CounsellingKind {
    ROUTINE,
    ENHANCED
  }

  /** What an appointment is for. */
  public enum AppointmentPurpose {
    ANTENATAL,
    ART_REFILL,
    CLINICAL_REVIEW,
    POSTNATAL,
    INFANT_FOLLOW_UP
  }

  /** The outcome of a tracing attempt (WHO DAK Annex A HIV.H.DE1–32; maternal.md R5). */
  public enum TracingOutcome {
    REACHED_WILL_RETURN,
    NOT_REACHED,
    NOT_LOCATED,
    SELF_TRANSFERRED,
    HOSPITALISED,
    REFUSED_TO_RETURN,
    DIED_REPORTED,
    MOVED_AWAY
  }

  /** Infant antiretroviral prophylaxis regimens (infant.md §2). */
  public enum ProphylaxisRegimen {
    NVP,
    AZT,
    AZT_NVP,
    THREE_DRUG
  }

  /** Infant HIV test types: nucleic-acid (NAT/PCR) or antibody (rapid test). */
  public enum InfantTestType {
    NAT,
    ANTIBODY
  }

  /** Infant HIV test results; {@code PENDING} is a sample taken whose result has not returned. */
  public enum InfantTestResult {
    POSITIVE,
    NEGATIVE,
    INDETERMINATE,
    PENDING
  }

  /** How an infant is fed; {@code BREASTFEEDING_STOPPED} is dated on the day breastfeeding ended. */
  public enum FeedingMode {
    EXCLUSIVE_BREASTFEEDING,
    MIXED_FEEDING,
    REPLACEMENT_FEEDING,
    BREASTFEEDING_STOPPED;

    /** Whether the infant receives breast milk in this mode. */
    public boolean isBreastfeeding() {
      return this == EXCLUSIVE_BREASTFEEDING || this == MIXED_FEEDING;
    }
  }
}
