package org.mentor.core.schedule;

import org.mentor.core.protocol.Anchor;
import org.mentor.core.protocol.Condition;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.MilestoneRule.CancelReason;
import org.mentor.core.protocol.MilestoneRule.Closing;
import org.mentor.core.protocol.Term;

/**
 * Which parts of a case a milestone rule reads, as bits: what {@link Scheduler} and
 * {@link CaseAnchors} look at when they plan the rule's occurrences. A rule whose parts did not
 * change between two versions of a case plans the same occurrences in both ({@link Plan#replan}).
 * The mother's parts are one set of bits; an infant's rule also reads parts of its own infant
 * (another set, judged per infant), and a mother's rule that asks whether she breastfeeds reads
 * every infant's feeding.
 */
final class Reads {
  /** The enrolment (LMP, first visit) and the case's protocol. */
  static final int ENROLMENT = 1;
  static final int DELIVERY = 1 << 1;
  static final int HIV_TESTS = 1 << 2;
  static final int ART_STARTS = 1 << 3;
  static final int VIRAL_LOADS = 1 << 4;
  static final int DEATH = 1 << 5;
  /** Her diagnosis date, as evaluated. */
  static final int DIAGNOSIS = 1 << 6;
  /** Her transfer out, as evaluated. */
  static final int TRANSFER = 1 << 7;

  // An infant's parts, judged per infant (bits apart from the mother's, so the two never mix up).
  /** Its birth (and so its birth date). */
  static final int INFANT_BIRTH = 1 << 8;
  static final int INFANT_TESTS = 1 << 9;
  static final int INFANT_FEEDING = 1 << 10;
  /** A status that ends its milestones (positive, negative, died, transferred out) and its date. */
  static final int INFANT_ENDING_STATUS = 1 << 11;
  /** Its risk class and the day it became high. */
  static final int INFANT_RISK = 1 << 12;
  /** The planned end of its prophylaxis. */
  static final int INFANT_PROPHYLAXIS_END = 1 << 13;
  /** Every part of an infant: what a newly born infant changes. */
  static final int INFANT_ALL = INFANT_BIRTH | INFANT_TESTS | INFANT_FEEDING | INFANT_ENDING_STATUS | INFANT_RISK
      | INFANT_PROPHYLAXIS_END;

  private Reads() {}

  /** An infant's parts an infant's rule reads (none for a mother's rule). */
  static int ofInfant(MilestoneRule rule) {
    if (rule.subject() != MilestoneRule.Subject.INFANT) {
      return 0;
    }
    // Every infant occurrence counts from a birth and ends with a final status (cancellation, final negative).
    int reads = INFANT_BIRTH | INFANT_ENDING_STATUS | ofInfant(rule.anchor());
    for (Term term : rule.due().terms()) {
      reads |= ofInfant(term.anchor());
    }
    if (rule.windowOpens().isPresent()) {
      reads |= ofInfant(rule.windowOpens().get().anchor());
    }
    if (rule.closes() instanceof Closing.At at) {
      reads |= ofInfant(at.term().anchor());
    }
    Condition when = rule.appliesWhen();
    if (when.breastfeeding().isPresent() || when.everBreastfed().isPresent()) {
      reads |= INFANT_FEEDING;
    }
    if (when.highRisk().isPresent()) {
      reads |= INFANT_RISK;
    }
    return reads;
  }

  private static int ofInfant(Anchor anchor) {
    return switch (anchor) {
      case BIRTH, INFANT_REGISTRATION -> INFANT_BIRTH;
      case BREASTFEEDING_END -> INFANT_FEEDING;
      case PROPHYLAXIS_END -> INFANT_PROPHYLAXIS_END;
      case HIGH_RISK_IDENTIFIED, HIGH_RISK_IDENTIFIED_AFTER_BIRTH -> INFANT_RISK;
      case POSITIVE_RESULT, INDETERMINATE_RESULT -> INFANT_TESTS;
      case LMP, EDD, FIRST_ANC, ART_START, DIAGNOSIS, DELIVERY, EACH_VL_SAMPLE, EACH_ELEVATED_VL_SAMPLE,
          EACH_VL_SAMPLE_FROM_DELIVERY, EACH_HIV_TEST_FROM_DELIVERY -> 0;
    };
  }

