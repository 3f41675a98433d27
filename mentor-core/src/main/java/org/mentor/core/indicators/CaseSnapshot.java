package org.mentor.core.indicators;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseRegistry;

/**
 * One case as the indicator rules read it: its facts (merged with the mother's other cases) and
 * its state as of the data cut-off, both as known at the report's instant, with the derived dates
 * the rules share. Nothing dated after the cut-off is read: the state already ignores it, and the
 * accessors here filter the facts the same way.
 *
 * <p>Every indicator's rule reads the same snapshot, so what several of them share (ANC1, the
 * delivery, the status at ANC1) is derived once, when the snapshot is made or first asked. The
 * state (a replay of the case, the costly part) is evaluated only when a rule first reads it: a
 * case with nothing dated in the period (ANC1, delivery, births, tests) needs none, such as a case
 * in a fiscal year after its follow-up. Used by one report's thread only.
 */
final class CaseSnapshot {
  final CaseId caseId;
  final Facts facts;
  final LocalDate evaluatedOn;
  private final CaseRegistry registry;
  private final @Nullable Instant knownAsOf;
  private final Optional<LocalDate> anc1;
  private final Optional<LocalDate> deliveredOn;
  // Derived on first use:
  private @Nullable CaseState state;
  private @Nullable Optional<Category> statusAtAnc1;
  private @Nullable ReportingPeriod sampledInChecked; // the period sampledIn answers for
  private boolean sampledIn;

  CaseSnapshot(CaseRegistry registry, CaseId caseId, Facts facts, LocalDate evaluatedOn, @Nullable Instant knownAsOf) {
    this.registry = requireNonNull(registry, "registry");
    this.caseId = requireNonNull(caseId, "caseId");
    this.facts = requireNonNull(facts, "facts");
    this.evaluatedOn = requireNonNull(evaluatedOn, "evaluatedOn");
    this.knownAsOf = knownAsOf;
    this.anc1 = anc1(facts, evaluatedOn);
    this.deliveredOn = deliveredOn(facts, evaluatedOn);
  }

  /** The case's state as of the cut-off, as known at the report's instant, evaluated on first use. */
  CaseState state() {
    if (state == null) {
      state = registry.state(caseId, evaluatedOn, knownAsOf);
    }
    return state;
  }

  /**
   * The protocol version the case is evaluated under: the registry evaluates a case with the
   * protocol its facts name (the same the state reports), so it is read without evaluating.
   */
  ProtocolRef protocol() {
    return facts.protocol().orElseThrow();
  }

  Enrolled enrolment() {
    return facts.enrolment().orElseThrow();
  }

  /**
   * The first antenatal visit: the enrolment date, unless the case was enrolled on or after its
   * delivery (a postnatal enrolment has no ANC1).
   */
  Optional<LocalDate> anc1() {
    return anc1;
  }

  private static Optional<LocalDate> anc1(Facts facts, LocalDate evaluatedOn) {
    LocalDate enrolled = facts.enrolment().orElseThrow().occurredOn();
    boolean postnatal = facts.delivery().map(d -> !d.occurredOn().isAfter(enrolled)).orElse(false);
    return postnatal || enrolled.isAfter(evaluatedOn) ? Optional.empty() : Optional.of(enrolled);
  }

  /** The delivery date, if delivered by the cut-off. */
  Optional<LocalDate> deliveredOn() {
    return deliveredOn;
  }

  private static Optional<LocalDate> deliveredOn(Facts facts, LocalDate evaluatedOn) {
    return facts.delivery().map(Delivered::occurredOn).filter(d -> !d.isAfter(evaluatedOn));
  }

  /** Whether the case delivered in a period (by the cut-off). */
  boolean deliveredIn(ReportingPeriod p) {
    return deliveredOn.isPresent() && p.contains(deliveredOn.get());
  }

