package org.mentor.core.pathway;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.protocol.Protocol;

/**
 * Runs the {@link PathwayTable} over a case's timeline up to a date: events fire event rows on
 * the day they occurred (results on the day they were returned, for the regions that read
 * results), and deadlines fire deadline rows on their date with no event. At one date, deadlines
 * fire first, then returned results, then events; within a step infant regions go before the
 * mother's, and the phase goes last because it reads the infants' outcomes.
 */
final class Replay {
  private static final Comparator<PathwayEvent> BY_RESULT_DATE =
      Comparator.comparing(Replay::resultDate).thenComparing(Fold.ORDER);
  private static final PathwayEvent[] NO_RESULTS = new PathwayEvent[0];
  private static final int NONE_DUE = -1;
  private static final int DUE_UNKNOWN = -2;
  /** Step order of the mother's regions: after the infants, before the phase. */
  private static final int MOTHER_REGIONS = 4;

  /**
   * One region's running state. Immutable: a move makes a new one, so the copies of a replay (a
   * case's checkpoint and every evaluation advanced from it) share the instances none of them moved.
   */
  static final class Instance {
    final Region region;
    /** For an infant's region: the infant, and its slot in the memory; else null and -1. */
    final @Nullable InfantId infantId;
    final int infantSlot;
    final PathwayState state;
    final int stateIndex;
    final LocalDate since;
    /**
     * The row that entered the state, as the table's shared {@code Optional} (empty for the initial
     * state): looked up once per transition rather than at every snapshot, where the lookup was a
     * twentieth of an evaluation from a checkpoint.
     */
    final Optional<Transition> via;
    final @Nullable EventId triggeredBy;
    /**
     * The day the instance before this one entered its state (null for a region's first): with
     * {@link #since} and {@link #via}, what a late tracing attempt needs to know of the region's
     * state on its day ({@link #tookLateTracing}). Costs no heap: the object had a free slot.
     */
    final @Nullable LocalDate priorSince;

    Instance(Region region, @Nullable InfantId infantId, int infantSlot, PathwayState state, LocalDate since,
        Optional<Transition> via, @Nullable EventId triggeredBy, @Nullable LocalDate priorSince) {
      this.region = region;
      this.infantId = infantId;
      this.infantSlot = infantSlot;
      this.state = state;
      this.stateIndex = PathwayTable.index(state);
      this.since = since;
      this.via = via;
      this.triggeredBy = triggeredBy;
      this.priorSince = priorSince;
    }

    /** The instance after a transition; {@code via} is the row's shared Optional ({@link PathwayTable#optional}). */
    Instance entered(Transition row, Optional<Transition> via, LocalDate on, @Nullable EventId by) {
      return new Instance(region, infantId, infantSlot, row.to(), on, via, by, since);
    }

    /** The state as a value (not kept: a case's checkpoint holds instances for as long as the case lives). */
    RegionState snapshot() {
      return new RegionState(region, Optional.ofNullable(infantId), state, since, via, Optional.ofNullable(triggeredBy));
    }
  }

  final Protocol protocol;
  final Facts facts;
  LocalDate asOf;
  final Memory memory;
  final List<DataQualityIssue> issues;
  /** How many of the facts' events have been delivered. */
  private int next;
  /**
   * Every instance in step order: the infants' (by birth), then the mother's four regions, then the
   * phase (which reads the infants' outcomes). Not shared: copies clone it.
   */
  private Instance[] instances;
  private int infantCount;
  /** Results taken but not yet returned, by result date then fold order; never changed in place (copies share it). */
  private PathwayEvent[] pendingResults;
  /** What guards read, refilled for each; made when the replay runs (a kept checkpoint drops it). */
  private @Nullable Step step;
  /**
   * The deadline row due first over every instance: its instance ({@link #NONE_DUE} if no deadline
   * is pending, {@link #DUE_UNKNOWN} until found), row and date. Kept while nothing it was found
   * from changes (no region moved or was added, and the memory values the deadlines read are the
   * same instances), which is most steps of a replay: scanning every instance's deadline rows
   * before each step was half of a replay's CPU.
   */
  private int dueAt = DUE_UNKNOWN;
  private @Nullable Transition dueRow;
  private @Nullable LocalDate dueOn;
  /** The memory's {@link Deadline#input}s when the due row was found. */
  private @Nullable LocalDate dueDiagnosedOn;
  private @Nullable ViralLoadResulted dueLastVl;
  private @Nullable LocalDate dueMissed;
  private @Nullable LocalDate dueDeliveredOn;

