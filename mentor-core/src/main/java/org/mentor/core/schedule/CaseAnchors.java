package org.mentor.core.schedule;

import org.mentor.core.internal.InternedDates;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.Anchor;

/**
 * The dates a case's milestone rules count from, as known on the evaluation date: each
 * {@link Anchor}'s date for the mother or an infant, and each family's dates (one occurrence per
 * date). The case-wide ones are read once; the families are listed on first use. Confined to one
 * schedule computation.
 */
final class CaseAnchors {
  static final LocalDate[] NONE = new LocalDate[0];

  private final Facts facts;
  private final int suppressedBelow;
  final LocalDate asOf;
  final @Nullable LocalDate lmp;
  /** The enrolment date, even after the evaluation date (conditions read it so). */
  final @Nullable LocalDate enrolledOn;
  /** The delivery, if on or before the evaluation date. */
  final @Nullable LocalDate delivery;
  /** The mother's first ART start on or before the evaluation date. */
  final @Nullable LocalDate artStart;
  final @Nullable LocalDate diagnosedOn;

  private @Nullable LocalDate edd;
  private LocalDate @Nullable [] vlSamples;
  private LocalDate @Nullable [] vlSamplesFromDelivery;
  private LocalDate @Nullable [] elevatedSamples;
  private LocalDate @Nullable [] hivTestsFromDelivery;

  CaseAnchors(Facts facts, CaseState state, int suppressedBelow) {
    this.facts = facts;
    this.suppressedBelow = suppressedBelow;
    this.asOf = state.asOf();
    Enrolled enrolment = facts.enrolment().orElse(null);
    this.lmp = enrolment == null ? null : enrolment.datedLmp().orElse(null);
    this.enrolledOn = enrolment == null ? null : enrolment.occurredOn();
    Delivered delivered = facts.delivery().orElse(null);
    this.delivery = delivered == null || delivered.occurredOn().isAfter(asOf) ? null : delivered.occurredOn();
    LocalDate art = null;
    for (ArtStarted start : facts.mother().artStarts()) { // newest first: the last match is the earliest
      if (!start.occurredOn().isAfter(asOf)) {
        art = start.occurredOn();
      }
    }
    this.artStart = art;
    this.diagnosedOn = state.mother().diagnosedOn().orElse(null);
  }

  /** A plain anchor's date for the mother (no infant) or an infant, if known on the evaluation date. */
  @Nullable LocalDate date(Anchor anchor, @Nullable InfantFacts infant, @Nullable InfantState infantState) {
    return switch (anchor) {
      case LMP -> lmp;
      case EDD -> edd();
      case FIRST_ANC -> enrolledOn == null || enrolledOn.isAfter(asOf) ? null : enrolledOn;
      case ART_START -> artStart;
      case DIAGNOSIS -> diagnosedOn;
      case DELIVERY -> delivery;
      case BIRTH -> infant == null ? null : infant.bornOn();
      case INFANT_REGISTRATION -> infant == null ? null : registration(infant);
      case BREASTFEEDING_END -> infant == null ? null : infant.breastfeedingEndedBy(asOf).orElse(null);
      case PROPHYLAXIS_END -> infantState == null ? null : infantState.prophylaxis().plannedStopOn().orElse(null);
      case HIGH_RISK_IDENTIFIED -> infantState == null ? null : infantState.risk().highRiskSince().orElse(null);
      case HIGH_RISK_IDENTIFIED_AFTER_BIRTH -> {
        LocalDate since = infantState == null ? null : infantState.risk().highRiskSince().orElse(null);
        yield since != null && infant != null && since.isAfter(infant.bornOn()) ? since : null;
      }
      case POSITIVE_RESULT -> infant == null ? null : returned(infant, InfantTestResult.POSITIVE, true);
      case INDETERMINATE_RESULT -> infant == null ? null : returned(infant, InfantTestResult.INDETERMINATE, false);
      case EACH_VL_SAMPLE_FROM_DELIVERY, EACH_ELEVATED_VL_SAMPLE, EACH_VL_SAMPLE, EACH_HIV_TEST_FROM_DELIVERY -> {
        LocalDate[] dates = family(anchor);
        yield dates.length == 0 ? null : dates[dates.length - 1]; // a family read as one date: its latest
      }
    };
  }

  /** A family anchor's dates, oldest first. */
  LocalDate[] family(Anchor anchor) {
    return switch (anchor) {
      case EACH_VL_SAMPLE -> vlSamples();
      case EACH_VL_SAMPLE_FROM_DELIVERY -> vlSamplesFromDelivery();
      case EACH_ELEVATED_VL_SAMPLE -> elevatedSamples();
      case EACH_HIV_TEST_FROM_DELIVERY -> hivTestsFromDelivery();
      default -> throw new IllegalArgumentException(anchor.name() + " is not a family");
    };
  }