  /**
   * Whether an infant was born in a period. The state's infants are the facts' infants with their
   * birth dates, so a rule asks this before it evaluates the state for infants born in a period.
   */
  boolean infantBornIn(ReportingPeriod p) {
    for (InfantFacts infant : facts.infants().values()) {
      if (p.contains(infant.bornOn())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an infant HIV test was sampled in a period. The state's tests are the facts' tests
   * sampled by the cut-off, so a rule asks this before it evaluates the state for tests in a period.
   */
  boolean infantSampledIn(ReportingPeriod p) {
    if (p != sampledInChecked) { // four rules ask, of the report's period
      sampledIn = anyInfantSampledIn(p);
      sampledInChecked = p;
    }
    return sampledIn;
  }

  private boolean anyInfantSampledIn(ReportingPeriod p) {
    for (InfantFacts infant : facts.infants().values()) {
      for (InfantHivTested test : infant.tests()) {
        if (p.contains(test.sampleDate())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the case's ANC1 falls in a period. */
  boolean anc1In(ReportingPeriod p) {
    return anc1.isPresent() && p.contains(anc1.get());
  }

  /** The mother's diagnosis date as the evaluation knows it on the cut-off. */
  Optional<LocalDate> diagnosedOn() {
    return state().mother().diagnosedOn();
  }

  /** The mother's first ART start by the cut-off. */
  Optional<LocalDate> firstArtStart() {
    return state().mother().artStartedOn();
  }

  /** Whether the mother was known HIV-positive on or before the delivery, once delivered by the cut-off. */
  boolean positiveByDelivery() {
    Optional<LocalDate> delivered = deliveredOn();
    Optional<LocalDate> diagnosed = diagnosedOn();
    return delivered.isPresent() && diagnosed.isPresent() && !diagnosed.get().isAfter(delivered.get());
  }

  /** Whether the mother is known HIV-positive by the cut-off: her infants are HIV-exposed. */
  boolean motherPositive() {
    return diagnosedOn().isPresent();
  }

  /** Whether a maternal HIV test with this result is dated on a day. */
  boolean testedOn(LocalDate day, HivTestResult result) {
    return facts.mother().hivTests().any(t -> t.occurredOn().equals(day) && t.result() == result);
  }

  /** The mother's first positive test by the cut-off. */
  Optional<MaternalHivTested> firstPositiveTest() {
    return facts.mother().hivTests()
        .earliest(t -> t.result() == HivTestResult.POSITIVE && !t.occurredOn().isAfter(evaluatedOn));
  }

  /** Whether a maternal HIV test is dated after one day and on or before another. */
  boolean testedBetween(LocalDate afterDay, LocalDate untilDay) {
    return facts.mother().hivTests().any(t -> t.occurredOn().isAfter(afterDay) && !t.occurredOn().isAfter(untilDay));
  }

  /**
   * Her HIV status at ANC1 (K6): known positive if diagnosed before it (or enrolled positive with
   * no positive test that day); newly tested positive or negative by a test on the ANC1 date (or,
   * for negative, an enrolment as negative); empty when not ascertained or there is no ANC1.
   */
  Optional<Category> statusAtAnc1() {
    if (statusAtAnc1 == null) {
      statusAtAnc1 = ascertainStatusAtAnc1();
    }
    return statusAtAnc1;
  }

  private Optional<Category> ascertainStatusAtAnc1() {
    if (anc1.isEmpty()) {
      return Optional.empty();
    }
    LocalDate a = anc1.get();
    Optional<LocalDate> diagnosed = diagnosedOn();
    if (diagnosed.isPresent() && diagnosed.get().isBefore(a)) {
      return Optional.of(Category.KNOWN_POSITIVE);
    }
    if (testedOn(a, HivTestResult.POSITIVE)) {
      return Optional.of(Category.NEWLY_TESTED_POSITIVE);
    }
    HivStatus enrolledAs = enrolment().hivStatus();
    if (enrolledAs == HivStatus.POSITIVE) {
      return Optional.of(Category.KNOWN_POSITIVE);
    }
    if (testedOn(a, HivTestResult.NEGATIVE) || enrolledAs == HivStatus.NEGATIVE) {
      return Optional.of(Category.NEWLY_TESTED_NEGATIVE);
    }
    return Optional.empty();
  }

  /** The pregnancy's LMP as Mentor dates it (EDD − 280 days, the LMP, or enrolment − gestational age). */
  Optional<LocalDate> datedLmp() {
    return enrolment().datedLmp();
  }

  /** One live-born infant's facts. */
  InfantFacts infant(InfantId infantId) {
    return requireNonNull(facts.infants().get(infantId), "infant");
  }

  /** The case's state as of another date, as known at the report's instant (VER.10 reads it at delivery). */
  CaseState stateOn(LocalDate date) {
    return registry.state(caseId, date, knownAsOf);
  }

  /** The root id of an event's correction chain in this case. */
  EventId rootOf(EventId eventId) {
    return registry.file(caseId).rootOf(eventId);
  }
}
