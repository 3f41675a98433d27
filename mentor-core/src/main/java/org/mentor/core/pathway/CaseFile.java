package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.lang.ref.WeakReference;
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
import org.apiguardian.api.API;
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
@API(status = STABLE, since = "0.1")
public final class CaseFile {
  /** Orders competing corrections of one chain: the one recorded last wins, whatever the arrival order. */
  private static final Comparator<PathwayEvent> LATEST_CORRECTION =
      Comparator.comparing(PathwayEvent::recordedAt).thenComparing(PathwayEvent::id);

  private final CaseId caseId;
  private final EventLog recorded;
  private final Facts facts;
  /**
   * A replay checkpoint, for the last protocol evaluated with: the replay of this file's facts, or
   * of an earlier version's, up to the day before its last event. It is a pure function of those
   * (immutable) facts and the protocol, and is copied, never changed, by every evaluation dated on
   * or after that day (the usual "today"), so those cost only the days since. A new version of the
   * file inherits it, and its first evaluation advances it over the events added since
   * ({@link Replay#resumedWith}) instead of replaying from the first event; a late event, a
   * correction or a void dated before it makes it useless, and the replay starts over. It stops
   * the day before the last event so that more events on that day (a clinic visit recorded as
   * several) still extend it. Racing threads may compute it twice; both results are equal.
   */
  private volatile @Nullable Replay checkpoint;
  /**
   * The replay the last evaluation from the checkpoint ran, at that evaluation's date: kept rather
   * than dropped (it needs no copy: the state assembled from it does not keep it, and from here it
   * is only ever copied). A new version of the file inherits it, and its first evaluation resumes
   * from it when the events added since are dated on or after its date ({@link Replay#resumedWith}),
   * as a clinic visit recorded after the case was read that day is: the events of the day the
   * checkpoint stops before are then not replayed again at each evaluation (they were nearly half
   * of a simulated pair's replaying). Racing threads may set it to different replays; each is a
   * replay of its facts to its date. Held weakly: a registry's files would otherwise keep a second
   * replay for every case it evaluated (about 0.8 KB a case, over issue 5's heap per case), while
   * the next evaluation that can use it comes soon (a walk's next view, a clinic's next read).
   */
  private volatile @Nullable WeakReference<Replay> latest;

