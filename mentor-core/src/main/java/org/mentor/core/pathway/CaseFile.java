package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.jspecify.annotations.Nullable;

/**
 * One case's file: every event recorded for it (the audit trail, in arrival order), its facts and
 * its version. Recording returns a new file; a refused event throws {@link InvalidEventException}
 * and leaves this file exactly as it was, because a file never changes.
 *
 * <p>An in-order event is folded incrementally; a late event, a correction or a void re-folds the
 * effective events. Recording an event whose id is already here with equal content is a no-op (the
 * same file is returned).
 *
 * <pre>{@code
 * CaseFile file = CaseFile.enrol(caseId, enrolled);
 * file = file.record(artStarted);
 * CaseState state = file.evaluate(Protocol.who2021(), LocalDate.of(2025, 9, 1));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CaseFile {
  /** Orders competing corrections of one chain: the one recorded last wins, whatever the arrival order. */
  private static final Comparator<PathwayEvent> LATEST_CORRECTION =
      Comparator.comparing(PathwayEvent::recordedAt).thenComparing(PathwayEvent::id);

  private final CaseId caseId;
  private final History<PathwayEvent> recorded;
  private final Facts facts;
  /**
   * The replay of this file's events up to its last event, for the last protocol evaluated with:
   * a pure function of the (immutable) facts and protocol, computed once and copied for every
   * evaluation dated on or after the last event (the usual "today"), so those cost only the days
   * since. Racing threads may compute it twice; both results are equal.
   */
  private volatile @Nullable Replay checkpoint;

  private CaseFile(CaseId caseId, History<PathwayEvent> recorded, Facts facts) {
    this.caseId = caseId;
    this.recorded = recorded;
    this.facts = facts;
  }

  /**
   * Opens a case with its enrolment.
   *
   * @param caseId the case, not null
   * @param enrolled the enrolment, not null
   * @return the new file, at version 1
   * @throws InvalidEventException if the enrolment is invalid
   */
  public static CaseFile enrol(CaseId caseId, Enrolled enrolled) {
    return empty(caseId).record(enrolled);
  }

  /**
   * An empty file whose first recorded event must be the enrolment.
   *
   * @param caseId the case, not null
   * @return the file, at version 0
   */
  public static CaseFile empty(CaseId caseId) {
    return new CaseFile(requireNonNull(caseId, "caseId"), History.empty(), Facts.empty(caseId));
  }

  /**
   * Rebuilds a file from events in the order they were recorded (as a store returns them),
   * checking each as {@link #record} does.
   *
   * @param caseId the case, not null
   * @param inArrivalOrder the events, oldest first, not null
   * @return the file
   * @throws InvalidEventException if any event is refused
   */
  public static CaseFile replay(CaseId caseId, Iterable<? extends PathwayEvent> inArrivalOrder) {
    CaseFile file = empty(caseId);
    for (PathwayEvent event : inArrivalOrder) {
      file = file.record(event);
    }
    return file;
  }

  /** The case. */
  public CaseId caseId() {
    return caseId;
  }

  /** The number of events accepted (no-ops excluded): the case's version for optimistic concurrency. */
  public long version() {
    return recorded.size();
  }

  /** The facts: the fold of the effective events. */
  public Facts facts() {
    return facts;
  }

  /** Every accepted event in arrival order, corrections and voids included: the audit trail. */
  public List<PathwayEvent> history() {
    return recorded.oldestFirst();
  }

  /**
   * Finds a recorded event by id (an original, a correction or a void).
   *
   * @param id the id, not null
   * @return the event, if recorded here
   */
  public Optional<PathwayEvent> event(EventId id) {
    requireNonNull(id, "id");
    return recorded.latest(e -> e.id().equals(id));
  }

  /**
   * The root of an event's correction chain: the id of the event first recorded, which
   * downstream identity (FHIR business identifiers) uses.
   *
   * @param id an event recorded here, not null
   * @return the root id
   * @throws IllegalArgumentException if no such event is recorded here
   */
  public EventId rootOf(EventId id) {
    PathwayEvent event = event(id).orElseThrow(() -> new IllegalArgumentException("no event " + id + " in this case"));
    while (event instanceof Corrected corrected) {
      event = event(corrected.corrects()).orElseThrow();
    }
    return event.id();
  }

  /**
   * Records an event.
   *
   * @param event the event, not null
   * @return the new file, or this one when the event is already recorded with equal content
   * @throws InvalidEventException if a hard rule refuses it; this file is unchanged
   */
  public CaseFile record(PathwayEvent event) {
    requireNonNull(event, "event");
    Optional<PathwayEvent> existing = event(event.id());
    if (existing.isPresent()) {
      if (existing.get().equals(event)) {
        return this;
      }
      throw new InvalidEventException(Fold.fieldPrefix(event) + ".id", event.id(), Rule.EVENT_ID_REUSED);
    }
    if (recorded.isEmpty() && event.kind() != EventKind.ENROLLED) {
      throw new InvalidEventException(Fold.fieldPrefix(event) + ".kind", event.kind(), Rule.NOT_ENROLLED);
    }
    if (event.kind() == EventKind.ENROLLED && !recorded.isEmpty()) {
      throw new InvalidEventException("enrolled.id", event.id(), Rule.ENROLLED_TWICE);
    }
    PathwayEvent plain = switch (event.kind()) {
      case CORRECTED -> checkCorrection((Corrected) event);
      case VOIDED -> {
        checkVoid((Voided) event);
        yield event;
      }
      default -> event;
    };
    plain.aboutInfant().ifPresent(infant -> checkInfant(infant, plain));
    History<PathwayEvent> nextRecorded = recorded.plus(event);
    PathwayEvent last = facts.events().last();
    Facts nextFacts =
        event.kind() != EventKind.CORRECTED && event.kind() != EventKind.VOIDED
                && (last == null || Fold.ORDER.compare(last, event) < 0)
            ? Fold.evolve(facts, event)
            : Fold.fold(caseId, effective(nextRecorded));
    if (event.kind() == EventKind.CORRECTED && plain.kind() == EventKind.DELIVERED) {
      checkInfantEventsAfterBirth(nextFacts, (Delivered) plain);
    }
    return new CaseFile(caseId, nextRecorded, nextFacts);
  }

  /** A corrected delivery date must not put an infant's recorded events before its birth. */
  private static void checkInfantEventsAfterBirth(Facts facts, Delivered delivery) {
    for (PathwayEvent event : facts.events()) {
      if (event.aboutInfant().isPresent() && event.occurredOn().isBefore(delivery.occurredOn())
          && delivery.births().stream().anyMatch(b -> b.infantId().equals(event.aboutInfant().get()))) {
        throw event.kind() == EventKind.INFANT_HIV_TESTED
            ? new InvalidEventException("infantTest.sampleDate", event.occurredOn(), Rule.TEST_BEFORE_BIRTH)
            : new InvalidEventException("delivered.occurredOn", delivery.occurredOn(), Rule.INFANT_EVENT_BEFORE_BIRTH);
      }
    }
  }

  private PathwayEvent checkCorrection(Corrected correction) {
    PathwayEvent target = event(correction.corrects())
        .orElseThrow(() -> new InvalidEventException("corrected.corrects", correction.corrects(), Rule.TARGET_UNKNOWN));
    PathwayEvent targetContent = target instanceof Corrected earlier ? earlier.replacement() : target;
    if (target.kind() == EventKind.VOIDED || targetContent.kind() != correction.replacement().kind()) {
      throw new InvalidEventException("corrected.replacement.kind", correction.replacement().kind(), Rule.CORRECTION_CHANGES_KIND);
    }
    return correction.replacement();
  }

  private void checkVoid(Voided voided) {
    PathwayEvent target = event(voided.voids())
        .orElseThrow(() -> new InvalidEventException("voided.voids", voided.voids(), Rule.TARGET_UNKNOWN));
    if (target.kind() == EventKind.VOIDED) {
      throw new InvalidEventException("voided.voids", voided.voids(), Rule.VOID_OF_VOID);
    }
    PathwayEvent content = target instanceof Corrected corrected ? corrected.replacement() : target;
    if (content.kind() == EventKind.ENROLLED) {
      throw new InvalidEventException("voided.voids", EventKind.ENROLLED, Rule.ENROLMENT_VOIDED);
    }
  }

  private void checkInfant(InfantId infantId, PathwayEvent event) {
    Optional<Birth> birth = facts.delivery().flatMap(d -> d.births().stream()
        .filter(b -> b.infantId().equals(infantId)).findFirst());
    String prefix = Fold.fieldPrefix(event);
    if (birth.isEmpty()) {
      throw new InvalidEventException(prefix + ".infantId", infantId, Rule.INFANT_UNKNOWN);
    }
    if (!birth.get().isLive()) {
      throw new InvalidEventException(prefix + ".infantId", infantId, Rule.STILLBORN_INFANT);
    }
    // Checked here, not only in the fold: an event dated before the birth sorts before the
    // delivery, where the fold would see an unknown infant rather than an impossible date.
    LocalDate bornOn = facts.delivery().orElseThrow().occurredOn();
    if (event.occurredOn().isBefore(bornOn)) {
      throw event.kind() == EventKind.INFANT_HIV_TESTED
          ? new InvalidEventException("infantTest.sampleDate", event.occurredOn(), Rule.TEST_BEFORE_BIRTH)
          : new InvalidEventException(prefix + ".occurredOn", event.occurredOn(), Rule.INFANT_EVENT_BEFORE_BIRTH);
    }
  }

  /**
   * The effective events of a history: corrections applied (the latest-recorded correction of a
   * chain wins), voided chains removed, in fold order.
   */
  static List<PathwayEvent> effective(Iterable<PathwayEvent> newestFirst) {
    List<PathwayEvent> arrival = new ArrayList<>();
    newestFirst.forEach(arrival::add);
    java.util.Collections.reverse(arrival);
    Map<EventId, EventId> rootOf = new HashMap<>();
    Map<EventId, PathwayEvent> current = new HashMap<>();
    Map<EventId, PathwayEvent> winningCorrection = new HashMap<>();
    Set<EventId> voided = new HashSet<>();
    List<EventId> roots = new ArrayList<>();
    for (PathwayEvent event : arrival) {
      switch (event.kind()) {
        case CORRECTED -> {
          Corrected correction = (Corrected) event;
          EventId root = rootOf.get(correction.corrects());
          if (root == null) {
            continue; // its target is not in this history (a knownAsOf view): ignore it
          }
          rootOf.put(correction.id(), root);
          PathwayEvent best = winningCorrection.get(root);
          if (best == null || LATEST_CORRECTION.compare(correction, best) > 0) {
            winningCorrection.put(root, correction);
            current.put(root, correction.replacement());
          }
        }
        case VOIDED -> {
          EventId root = rootOf.get(((Voided) event).voids());
          if (root != null) {
            voided.add(root);
          }
        }
        default -> {
          rootOf.put(event.id(), event.id());
          current.put(event.id(), event);
          roots.add(event.id());
        }
      }
    }
    List<PathwayEvent> result = new ArrayList<>(roots.size());
    for (EventId root : roots) {
      if (!voided.contains(root)) {
        result.add(current.get(root));
      }
    }
    result.sort(Fold.ORDER);
    return result;
  }

  /**
   * The file as it was known at an instant: only events recorded at or before it, so a past
   * report can be reproduced exactly.
   *
   * @param knownAsOf the instant, not null
   * @return the file as then known
   */
  public CaseFile knownAsOf(Instant knownAsOf) {
    requireNonNull(knownAsOf, "knownAsOf");
    History<PathwayEvent> kept = History.empty();
    for (PathwayEvent event : recorded.oldestFirst()) {
      if (!event.recordedAt().isAfter(knownAsOf)) {
        kept = kept.plus(event);
      }
    }
    if (kept.size() == recorded.size()) {
      return this;
    }
    return new CaseFile(caseId, kept, Fold.fold(caseId, effective(kept)));
  }

  /**
   * Evaluates the case as of a date ({@link Pathway#evaluate}).
   *
   * @param protocol the protocol, not null
   * @param asOf the evaluation date, not null
   * @return the state
   */
  public CaseState evaluate(org.mentor.core.protocol.Protocol protocol, java.time.LocalDate asOf) {
    requireNonNull(protocol, "protocol");
    requireNonNull(asOf, "asOf");
    PathwayEvent last = facts.events().last();
    if (last == null || asOf.isBefore(last.occurredOn())) {
      return Pathway.evaluate(protocol, facts, asOf);
    }
    Replay start = checkpoint;
    if (start == null || !start.protocol.equals(protocol)) {
      start = Replay.checkpoint(protocol, facts);
      checkpoint = start;
    }
    return Pathway.assemble(protocol, facts, asOf, start.advancedTo(asOf));
  }

  /**
   * Evaluates the case as of a date, as it was known at an instant: events recorded after
   * {@code knownAsOf} are ignored, so a submitted report is reproduced exactly.
   *
   * @param protocol the protocol, not null
   * @param asOf the evaluation date, not null
   * @param knownAsOf the instant, not null
   * @return the state
   */
  public CaseState evaluate(org.mentor.core.protocol.Protocol protocol, java.time.LocalDate asOf, Instant knownAsOf) {
    return Pathway.evaluate(protocol, knownAsOf(knownAsOf).facts, asOf);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaseFile that && caseId.equals(that.caseId) && recorded.equals(that.recorded);
  }

  @Override
  public int hashCode() {
    return caseId.hashCode() * 31 + recorded.hashCode();
  }

  @Override
  public String toString() {
    return "CaseFile[" + caseId + ", version " + version() + "]";
  }
}
