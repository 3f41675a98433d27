package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.InfantId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;

/**
 * The fold: {@code evolve(facts, event)} applied to a case's effective events in the order
 * {@link #ORDER}. Pure; reads no clock and no protocol. Impossible data found while folding (a
 * test before a birth after a corrected delivery date, a second delivery) throws
 * {@link InvalidEventException}; data that is possible but suspicious becomes a
 * {@link DataQualityIssue} on the facts.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Fold {
  /** The fold order: {@code (occurredOn, kind's intra-day rank, id)}, never arrival order. */
  public static final Comparator<PathwayEvent> ORDER =
      Comparator.comparing(PathwayEvent::occurredOn)
          .thenComparing(PathwayEvent::kind)
          .thenComparing(PathwayEvent::id);

  private Fold() {}

  /**
   * Folds events that are already effective (no corrections or voids) and in {@link #ORDER}.
   *
   * @param caseId the case, not null
   * @param sorted the effective events in fold order, not null
   * @return the facts
   * @throws InvalidEventException if the events together are impossible
   */
  public static Facts fold(CaseId caseId, Iterable<? extends PathwayEvent> sorted) {
    Facts facts = Facts.empty(caseId);
    for (PathwayEvent event : sorted) {
      facts = evolve(facts, event);
    }
    return facts;
  }

  /**
   * Applies one effective event that sorts after every event already folded.
   *
   * @param facts the facts so far, not null
   * @param event the event, not a correction or void, not null
   * @return the new facts; the old ones are unchanged
   * @throws InvalidEventException if the event is impossible given the facts
   */
  public static Facts evolve(Facts facts, PathwayEvent event) {
    // Built once and threaded into the one Facts each branch returns (apply benchmark: a second
    // Facts per event was a quarter of the fold's allocation).
    return evolve(facts, event, facts.events().plus(event));
  }

  /** {@link #evolve}, with the timeline the new facts hold (the facts' events and this one). */
  private static Facts evolve(Facts facts, PathwayEvent event, Timeline events) {
    return switch (event.kind()) {
      case ENROLLED -> onEnrolled(facts, (Enrolled) event, events);
      case PROTOCOL_CHANGED -> withProtocol(facts, (ProtocolChanged) event, events);
      case MATERNAL_HIV_TESTED -> withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests().plus((MaternalHivTested) event), m.artStarts(), m.regimenChanges(), m.pillCounts(), m.viralLoads(),
          m.counselling(), m.consents(), m.tracing(), m.transfers(), m.death()));
      case ART_STARTED -> withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests(), m.artStarts().plus((ArtStarted) event), m.regimenChanges(), m.pillCounts(), m.viralLoads(),
          m.counselling(), m.consents(), m.tracing(), m.transfers(), m.death()));
      case REGIMEN_CHANGED -> withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests(), m.artStarts(), m.regimenChanges().plus((RegimenChanged) event), m.pillCounts(), m.viralLoads(),
          m.counselling(), m.consents(), m.tracing(), m.transfers(), m.death()));
      case ARVS_DISPENSED -> withMother(facts, event, events, m -> m);
      case PILL_COUNTED -> withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests(), m.artStarts(), m.regimenChanges(), m.pillCounts().plus((PillCounted) event), m.viralLoads(),
          m.counselling(), m.consents(), m.tracing(), m.transfers(), m.death()));
      case VIRAL_LOAD_RESULTED -> onViralLoad(facts, (ViralLoadResulted) event, events);
      case ADHERENCE_COUNSELLED -> withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests(), m.artStarts(), m.regimenChanges(), m.pillCounts(), m.viralLoads(),
          m.counselling().plus((AdherenceCounselled) event), m.consents(), m.tracing(), m.transfers(), m.death()));
      case CONSENT_RECORDED -> withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests(), m.artStarts(), m.regimenChanges(), m.pillCounts(), m.viralLoads(),
          m.counselling(), m.consents().plus((ConsentRecorded) event), m.tracing(), m.transfers(), m.death()));
      case APPOINTMENT_SET -> withMother(facts, event, events, m -> m);
      case APPOINTMENT_KEPT, RETURNED_TO_CARE -> withMother(facts, event, events, m -> m);
      case TRACING_ATTEMPTED -> withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests(), m.artStarts(), m.regimenChanges(), m.pillCounts(), m.viralLoads(),
          m.counselling(), m.consents(), m.tracing().plus((TracingAttempted) event), m.transfers(), m.death()));
      case MENTOR_ASSIGNED -> new Facts(facts.caseId(), facts.enrolment(), facts.protocol(), facts.delivery(),
          facts.mother(), facts.infants(), facts.mentors().plus((MentorAssigned) event), facts.visits(), events, facts.issues());
      case MENTOR_VISITED -> new Facts(facts.caseId(), facts.enrolment(), facts.protocol(), facts.delivery(),
          facts.mother(), facts.infants(), facts.mentors(), facts.visits().plus((MentorVisited) event), events,
          afterDeath(facts, event, facts.issues()));
      case DELIVERED -> onDelivered(facts, (Delivered) event, events);
      case TRANSFERRED_IN, TRANSFERRED_OUT, DIED -> onSubjectEvent(facts, event, events);
      case INFANT_PROPHYLAXIS_STARTED, INFANT_PROPHYLAXIS_STOPPED -> withInfant(facts, event, events, i -> new InfantFacts(
          i.birth(), i.bornOn(), i.prophylaxis().plus(event), i.tests(), i.feeding(), i.cotrimoxazole(), i.artStart(), i.transfers(), i.death()));
      case INFANT_HIV_TESTED -> withInfant(facts, event, events, i -> new InfantFacts(
          i.birth(), i.bornOn(), i.prophylaxis(), i.tests().plus((InfantHivTested) event), i.feeding(), i.cotrimoxazole(), i.artStart(),
          i.transfers(), i.death()));
      case FEEDING_RECORDED -> withInfant(facts, event, events, i -> new InfantFacts(
          i.birth(), i.bornOn(), i.prophylaxis(), i.tests(), i.feeding().plus((FeedingRecorded) event), i.cotrimoxazole(), i.artStart(),
          i.transfers(), i.death()));
      case COTRIMOXAZOLE_STARTED, COTRIMOXAZOLE_STOPPED -> withInfant(facts, event, events, i -> new InfantFacts(
          i.birth(), i.bornOn(), i.prophylaxis(), i.tests(), i.feeding(), i.cotrimoxazole().plus(event), i.artStart(), i.transfers(), i.death()));
      case INFANT_ART_STARTED -> withInfant(facts, event, events, i -> new InfantFacts(
          i.birth(), i.bornOn(), i.prophylaxis(), i.tests(), i.feeding(), i.cotrimoxazole(),
          Optional.of(i.artStart().orElse((InfantArtStarted) event)), i.transfers(), i.death()));
      case CORRECTED, VOIDED -> throw new IllegalArgumentException("the fold takes effective events only, not " + event.kind());
    };
  }

  private static Facts onEnrolled(Facts facts, Enrolled enrolled, Timeline events) {
    if (facts.enrolment().isPresent()) {
      throw new InvalidEventException("enrolled.id", enrolled.id(), Rule.ENROLLED_TWICE);
    }
    facts.delivery().ifPresent(delivery -> checkDeliveryAfterLmp(enrolled, delivery));
    MaternalFacts m = facts.mother();
    return new Facts(facts.caseId(), Optional.of(enrolled),
        facts.protocol().isPresent() ? facts.protocol() : Optional.of(enrolled.protocol()), facts.delivery(),
        m,
        facts.infants(), facts.mentors(), facts.visits(), events, facts.issues());
  }

  private static Facts withProtocol(Facts facts, ProtocolChanged changed, Timeline events) {
    return new Facts(facts.caseId(), facts.enrolment(), Optional.of(changed.protocol()), facts.delivery(),
        facts.mother(), facts.infants(), facts.mentors(), facts.visits(), events, facts.issues());
  }

  private static Facts onViralLoad(Facts facts, ViralLoadResulted vl, Timeline events) {
    History<DataQualityIssue> issues = facts.issues();
    if (facts.mother().death().isPresent() && vl.occurredOn().isAfter(facts.mother().death().get().occurredOn())) {
      issues = issues.plus(new DataQualityIssue(Rule.VIRAL_LOAD_AFTER_DEATH, vl.id(), vl.occurredOn()));
    }
    Facts flagged = withIssues(facts, issues);
    return withMother(flagged, vl, events, m -> new MaternalFacts(
        m.hivTests(), m.artStarts(), m.regimenChanges(), m.pillCounts(), m.viralLoads().plus(vl),
        m.counselling(), m.consents(), m.tracing(), m.transfers(), m.death()), false);
  }

  private static Facts onDelivered(Facts facts, Delivered delivered, Timeline events) {
    if (facts.delivery().isPresent()) {
      throw new InvalidEventException("delivered.id", delivered.id(), Rule.DELIVERED_TWICE);
    }
    facts.enrolment().ifPresent(enrolled -> checkDeliveryAfterLmp(enrolled, delivered));
    Map<InfantId, InfantFacts> infants = new LinkedHashMap<>(facts.infants());
    for (Birth birth : delivered.births()) {
      if (birth.isLive()) {
        infants.put(birth.infantId(), InfantFacts.born(birth, delivered.occurredOn()));
      }
    }
    MaternalFacts m = facts.mother();
    return new Facts(facts.caseId(), facts.enrolment(), facts.protocol(), Optional.of(delivered),
        m,
        ImmutableMap.copyOf(infants), facts.mentors(), facts.visits(), events, facts.issues());
  }

  private static void checkDeliveryAfterLmp(Enrolled enrolled, Delivered delivered) {
    Optional<LocalDate> lmp = enrolled.datedLmp();
    if (lmp.isPresent() && !delivered.occurredOn().isAfter(lmp.get())) {
      throw new InvalidEventException("delivered.occurredOn", delivered.occurredOn(), Rule.DELIVERY_BEFORE_PREGNANCY);
    }
  }

  private static Facts onSubjectEvent(Facts facts, PathwayEvent event, Timeline events) {
    if (event.aboutInfant().isPresent()) {
      return withInfant(facts, event, events, i -> new InfantFacts(
          i.birth(), i.bornOn(), i.prophylaxis(), i.tests(), i.feeding(), i.cotrimoxazole(), i.artStart(),
          event.kind() == EventKind.DIED ? i.transfers() : i.transfers().plus(event),
          event.kind() == EventKind.DIED ? Optional.of((Died) event) : i.death()));
    }
    if (event.kind() == EventKind.DIED) {
      return withMother(facts, event, events, m -> new MaternalFacts(
          m.hivTests(), m.artStarts(), m.regimenChanges(), m.pillCounts(), m.viralLoads(),
          m.counselling(), m.consents(), m.tracing(), m.transfers(), Optional.of(m.death().orElse((Died) event))));
    }
    return withMother(facts, event, events, m -> new MaternalFacts(
        m.hivTests(), m.artStarts(), m.regimenChanges(), m.pillCounts(), m.viralLoads(),
        m.counselling(), m.consents(), m.tracing(), m.transfers().plus(event), m.death()));
  }

  private interface MotherUpdate {
    MaternalFacts apply(MaternalFacts mother);
  }

  private interface InfantUpdate {
    InfantFacts apply(InfantFacts infant);
  }

  private static Facts withMother(Facts facts, PathwayEvent event, Timeline events, MotherUpdate update) {
    return withMother(facts, event, events, update, true);
  }

  private static Facts withMother(Facts facts, PathwayEvent event, Timeline events, MotherUpdate update, boolean checkDeath) {
    History<DataQualityIssue> issues = checkDeath ? afterDeath(facts, event, facts.issues()) : facts.issues();
    MaternalFacts mother = facts.mother();
    if (mother.transferredOut() && PathwayTable.isClinicalContact(event)) {
      issues = issues.plus(new DataQualityIssue(Rule.VISIT_AFTER_TRANSFER_OUT, event.id(), event.occurredOn()));
    }
    return new Facts(facts.caseId(), facts.enrolment(), facts.protocol(), facts.delivery(), update.apply(mother),
        facts.infants(), facts.mentors(), facts.visits(), events, issues);
  }

  private static History<DataQualityIssue> afterDeath(Facts facts, PathwayEvent event, History<DataQualityIssue> issues) {
    Optional<Died> death = facts.mother().death();
    if (death.isPresent() && event.occurredOn().isAfter(death.get().occurredOn())) {
      return issues.plus(new DataQualityIssue(Rule.EVENT_AFTER_DEATH, event.id(), event.occurredOn()));
    }
    return issues;
  }

  private static Facts withInfant(Facts facts, PathwayEvent event, Timeline events, InfantUpdate update) {
    InfantId infantId = event.aboutInfant().orElseThrow();
    InfantFacts infant = facts.infants().get(infantId);
    if (infant == null) {
      // Only reachable on a re-fold after a correction or void removed the infant; a new event
      // for an unknown infant is refused before it reaches the fold (Rule.INFANT_UNKNOWN).
      return new Facts(facts.caseId(), facts.enrolment(), facts.protocol(), facts.delivery(), facts.mother(),
          facts.infants(), facts.mentors(), facts.visits(), events,
          facts.issues().plus(new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, event.id(), event.occurredOn())));
    }
    if (event.occurredOn().isBefore(infant.bornOn())) {
      throw event.kind() == EventKind.INFANT_HIV_TESTED
          ? new InvalidEventException("infantTest.sampleDate", event.occurredOn(), Rule.TEST_BEFORE_BIRTH)
          : new InvalidEventException(fieldPrefix(event) + ".occurredOn", event.occurredOn(), Rule.INFANT_EVENT_BEFORE_BIRTH);
    }
    History<DataQualityIssue> issues = facts.issues();
    if (infant.death().isPresent() && event.occurredOn().isAfter(infant.death().get().occurredOn())) {
      issues = issues.plus(new DataQualityIssue(Rule.EVENT_AFTER_DEATH, event.id(), event.occurredOn()));
    }
    ImmutableMap.Builder<InfantId, InfantFacts> infants = ImmutableMap.builderWithExpectedSize(facts.infants().size());
    for (Map.Entry<InfantId, InfantFacts> entry : facts.infants().entrySet()) {
      infants.put(entry.getKey(), entry.getKey().equals(infantId) ? update.apply(entry.getValue()) : entry.getValue());
    }
    return new Facts(facts.caseId(), facts.enrolment(), facts.protocol(), facts.delivery(), facts.mother(),
        infants.buildOrThrow(), facts.mentors(), facts.visits(), events, issues);
  }

  private static Facts withIssues(Facts facts, History<DataQualityIssue> issues) {
    return issues == facts.issues() ? facts
        : new Facts(facts.caseId(), facts.enrolment(), facts.protocol(), facts.delivery(), facts.mother(),
            facts.infants(), facts.mentors(), facts.visits(), facts.events(), issues);
  }

  /**
   * The facts with a late event (one that sorts before some already folded) in its place, folded
   * onto them rather than re-folding every event: when the fold of the event commutes with that of
   * each event after its place, so that folding it last gives what folding it in its place does.
   * That holds when neither is a {@link #slotOf structural} event and they add to different
   * histories, or the later one is the enrolment or the delivery and the event is not about an
   * infant; and when the event adds no data-quality issue (its issue would come after theirs
   * rather than before). Otherwise null, and the caller re-folds. A clinic visit recorded as
   * several events, one of which sorts before the day's last (a prophylaxis start or an
   * appointment after the birth's feeding record, an ART start dated before the enrolment), is
   * the usual case.
   *
   * @param facts the facts so far
   * @param event an effective event that sorts before the last of them
   * @return the facts with the event, or null if they must be re-folded
   */
  static @org.jspecify.annotations.Nullable Facts evolveLate(Facts facts, PathwayEvent event) {
    Timeline folded = facts.events();
    int at = folded.size();
    while (at > 0 && ORDER.compare(folded.get(at - 1), event) > 0) {
      at--;
    }
    int slot = slotOf(event);
    if (slot == STRUCTURAL) {
      return null;
    }
    InfantId infant = Replay.infantOf(event);
    for (int i = at; i < folded.size(); i++) {
      PathwayEvent later = folded.get(i);
      int laterSlot = slotOf(later);
      if (laterSlot == STRUCTURAL ? !(infant == null && readsNoMotherFact(later))
          : slot != NO_SLOT && laterSlot == slot && java.util.Objects.equals(infant, Replay.infantOf(later))) {
        return null;
      }
    }
    PathwayEvent[] placed = new PathwayEvent[folded.size() + 1];
    for (int i = 0; i < at; i++) {
      placed[i] = folded.get(i);
    }
    placed[at] = event;
    for (int i = at; i < folded.size(); i++) {
      placed[i + 1] = folded.get(i);
    }
    Facts evolved = evolve(facts, event, Timeline.of(java.util.Arrays.asList(placed)));
    return evolved.issues() == facts.issues() ? evolved : null;
  }

  /**
   * Whether a structural event's fold reads nothing an event about the mother (or a mentor's)
   * writes, nor writes anything its fold reads: the enrolment and the delivery (they set the
   * enrolment, the delivery and the infants, which only the infants' events read).
   */
  private static boolean readsNoMotherFact(PathwayEvent structural) {
    return structural.kind() == EventKind.ENROLLED || structural.kind() == EventKind.DELIVERED;
  }

  /** {@link #slotOf} for an event that changes more than one history, or what others read. */
  static final int STRUCTURAL = -1;
  /** {@link #slotOf} for an event that adds to no history (it is only on the timeline). */
  static final int NO_SLOT = 0;

  /**
   * The history an event adds to (the mother's, a mentor's, or one of an infant's, by kind), so
   * that two events with different slots fold in either order to the same facts; {@link #NO_SLOT};
   * or {@link #STRUCTURAL} for the enrolment, a protocol change, the delivery, a transfer or a
   * death, which other events' folds read (death and transfer checks, the infants), and for
   * corrections and voids.
   */
  static int slotOf(PathwayEvent event) {
    return switch (event.kind()) {
      case ENROLLED, PROTOCOL_CHANGED, DELIVERED, TRANSFERRED_IN, TRANSFERRED_OUT, DIED, CORRECTED, VOIDED -> STRUCTURAL;
      case ARVS_DISPENSED, APPOINTMENT_SET, APPOINTMENT_KEPT, RETURNED_TO_CARE -> NO_SLOT;
      case INFANT_PROPHYLAXIS_STARTED, INFANT_PROPHYLAXIS_STOPPED -> 1;
      case COTRIMOXAZOLE_STARTED, COTRIMOXAZOLE_STOPPED -> 2;
      case MATERNAL_HIV_TESTED, ART_STARTED, REGIMEN_CHANGED, PILL_COUNTED, VIRAL_LOAD_RESULTED, ADHERENCE_COUNSELLED,
          CONSENT_RECORDED, TRACING_ATTEMPTED, MENTOR_ASSIGNED, MENTOR_VISITED, FEEDING_RECORDED, INFANT_HIV_TESTED,
          INFANT_ART_STARTED -> 3 + event.kind().ordinal();
    };
  }

  /** The field prefix used in messages for an event kind, such as {@code infantProphylaxisStarted}. */
  static String fieldPrefix(PathwayEvent event) {
    String[] words = event.kind().name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }
}