  private CaseFile(CaseId caseId, EventLog recorded, Facts facts, @Nullable Replay checkpoint,
      @Nullable WeakReference<Replay> latest) {
    this.caseId = caseId;
    this.recorded = recorded;
    this.facts = facts;
    this.checkpoint = checkpoint;
    this.latest = latest;
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
    return new CaseFile(requireNonNull(caseId, "caseId"), EventLog.empty(), Facts.empty(caseId), null, null);
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
   * The events accepted after a version, in arrival order: what a store appends after
   * {@link #record} moved the file from that version to this one.
   *
   * @param version an earlier version of this file, from 0 to {@link #version()}
   * @return the events, as an unmodifiable list
   * @throws IndexOutOfBoundsException if the version is negative or after this file's
   */
  public List<PathwayEvent> historySince(long version) {
    return recorded.since(Math.toIntExact(version));
  }

  /**
   * Finds a recorded event by id (an original, a correction or a void).
   *
   * @param id the id, not null
   * @return the event, if recorded here
   */
  public Optional<PathwayEvent> event(EventId id) {
    requireNonNull(id, "id");
    return Optional.ofNullable(recorded.find(id));
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
    PathwayEvent existing = recorded.find(event.id());
    if (existing != null) {
      if (existing.equals(event)) {
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
    InfantId about = Replay.infantOf(plain);
    if (about != null) {
      checkInfant(about, plain);
    }
    EventLog nextRecorded = recorded.plus(event);
    PathwayEvent last = facts.events().last();
    Facts nextFacts;
    if (event.kind() == EventKind.CORRECTED || event.kind() == EventKind.VOIDED) {
      nextFacts = Fold.fold(caseId, effective(nextRecorded.oldestFirst()));
    } else if (last == null || Fold.ORDER.compare(last, event) < 0) {
      nextFacts = Fold.evolve(facts, event);
    } else {
      // A late event is a new root no correction or void can name yet: the effective events are the
      // ones already folded with it in its place. Folded onto the facts when that gives the same.
      Facts late = Fold.evolveLate(facts, event);
      nextFacts = late != null ? late : Fold.fold(caseId, inserted(facts.events(), event));
    }
    if (event.kind() == EventKind.CORRECTED && plain.kind() == EventKind.DELIVERED) {
      checkInfantEventsAfterBirth(nextFacts, (Delivered) plain);
    }
    return new CaseFile(caseId, nextRecorded, nextFacts, checkpoint, latest);
  }

  /** The events of a timeline with one more in its place in fold order. */
  private static List<PathwayEvent> inserted(Timeline events, PathwayEvent event) {
    List<PathwayEvent> all = new ArrayList<>(events.size() + 1);
    int at = events.size();
    while (at > 0 && Fold.ORDER.compare(events.get(at - 1), event) > 0) {
      at--;
    }
    for (int i = 0; i < events.size(); i++) {
      if (i == at) {
        all.add(event);
      }
      all.add(events.get(i));
    }
    if (at == events.size()) {
      all.add(event);
    }
    return all;
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
    Delivered delivery = facts.delivery().orElse(null);
    Birth birth = null;
    if (delivery != null) {
      for (Birth b : delivery.births()) {
        if (b.infantId().equals(infantId)) {
          birth = b;
          break;
        }
      }
    }
    if (birth == null) {
      throw new InvalidEventException(Fold.fieldPrefix(event) + ".infantId", infantId, Rule.INFANT_UNKNOWN);
    }
    if (!birth.isLive()) {
      throw new InvalidEventException(Fold.fieldPrefix(event) + ".infantId", infantId, Rule.STILLBORN_INFANT);
    }
    // Checked here, not only in the fold: an event dated before the birth sorts before the
    // delivery, where the fold would see an unknown infant rather than an impossible date.
    LocalDate bornOn = delivery.occurredOn();
    if (event.occurredOn().isBefore(bornOn)) {
      throw event.kind() == EventKind.INFANT_HIV_TESTED
          ? new InvalidEventException("infantTest.sampleDate", event.occurredOn(), Rule.TEST_BEFORE_BIRTH)
          : new InvalidEventException(Fold.fieldPrefix(event) + ".occurredOn", event.occurredOn(), Rule.INFANT_EVENT_BEFORE_BIRTH);
    }
  }

  /**
   * The effective events of a history: corrections applied (the latest-recorded correction of a
   * chain wins), voided chains removed, in fold order.
   */
  static List<PathwayEvent> effective(List<PathwayEvent> arrival) {
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
    EventLog kept = EventLog.empty();
    for (PathwayEvent event : recorded.oldestFirst()) {
      if (!event.recordedAt().isAfter(knownAsOf)) {
        kept = kept.plus(event);
      }
    }
    if (kept.size() == recorded.size()) {
      return this;
    }
    return new CaseFile(caseId, kept, Fold.fold(caseId, effective(kept.oldestFirst())), null, null);
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
    Replay replay = replayTo(protocol, asOf);
    if (replay == null) {
      return Pathway.evaluate(protocol, facts, asOf);
    }
    CaseState state = Pathway.assemble(protocol, facts, asOf, replay);
    latest = new WeakReference<>(replay); // no longer run: the state does not keep it
    return state;
  }

  /**
   * The case's states from a day on, one per stretch between changes, as
   * {@link Pathway#stretches} gives them for this file's facts, from this file's checkpoint when the
   * day is on or after it (the due index re-indexes a case from the day after its last fact, so
   * after an in-order event this replays only what the event added).
   *
   * @param protocol the protocol, not null
   * @param from the first day, not null
   * @param maxStretches the most stretches to return, positive
   * @return the stretches, in order
   */
  public com.google.common.collect.ImmutableList<Pathway.Stretch> stretches(org.mentor.core.protocol.Protocol protocol,
      LocalDate from, int maxStretches) {
    requireNonNull(protocol, "protocol");
    requireNonNull(from, "from");
    Replay replay = replayTo(protocol, from);
    if (replay == null) {
      return Pathway.stretches(protocol, facts, from, maxStretches);
    }
    return Pathway.stretches(protocol, facts, from, maxStretches, replay);
  }

  /**
   * A replay of this file's facts run to a date, from this file's checkpoint for the protocol, made
   * or advanced as needed (see {@link #checkpoint}); null when a date before the checkpoint is asked
   * for (that is replayed in full). The replay is the caller's own: when the checkpoint has to be
   * advanced, the advanced replay runs on to the date and a copy of it is kept, rather than keeping
   * it and running a second copy.
   */
  private @Nullable Replay replayTo(org.mentor.core.protocol.Protocol protocol, LocalDate asOf) {
    PathwayEvent last = facts.events().last();
    if (last == null) {
      return null;
    }
    WeakReference<Replay> held = latest;
    Replay recent = held == null ? null : held.get();
    if (recent != null && sameProtocol(recent, protocol) && !asOf.isBefore(recent.asOf())) {
      Replay running;
      if (recent.facts == facts) {
        running = recent.advancedTo(asOf);
      } else if (checkpointBehind(recent, protocol)) {
        running = resumedToCheckpoint(recent, last, asOf);
      } else {
        running = recent.resumedWith(facts, asOf);
      }
      if (running != null) {
        return running;
      }
    }
    LocalDate until = last.occurredOn().minusDays(1);
    if (asOf.isBefore(until)) {
      return null;
    }
    Replay memo = checkpoint;
    boolean sameProtocol = memo != null && sameProtocol(memo, protocol);
    if (sameProtocol && memo.facts == facts) {
      return memo.advancedTo(asOf);
    }
    Replay running = sameProtocol ? memo.resumedWith(facts, until) : null;
    if (running == null) {
      running = Replay.run(protocol, facts, until);
    }
    checkpoint = running.kept();
    running.continueTo(asOf);
    return running;
  }

  /**
   * How many events the checkpoint may lag behind the latest replay before a resumed evaluation
   * brings it up to date. While evaluations resume from the latest replay the checkpoint is not
   * advanced, and the evaluation that next needs it (after a late event the latest replay cannot
   * take) replayed everything since: a tenth of a simulated pair's evaluations did two fifths of
   * its replaying so. Bringing it up at every resumed evaluation would cost a copy each; every
   * three events, about one copy a pair, leaves a sixth less replaying (lags of 1 and 8: about
   * the same, and an eighth less).
   */
  static final int CHECKPOINT_LAG = 3;

  /** Whether the checkpoint is missing, for another protocol, or {@link #CHECKPOINT_LAG} events behind the latest replay. */
  private boolean checkpointBehind(Replay recent, org.mentor.core.protocol.Protocol protocol) {
    Replay memo = checkpoint;
    return memo == null || !sameProtocol(memo, protocol) || memo.delivered() + CHECKPOINT_LAG <= recent.delivered();
  }

  /**
   * The latest replay resumed over this file's facts to a date, by way of the day before the last
   * event, where a copy is kept as the checkpoint (as {@link #replayTo} keeps one when it advances
   * the checkpoint): the same replay as resuming to the date in one go (a replay continued from a
   * date does what one run through it does). Null, checkpoint unchanged, if it cannot resume or
   * the date is before that day.
   */
  private @Nullable Replay resumedToCheckpoint(Replay recent, PathwayEvent last, LocalDate asOf) {
    LocalDate until = last.occurredOn().minusDays(1);
    if (asOf.isBefore(until) || until.isBefore(recent.asOf())) {
      return recent.resumedWith(facts, asOf);
    }
    Replay running = recent.resumedWith(facts, until);
    if (running == null) {
      return null;
    }
    checkpoint = running.kept();
    running.continueTo(asOf);
    return running;
  }

  private static boolean sameProtocol(Replay replay, org.mentor.core.protocol.Protocol protocol) {
    return replay.protocol == protocol || replay.protocol.equals(protocol);
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