  /** The date after a family's i-th that ends its occurrence, if any. */
  @Nullable LocalDate next(Anchor anchor, LocalDate[] dates, int i) {
    if (anchor == Anchor.EACH_ELEVATED_VL_SAMPLE) {
      // Follow-ups derive from the latest result only: the next sample of any result ends this one.
      for (LocalDate sample : vlSamples()) {
        if (sample.isAfter(dates[i])) {
          return sample;
        }
      }
      return null;
    }
    return i + 1 < dates.length ? dates[i + 1] : null;
  }

  /** The day the infant's exposure was known: the birth, or the mother's later diagnosis. */
  LocalDate registration(InfantFacts infant) {
    return diagnosedOn != null && diagnosedOn.isAfter(infant.bornOn()) ? diagnosedOn : infant.bornOn();
  }

  private @Nullable LocalDate edd() {
    if (edd == null && lmp != null) {
      edd = InternedDates.plusDays(lmp, 280);
    }
    return edd;
  }

  /** The return date of the infant's first (or latest) test with that result returned by the evaluation date. */
  private @Nullable LocalDate returned(InfantFacts infant, InfantTestResult result, boolean first) {
    LocalDate found = null;
    for (InfantHivTested test : infant.tests()) { // newest first
      LocalDate returned = test.resultDate().orElse(null);
      if (test.result() == result && returned != null && !returned.isAfter(asOf)) {
        found = returned;
        if (!first) {
          break;
        }
      }
    }
    return found;
  }

  /** Distinct maternal viral-load sample dates on or before the evaluation date, in result order. */
  private LocalDate[] vlSamples() {
    if (vlSamples == null) {
      // Her history is newest first: count, then fill from the end (a run of equal dates keeps one).
      int n = 0;
      LocalDate previous = null;
      for (ViralLoadResulted vl : facts.mother().viralLoads()) {
        if (!vl.sampleDate().isAfter(asOf) && !vl.sampleDate().equals(previous)) {
          n++;
          previous = vl.sampleDate();
        }
      }
      LocalDate[] dates = n == 0 ? NONE : new LocalDate[n];
      previous = null;
      for (ViralLoadResulted vl : facts.mother().viralLoads()) {
        if (!vl.sampleDate().isAfter(asOf) && !vl.sampleDate().equals(previous)) {
          dates[--n] = vl.sampleDate();
          previous = vl.sampleDate();
        }
      }
      vlSamples = dates;
    }
    return vlSamples;
  }

  /** The last sample on or before delivery (or the delivery when none), then each sample after it. */
  private LocalDate[] vlSamplesFromDelivery() {
    if (vlSamplesFromDelivery == null) {
      LocalDate delivered = delivery;
      if (delivered == null) {
        vlSamplesFromDelivery = NONE;
      } else {
        LocalDate[] samples = vlSamples();
        int after = 0;
        for (LocalDate sample : samples) {
          after += sample.isAfter(delivered) ? 1 : 0;
        }
        LocalDate[] dates = new LocalDate[1 + after];
        dates[0] = delivered;
        int n = 1;
        for (LocalDate sample : samples) {
          if (sample.isAfter(delivered)) {
            dates[n++] = sample;
          } else {
            dates[0] = sample; // the last one on or before delivery, in result order
          }
        }
        vlSamplesFromDelivery = dates;
      }
    }
    return vlSamplesFromDelivery;
  }

  /** The sample dates of results at or above the suppression threshold returned by the evaluation date. */
  private LocalDate[] elevatedSamples() {
    if (elevatedSamples == null) {
      int n = 0;
      for (ViralLoadResulted vl : facts.mother().viralLoads()) {
        if (elevated(vl)) {
          n++;
        }
      }
      LocalDate[] dates = n == 0 ? NONE : new LocalDate[n];
      for (ViralLoadResulted vl : facts.mother().viralLoads()) { // newest first: filled from the end
        if (elevated(vl)) {
          dates[--n] = vl.sampleDate();
        }
      }
      elevatedSamples = dates;
    }
    return elevatedSamples;
  }

  private boolean elevated(ViralLoadResulted vl) {
    return !vl.resultDate().isAfter(asOf) && !vl.result().isBelow(suppressedBelow);
  }

  /** The delivery, then each maternal HIV test after it on or before the evaluation date. */
  private LocalDate[] hivTestsFromDelivery() {
    if (hivTestsFromDelivery == null) {
      LocalDate delivered = delivery;
      if (delivered == null) {
        hivTestsFromDelivery = NONE;
      } else {
        int n = 1;
        for (MaternalHivTested test : facts.mother().hivTests()) {
          if (test.occurredOn().isAfter(delivered) && !test.occurredOn().isAfter(asOf)) {
            n++;
          }
        }
        LocalDate[] dates = new LocalDate[n];
        dates[0] = delivered;
        for (MaternalHivTested test : facts.mother().hivTests()) { // newest first: filled from the end
          if (test.occurredOn().isAfter(delivered) && !test.occurredOn().isAfter(asOf)) {
            dates[--n] = test.occurredOn();
          }
        }
        hivTestsFromDelivery = dates;
      }
    }
    return hivTestsFromDelivery;
  }
}