  private Replay(Protocol protocol, Facts facts, LocalDate asOf) {
    this.protocol = protocol;
    this.facts = facts;
    this.asOf = asOf;
    this.memory = new Memory();
    this.issues = new ArrayList<>();
    LocalDate start = facts.events().isEmpty() ? asOf : facts.events().get(0).occurredOn();
    this.instances = new Instance[] {
        new Instance(Region.MATERNAL_ART, null, -1, ArtStatus.NOT_KNOWN_POSITIVE, start, Optional.empty(), null, null),
        new Instance(Region.VIRAL_LOAD, null, -1, ViralLoadStatus.NO_RESULT, start, Optional.empty(), null, null),
        new Instance(Region.ADHERENCE, null, -1, AdherenceBand.UNKNOWN, start, Optional.empty(), null, null),
        new Instance(Region.RETENTION, null, -1, Retention.IN_CARE, start, Optional.empty(), null, null),
        new Instance(Region.PHASE, null, -1, Phase.ANTENATAL, start, Optional.empty(), null, null)};
    this.pendingResults = NO_RESULTS;
  }

  /** Replays the facts up to and including {@code asOf}. */
  static Replay run(Protocol protocol, Facts facts, LocalDate asOf) {
    Replay replay = new Replay(protocol, facts, asOf);
    replay.run();
    return replay;
  }

  /**
   * A copy whose running state is independent of this one (the checkpoint a case keeps is copied,
   * never advanced itself), over the same facts or over facts that extend them
   * ({@link #resumedWith}). What never changes in place (instances, pending results, the infants'
   * memories) is shared.
   */
  private Replay(Replay from, Facts facts) {
    this.protocol = from.protocol;
    this.facts = facts;
    this.asOf = from.asOf;
    this.memory = from.memory.copy(facts);
    this.issues = from.issues.isEmpty() ? new ArrayList<>() : new ArrayList<>(from.issues);
    this.next = from.next;
    this.instances = from.instances.clone();
    this.infantCount = from.infantCount;
    this.pendingResults = from.pendingResults;
    this.dueAt = from.dueAt;
    this.dueRow = from.dueRow;
    this.dueOn = from.dueOn;
    this.dueDiagnosedOn = from.dueDiagnosedOn;
    this.dueLastVl = from.dueLastVl;
    this.dueMissed = from.dueMissed;
    this.dueDeliveredOn = from.dueDeliveredOn;
  }

  /**
   * A copy to keep as a case's checkpoint (copied, never run itself), without the step only a
   * running replay needs. This one may then run on ({@link #continueTo}): evaluating from a
   * checkpoint just advanced needs one copy rather than two.
   */
  Replay kept() {
    return new Replay(this, facts);
  }

  /**
   * A copy of this replay continued to a later date; this one is unchanged. Doing exactly what a
   * replay run to the later date in one go does after this one's date, it is how a checkpoint
   * serves any later date.
   */
  Replay advancedTo(LocalDate later) {
    Replay copy = new Replay(this, facts);
    copy.continueTo(later);
    return copy;
  }

  /**
   * Continues this replay to a later date in place, as {@link #advancedTo} does for a copy: only for
   * a replay no one else holds (not a kept checkpoint).
   */
  void continueTo(LocalDate later) {
    asOf = later;
    run();
  }