  /** The mother's parts a rule reads (these bits are the mother's; {@link #ofInfant} gives an infant's). */
  static int of(MilestoneRule rule) {
    return of(rule.anchor()) | besidesAnchor(rule);
  }

  /**
   * The mother's parts a rule reads other than through its own anchor's dates: each of its
   * occurrences reads its own anchor date (and, for a family, the next date, which ends it) and
   * these. A term counted from the rule's own anchor reads the occurrence's date.
   */
  static int besidesAnchor(MilestoneRule rule) {
    boolean infant = rule.subject() == MilestoneRule.Subject.INFANT;
    Anchor own = rule.anchor();
    int reads = 0;
    for (Term term : rule.due().terms()) {
      reads |= term.anchor() == own ? 0 : of(term.anchor());
    }
    if (rule.windowOpens().isPresent() && rule.windowOpens().get().anchor() != own) {
      reads |= of(rule.windowOpens().get().anchor());
    }
    if (rule.closes() instanceof Closing.At at && at.term().anchor() != own) {
      reads |= of(at.term().anchor());
    }
    if (infant) {
      reads |= DIAGNOSIS; // an infant is known from the later of birth and her diagnosis
    }
    Condition when = rule.appliesWhen();
    if (when.maternalStatusPositive().isPresent()) {
      reads |= DIAGNOSIS;
    }
    if (when.onArtAtEnrolment().isPresent() || when.artStartedInEpisode().isPresent()
        || when.artStartedBeforeGestationalWeek().isPresent()) {
      reads |= ART_STARTS | ENROLMENT;
    }
    if (when.delivered().isPresent()) {
      reads |= DELIVERY;
    }
    for (CancelReason reason : rule.cancelledBy()) {
      reads |= switch (reason) {
        case DIED -> infant ? 0 : DEATH;
        case TRANSFERRED_OUT -> infant ? 0 : TRANSFER;
        case SUPERSEDED_AT_DELIVERY -> DELIVERY;
        case CONFIRMED_POSITIVE, SUPERSEDED -> 0;
      };
    }
    return reads;
  }

  /** Whether a mother's rule asks about her infants' feeding (any infant's). */
  static boolean readsEveryInfant(MilestoneRule rule) {
    Condition when = rule.appliesWhen();
    return rule.subject() != MilestoneRule.Subject.INFANT
        && (when.breastfeeding().isPresent() || when.everBreastfed().isPresent());
  }

  /** The mother's parts an anchor's date comes from (an infant's own anchors read only that infant). */
  private static int of(Anchor anchor) {
    return switch (anchor) {
      case LMP, EDD, FIRST_ANC -> ENROLMENT;
      case ART_START -> ART_STARTS;
      case DIAGNOSIS, INFANT_REGISTRATION -> DIAGNOSIS;
      case DELIVERY -> DELIVERY;
      case EACH_VL_SAMPLE, EACH_ELEVATED_VL_SAMPLE -> VIRAL_LOADS;
      case EACH_VL_SAMPLE_FROM_DELIVERY -> VIRAL_LOADS | DELIVERY;
      case EACH_HIV_TEST_FROM_DELIVERY -> HIV_TESTS | DELIVERY;
      case BIRTH, BREASTFEEDING_END, PROPHYLAXIS_END, HIGH_RISK_IDENTIFIED, HIGH_RISK_IDENTIFIED_AFTER_BIRTH,
          POSITIVE_RESULT, INDETERMINATE_RESULT -> 0;
    };
  }
}