  /**
   * This replay continued over other facts to a date, if they only add events after the ones it
   * delivered, dated on or after its date, or {@linkplain #isInert inert} ones anywhere up to its
   * date: then the result equals {@code run(protocol, other, until)}, because what the replay has
   * done so far read only events up to its date, and an inert event changes nothing at any date
   * (a mentor's home visit recorded after the clinic read the case that day: the simulator records
   * them so), or tracing attempts dated before its date when what they did on their day can be
   * told from this replay ({@link #tookLateTracing}). The others must be the very same instances, in the same order (a later event
   * inserted, a correction or a void changes the effective events before it, and then the facts are
   * new instances or in new places), with the same infants (the replay skips events about an
   * infant the facts do not have), or new ones where this replay has met none ({@link #noInfantYet}). Guards also read an infant's facts as a whole, but only up to a
   * sample date the replay has reached, so they see no event added after its date. An event added
   * on its date (a clinic visit recorded after the case was read that day) sorts after every event
   * it delivered, and a full run would deliver it where this one stopped: after that day's results
   * and deadlines. It is taken only if the infants' feeding records are the very same (a guard may
   * have read them on that day: a feeding record added then could change {@link Guard#isFinalTest}).
   * This one is unchanged.
   *
   * @return the continued replay, or null if the other facts change what this one has done
   */
  @Nullable Replay resumedWith(Facts other, LocalDate until) {
    if (until.isBefore(asOf)) {
      return null;
    }
    Timeline theirs = other.events();
    // One that has delivered no event yet started its regions on the first event's date, which
    // other facts may move.
    if (next == 0) {
      return null;
    }
    int resumeAt = theirs.startsWithSame(facts.events(), next) ? next : afterInertInserted(theirs, facts.events(), next);
    if (resumeAt < 0) {
      return null;
    }
    // Inert events added after the delivered ones and dated up to this replay's date: delivered
    // as none (a full run would deliver them as no-ops among this replay's days). Tracing attempts
    // dated before it too: taken below as a full run would have taken them on their day.
    while (resumeAt < theirs.size() && (isInert(theirs.get(resumeAt)) && !theirs.get(resumeAt).occurredOn().isAfter(asOf)
        || isLateTracing(theirs.get(resumeAt)))) {
      resumeAt++;
    }
    if (theirs.size() > resumeAt) {
      LocalDate added = theirs.get(resumeAt).occurredOn();
      if (added.isBefore(asOf) || (added.equals(asOf) && !sameFeeding(other, facts))) {
        return null;
      }
    }
    if (!other.infants().keySet().equals(facts.infants().keySet()) && !noInfantYet()) {
      return null;
    }
    Replay copy = new Replay(this, other);
    // A tracing attempt added shows as another tracing history (the facts share it otherwise).
    if (other.mother().tracing() != facts.mother().tracing() && !copy.tookLateTracings(theirs, facts.events(), resumeAt)) {
      return null;
    }
    copy.next = resumeAt;
    copy.asOf = until;
    copy.run();
    return copy;
  }

  /**
   * Whether this replay has met no infant: its facts have none, and it has delivered no delivery
   * and no event about an infant (none it skipped for an infant its facts lack). Then other facts
   * that add infants (a delivery recorded after the case was read) add them only by a delivery it
   * has not reached (the events inserted before it are inert or tracing attempts), and a full run
   * of them did what it did up to its date: the replay reads an infant's facts only from its birth.
   * The simulator's reading on the day of the delivery resumes so rather than replaying the case.
   */
  private boolean noInfantYet() {
    if (!facts.infants().isEmpty()) {
      return false;
    }
    Timeline ours = facts.events();
    for (int i = 0; i < next; i++) {
      PathwayEvent event = ours.get(i);
      if (event.kind() == EventKind.DELIVERED || infantOf(event) != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an event is a tracing attempt dated before this replay's date: one the simulator
   * records with the clinic's next visit, after the case was read (a third of the readings that
   * could not resume did not for one).
   */
  private boolean isLateTracing(PathwayEvent event) {
    return event.kind() == EventKind.TRACING_ATTEMPTED && event.occurredOn().isBefore(asOf);
  }

  /**
   * Takes, in this copy, the tracing attempts among the first {@code resumeAt} of {@code theirs} that
   * are not among the {@link #next} events of {@code ours} it has delivered (all dated before its
   * date), in timeline order; false when one cannot be taken so ({@link #tookLateTracing}).
   */
  private boolean tookLateTracings(Timeline theirs, Timeline ours, int resumeAt) {
    for (int i = 0, at = 0; i < resumeAt; i++) {
      PathwayEvent event = theirs.get(i);
      if (at < next && ours.get(at) == event) {
        at++;
      } else if (event.kind() == EventKind.TRACING_ATTEMPTED && !tookLateTracing((TracingAttempted) event)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Takes a tracing attempt dated before this replay's date as a full run would have on its day
   * (after the events it sorts after), and says whether it could. Why this is exact:
   *
   * <ul>
   *   <li>Only one row takes a tracing attempt (RET-10: a missed appointment becomes TRACED when
   *       she was reached), its guard reads the event alone, and the memory keeps nothing of it:
   *       one that did not reach her is inert, and one that did moves retention only if retention
   *       was APPOINTMENT_MISSED at that moment.
   *   <li>Retention moves on the day the replay reaches: on an event's day, or at a deadline an
   *       appointment's day (on or after the day it was set) plus one or more days. So its current
   *       instance's {@code since}, and the one before it's ({@link Instance#priorSince}), tell its
   *       state on the attempt's day when neither is that day: the current state if it entered it
   *       before; the one before (the row's {@code from}) if that was entered before and left after.
   *   <li>TRACED has APPOINTMENT_MISSED's rows but RET-10, same triggers, guards and targets in the
   *       same order ({@link #TRACED_ROW_OF}; a test checks the table). So from the attempt on, the
   *       full run's retention, TRACED since its day, did what the replay's APPOINTMENT_MISSED did:
   *       no other row of it fired (it would have moved this replay's), its INTERRUPTION deadline
   *       fell on the same days (it did not fire here before the attempt's day, so it fell after
   *       it and the since-date clamp changes nothing), until it left by the counterpart row on the
   *       same day, to the same state, or by RET-10 where the full run stays TRACED. After that the
   *       two are the same. No other region or guard reads retention's state.
   * </ul>
   *
   * So: the current instance, or its way in, is replaced by the full run's; otherwise (a move on
   * the attempt's day, or two since it) false, and the caller replays from the checkpoint.
   */
  private boolean tookLateTracing(TracingAttempted tracing) {
    if (tracing.outcome() != Codes.TracingOutcome.REACHED_WILL_RETURN) {
      return true;
    }
    int at = infantCount;
    while (instances[at].region != Region.RETENTION) {
      at++;
    }
    Instance retention = instances[at];
    LocalDate on = tracing.occurredOn();
    if (retention.since.isBefore(on)) {
      if (retention.state == Retention.APPOINTMENT_MISSED) {
        move(at, retention.entered(REACHED_ROW, PathwayTable.optional(REACHED_ROW), on, tracing.id()));
      }
      return true;
    }
    if (!on.isBefore(retention.since) || retention.priorSince == null || !retention.priorSince.isBefore(on)) {
      return false;
    }
    Transition exit = retention.via.orElseThrow();
    if (exit.from() != Retention.APPOINTMENT_MISSED) {
      return true;
    }
    if (exit == REACHED_ROW) {
      // Reached again later, where the full run was already TRACED since this attempt.
      move(at, new Instance(Region.RETENTION, null, -1, Retention.TRACED, on, retention.via, tracing.id(),
          retention.priorSince));
      return true;
    }
    Transition traced = TRACED_ROW_OF.get(exit);
    if (traced == null) {
      return false;
    }
    move(at, new Instance(Region.RETENTION, null, -1, retention.state, retention.since, PathwayTable.optional(traced),
        retention.triggeredBy, on));
    return true;
  }

  /** RET-10: the only row that takes a tracing attempt. */
  static final Transition REACHED_ROW = PathwayTable.eventRows(PathwayTable.index(Retention.APPOINTMENT_MISSED),
      EventKind.TRACING_ATTEMPTED)[0];

  /**
   * Each row out of APPOINTMENT_MISSED but RET-10 to TRACED's row with the same trigger, guard and
   * target (a test checks that TRACED has no other rows, in the same order).
   */
  static final java.util.Map<Transition, Transition> TRACED_ROW_OF = tracedRows();

  private static java.util.Map<Transition, Transition> tracedRows() {
    java.util.Map<Transition, Transition> rows = new java.util.IdentityHashMap<>();
    for (Transition missed : PathwayTable.rows()) {
      if (missed.from() != Retention.APPOINTMENT_MISSED || missed == REACHED_ROW) {
        continue;
      }
      for (Transition traced : PathwayTable.rows()) {
        if (traced.from() == Retention.TRACED && traced.trigger().equals(missed.trigger())
            && traced.guard() == missed.guard() && traced.to() == missed.to()) {
          rows.put(missed, traced);
        }
      }
    }
    return java.util.Collections.unmodifiableMap(rows);
  }

  /**
   * Whether every infant of {@code ours} has the very same feeding history in {@code theirs}: all a
   * guard reads of an infant's facts, beyond its id and birth date ({@link Guard#isFinalTest}).
   */
  private static boolean sameFeeding(Facts theirs, Facts ours) {
    if (theirs.infants() == ours.infants()) {
      return true;
    }
    for (InfantFacts infant : ours.infants().values()) {
      InfantFacts other = theirs.infants().get(infant.infantId());
      if (other == null || other.feeding() != infant.feeding()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where {@code theirs} resumes when it holds {@code ours}' first {@code n} events, the very
   * instances in the same order, with only inert events between them; -1 when it does not. Not
   * before the first: the regions start on the first event's date.
   */
  private int afterInertInserted(Timeline theirs, Timeline ours, int n) {
    if (theirs.size() < n || theirs.get(0) != ours.get(0)) {
      return -1;
    }
    int at = 0;
    for (int i = 0; i < n; i++) {
      PathwayEvent delivered = ours.get(i);
      while (at < theirs.size() && theirs.get(at) != delivered) {
        if (!isInert(theirs.get(at)) && !isLateTracing(theirs.get(at))) {
          return -1;
        }
        at++;
      }
      if (at == theirs.size()) {
        return -1;
      }
      at++;
    }
    return at;
  }

  /**
   * Whether delivering an event changes nothing in any replay, at any date: no row of the table
   * takes its kind in any state (nor must: no strict row), it is neither a clinical contact nor a
   * result, and the memory keeps nothing of it ({@link Memory#onOccurred}). A mentor's home visit,
   * a mentor's assignment, a consent record. A test checks these against the table and the memory.
   */
  static boolean isInert(PathwayEvent event) {
    return INERT[event.kind().ordinal()];
  }

  /** The kinds {@link #isInert} names. */
  static final java.util.Set<EventKind> INERT_KINDS = java.util.Collections.unmodifiableSet(
      java.util.EnumSet.of(EventKind.MENTOR_VISITED, EventKind.MENTOR_ASSIGNED, EventKind.CONSENT_RECORDED));

  private static final boolean[] INERT = new boolean[EventKind.values().length];

  static {
    INERT_KINDS.forEach(kind -> INERT[kind.ordinal()] = true);
  }

  /** How many of its facts' events this replay has delivered (or passed over). */
  int delivered() {
    return next;
  }

  /** The date up to which this replay has run. */
  LocalDate asOf() {
    return asOf;
  }

  private void run() {
    if (step == null) {
      step = new Step(protocol, facts, memory, this, asOf);
    }
    Timeline events = facts.events();
    while (true) {
      PathwayEvent event = next < events.size() && !events.get(next).occurredOn().isAfter(asOf) ? events.get(next) : null;
      PathwayEvent result = pendingResults.length == 0 ? null : pendingResults[0];
      if (result != null && resultDate(result).isAfter(asOf)) {
        result = null;
      }
      LocalDate horizon = asOf;
      if (event != null) {
        horizon = event.occurredOn();
      }
      if (result != null && resultDate(result).isBefore(horizon)) {
        horizon = resultDate(result);
      }
      fireDeadlines(horizon);
      if (event == null && result == null) {
        return;
      }
      if (result != null && (event == null || !resultDate(result).isAfter(event.occurredOn()))) {
        pendingResults = pendingResults.length == 1 ? NO_RESULTS
            : java.util.Arrays.copyOfRange(pendingResults, 1, pendingResults.length);
        deliverResult(result);
      } else {
        next++;
        // An event for an infant no longer in the delivery (after a void or correction) is kept in
        // the facts with soft rule DQ-005 and otherwise ignored: it must not move any region.
        InfantId about = infantOf(event);
        if (about != null && !facts.infants().containsKey(about)) {
          continue;
        }
        deliverEvent(event);
      }
    }
  }

  private void deliverEvent(PathwayEvent event) {
    boolean isResult = hasResult(event);
    LocalDate date = event.occurredOn();
    int phase = instances.length - 1;
    for (int i = 0; i < infantCount; i++) {
      if (!(isResult && readsResults(Region.INFANT)) && concerns(instances[i], event)) {
        dispatch(i, event, date);
      }
    }
    for (int i = infantCount; i < phase; i++) {
      if (!(isResult && readsResults(instances[i].region))) {
        dispatch(i, event, date);
      }
    }
    if (!(isResult && readsResults(Region.PHASE))) {
      dispatch(phase, event, date);
    }
    memory.onOccurred(event, facts);
    if (event.kind() == EventKind.DELIVERED) {
      for (Birth birth : ((Delivered) event).births()) {
        int slot = memory.slotOf(birth.infantId());
        if (slot >= 0) {
          Instance[] grown = new Instance[instances.length + 1];
          System.arraycopy(instances, 0, grown, 0, infantCount);
          grown[infantCount] = new Instance(Region.INFANT, birth.infantId(), slot, InfantStatus.EXPOSED, date, Optional.empty(), null, null);
          System.arraycopy(instances, infantCount, grown, infantCount + 1, instances.length - infantCount);
          instances = grown;
          infantCount++;
          dueAt = DUE_UNKNOWN;
        }
      }
    }
    if (isResult) {
      pendingResults = withPending(pendingResults, event);
    }
  }

  /** The pending results with one more in its place (a new array: copies share the old one). */
  private static PathwayEvent[] withPending(PathwayEvent[] pending, PathwayEvent event) {
    int at = pending.length;
    while (at > 0 && BY_RESULT_DATE.compare(pending[at - 1], event) > 0) {
      at--;
    }
    PathwayEvent[] grown = new PathwayEvent[pending.length + 1];
    System.arraycopy(pending, 0, grown, 0, at);
    grown[at] = event;
    System.arraycopy(pending, at, grown, at + 1, pending.length - at);
    return grown;
  }

  private void deliverResult(PathwayEvent event) {
    LocalDate date = resultDate(event);
    int phase = instances.length - 1;
    for (int i = 0; i < infantCount; i++) {
      if (concerns(instances[i], event)) {
        dispatch(i, event, date);
      }
    }
    for (int i = infantCount; i < phase; i++) {
      if (readsResults(instances[i].region)) {
        dispatch(i, event, date);
      }
    }
    dispatch(phase, event, date);
    memory.onResult(event);
  }

  private void dispatch(int at, PathwayEvent event, LocalDate date) {
    Instance instance = instances[at];
    Transition[] rows = PathwayTable.eventRows(instance.stateIndex, event.kind());
    for (int i = 0; i < rows.length; i++) {
      Transition row = rows[i];
      if (row.guard().test(step(instance, event, date))) {
        if (!row.keepsState()) {
          move(at, instance.entered(row, PathwayTable.eventRowOptional(instance.stateIndex, event.kind(), i), date, event.id()));
        }
        return;
      }
    }
    if (PathwayTable.strict(instance.region, event.kind())) {
      issues.add(new DataQualityIssue(Rule.UNEXPECTED_TRANSITION, event.id(), date));
    }
  }

  /** Fires every deadline due on or before a date, earliest first. */
  private void fireDeadlines(LocalDate horizon) {
    while (true) {
      if (dueAt == DUE_UNKNOWN || deadlineInputsChanged()) {
        findDue();
      }
      assert dueAgreesWithScan();
      if (dueAt == NONE_DUE || dueOn.isAfter(horizon)) {
        return;
      }
      Instance due = instances[dueAt];
      move(dueAt, due.entered(dueRow, deadlineRowOptional(due.stateIndex, dueRow), dueOn, null));
    }
  }

  /** The shared Optional of one of a state's deadline rows (a state has a few). */
  private static Optional<Transition> deadlineRowOptional(int stateIndex, Transition row) {
    Transition[] rows = PathwayTable.deadlineRows(stateIndex);
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == row) {
        return PathwayTable.deadlineRowOptional(stateIndex, r);
      }
    }
    throw new IllegalStateException("a due row not among its state's deadline rows");
  }

  /**
   * Finds the deadline row due first (the first instance and row in step order among equal dates):
   * the first to fire whatever the horizon, as the due rows on or before it are the earliest.
   */
  private void findDue() {
    dueAt = NONE_DUE;
    dueRow = null;
    dueOn = null;
    for (int i = 0; i < instances.length; i++) {
      Instance instance = instances[i];
      Transition[] rows = PathwayTable.deadlineRows(instance.stateIndex);
      for (int r = 0; r < rows.length; r++) {
        Transition row = rows[r];
        LocalDate due = dueDate(((Trigger.AtDeadline) row.trigger()).deadline(), instance);
        if (due != null && (dueOn == null || due.isBefore(dueOn))) {
          dueAt = i;
          dueRow = row;
          dueOn = due;
        }
      }
    }
    dueDiagnosedOn = memory.diagnosedOn;
    dueLastVl = memory.lastVl;
    dueMissed = memory.missedAppointment();
    dueDeliveredOn = memory.deliveredOn;
  }

  /**
   * Whether a memory value a deadline reads is another since the due row was found: every value
   * {@link Deadline#input} reads (the assertion in {@link #fireDeadlines} fails on one left out).
   */
  private boolean deadlineInputsChanged() {
    return memory.diagnosedOn != dueDiagnosedOn || memory.lastVl != dueLastVl
        || memory.missedAppointment() != dueMissed || memory.deliveredOn != dueDeliveredOn;
  }

  /** A deadline's date for an instance: not before the day it entered its state; null if none. */
  private @Nullable LocalDate dueDate(Deadline deadline, Instance instance) {
    LocalDate due = deadline(deadline);
    return due != null && due.isBefore(instance.since) ? instance.since : due;
  }

  /**
   * For assertions (on in the tests) and tests: the kept due row is the one a scan finds now; a
   * stale one would fire wrongly or not at all. The scan refreshes it, to the same values when
   * this holds.
   */
  boolean dueAgreesWithScan() {
    int at = dueAt;
    Transition row = dueRow;
    LocalDate on = dueOn;
    findDue();
    return at == dueAt && row == dueRow && java.util.Objects.equals(on, dueOn);
  }

  /**
   * The earliest date after this replay's date on which a deadline would fire with no new event, or
   * null if none is pending. Reads the deadlines as {@link #fireDeadlines} does, without firing.
   */
  @Nullable LocalDate nextDeadlineAfter() {
    LocalDate earliest = null;
    for (int i = 0; i < instances.length; i++) {
      Instance instance = instances[i];
      Transition[] rows = PathwayTable.deadlineRows(instance.stateIndex);
      for (int r = 0; r < rows.length; r++) {
        LocalDate due = dueDate(((Trigger.AtDeadline) rows[r].trigger()).deadline(), instance);
        if (due != null && due.isAfter(asOf) && (earliest == null || due.isBefore(earliest))) {
          earliest = due;
        }
      }
    }
    return earliest;
  }

  /**
   * A deadline's date (the same for every instance: the since-date clamp is the caller's). Not
   * kept: it is read only when the due row is found again ({@link #findDue}), and keeping it cost
   * each running copy of a replay two arrays.
   */
  private @Nullable LocalDate deadline(Deadline deadline) {
    if (deadline == Deadline.ALL_INFANTS_RESOLVED) {
      return allInfantsResolvedOn();
    }
    Object value = deadline.input(memory);
    if (value == null) {
      return null;
    }
    return deadline.dateFrom(value, protocol);
  }

  private Step step(Instance instance, @Nullable PathwayEvent event, LocalDate date) {
    return step.at(instance.infantSlot < 0 ? null : memory.infantAt(instance.infantSlot), event, date, instance.since);
  }

  private void move(int at, Instance to) {
    instances[at] = to;
    dueAt = DUE_UNKNOWN;
  }

  /** The day the last infant reached a final outcome, if every infant has one; else null. */
  @Nullable LocalDate allInfantsResolvedOn() {
    if (infantCount == 0) {
      return null;
    }
    LocalDate latest = null;
    for (int i = 0; i < infantCount; i++) {
      Instance infant = instances[i];
      if (!isResolved((InfantStatus) infant.state)) {
        return null;
      }
      if (latest == null || infant.since.isAfter(latest)) {
        latest = infant.since;
      }
    }
    return latest;
  }

  static boolean isResolved(InfantStatus status) {
    return switch (status) {
      case HIV_POSITIVE, HIV_NEGATIVE, DIED, TRANSFERRED_OUT -> true;
      case EXPOSED, INCONCLUSIVE, PRESUMPTIVE_POSITIVE, LOST_TO_FOLLOW_UP -> false;
    };
  }

  private static boolean concerns(Instance infant, PathwayEvent event) {
    InfantId about = infantOf(event);
    return about == null || about.equals(infant.infantId);
  }

  /**
   * The infant an event is about ({@link PathwayEvent#aboutInfant()}) without allocating: the
   * replay asks for every event and instance, and recording for every event.
   */
  static @Nullable InfantId infantOf(PathwayEvent event) {
    return switch (event.kind()) {
      case INFANT_PROPHYLAXIS_STARTED -> ((InfantProphylaxisStarted) event).infantId();
      case INFANT_PROPHYLAXIS_STOPPED -> ((InfantProphylaxisStopped) event).infantId();
      case INFANT_HIV_TESTED -> ((InfantHivTested) event).infantId();
      case COTRIMOXAZOLE_STARTED -> ((CotrimoxazoleStarted) event).infantId();
      case COTRIMOXAZOLE_STOPPED -> ((CotrimoxazoleStopped) event).infantId();
      case FEEDING_RECORDED -> ((FeedingRecorded) event).infantId();
      case INFANT_ART_STARTED -> ((InfantArtStarted) event).infantId();
      case TRANSFERRED_IN -> ((TransferredIn) event).subject().infantId().orElse(null);
      case TRANSFERRED_OUT -> ((TransferredOut) event).subject().infantId().orElse(null);
      case DIED -> ((Died) event).subject().infantId().orElse(null);
      case CORRECTED -> infantOf(((Corrected) event).replacement());
      case ENROLLED, PROTOCOL_CHANGED, MATERNAL_HIV_TESTED, ART_STARTED, REGIMEN_CHANGED,
          ARVS_DISPENSED, PILL_COUNTED, VIRAL_LOAD_RESULTED, ADHERENCE_COUNSELLED,
          CONSENT_RECORDED, MENTOR_ASSIGNED, MENTOR_VISITED, APPOINTMENT_SET, APPOINTMENT_KEPT,
          DELIVERED, TRACING_ATTEMPTED, RETURNED_TO_CARE, VOIDED -> null;
    };
  }

  /** Regions that take a result on the day it was returned; the phase follows the infants' outcomes. */
  private static boolean readsResults(Region region) {
    return region == Region.VIRAL_LOAD || region == Region.INFANT || region == Region.PHASE;
  }

  /** Whether an event carries a result the regions that read results take on its result date. */
  private static boolean hasResult(PathwayEvent event) {
    return event.kind() == EventKind.VIRAL_LOAD_RESULTED
        || (event.kind() == EventKind.INFANT_HIV_TESTED && ((InfantHivTested) event).result() != InfantTestResult.PENDING);
  }

  static LocalDate resultDate(PathwayEvent event) {
    if (event instanceof ViralLoadResulted vl) {
      return vl.resultDate();
    }
    if (event instanceof InfantHivTested test) {
      return test.resultDate().orElse(test.sampleDate());
    }
    return event.occurredOn();
  }

  RegionState phase() {
    return instances[instances.length - 1].snapshot();
  }

  RegionState mother(Region region) {
    for (int i = infantCount; i < infantCount + MOTHER_REGIONS; i++) {
      if (instances[i].region == region) {
        return instances[i].snapshot();
      }
    }
    throw new IllegalArgumentException(region.name());
  }

  ImmutableList<RegionState> infants() {
    ImmutableList.Builder<RegionState> infants = ImmutableList.builderWithExpectedSize(infantCount);
    for (int i = 0; i < infantCount; i++) {
      infants.add(instances[i].snapshot());
    }
    return infants.build();
  }

  Optional<RegionState> infant(InfantId infantId) {
    for (int i = 0; i < infantCount; i++) {
      if (infantId.equals(instances[i].infantId)) {
        return Optional.of(instances[i].snapshot());
      }
    }
    return Optional.empty();
  }
}
