package org.mentor.core.pathway;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
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
  private static final Deadline[] DEADLINES = Deadline.values();

  /** One region's running state. */
  static final class Instance {
    final Region region;
    final Memory.@Nullable InfantMemory infant;
    PathwayState state;
    int stateIndex;
    LocalDate since;
    @Nullable Transition via;
    @Nullable EventId triggeredBy;

    Instance copy(Memory.@Nullable InfantMemory infantCopy) {
      Instance copy = new Instance(region, infantCopy, state, since);
      copy.via = via;
      copy.triggeredBy = triggeredBy;
      return copy;
    }

    Instance(Region region, Memory.@Nullable InfantMemory infant, PathwayState initial, LocalDate since) {
      this.region = region;
      this.infant = infant;
      this.state = initial;
      this.stateIndex = PathwayTable.index(initial);
      this.since = since;
    }

    void enter(Transition row, LocalDate on, @Nullable EventId by) {
      state = row.to();
      stateIndex = PathwayTable.index(state);
      since = on;
      via = row;
      triggeredBy = by;
    }

    RegionState snapshot() {
      return new RegionState(region, infant == null ? Optional.empty() : Optional.of(infant.facts.infantId()),
          state, since, Optional.ofNullable(via), Optional.ofNullable(triggeredBy));
    }
  }

  final Protocol protocol;
  final Facts facts;
  LocalDate asOf;
  final Memory memory;
  final List<DataQualityIssue> issues;
  /** How many of the facts' events have been delivered. */
  private int next;
  private final List<Instance> infants = new ArrayList<>();
  private final List<Instance> mother = new ArrayList<>();
  private final Instance phase;
  /** Every instance in step order: infants, then the mother's regions, then the phase. */
  private final List<Instance> all = new ArrayList<>();
  private final PriorityQueue<PathwayEvent> pendingResults = new PriorityQueue<>(BY_RESULT_DATE);
  private final Step step;
  /** Per deadline, the memory value its date was last computed from, and that date ({@link Deadline#input}). */
  private final @Nullable Object[] deadlineInputs = new Object[DEADLINES.length];
  private final @Nullable LocalDate[] deadlineDates = new LocalDate[DEADLINES.length];

  private Replay(Protocol protocol, Facts facts, LocalDate asOf) {
    this.protocol = protocol;
    this.facts = facts;
    this.asOf = asOf;
    this.memory = new Memory();
    this.issues = new ArrayList<>();
    LocalDate start = facts.events().isEmpty() ? asOf : facts.events().get(0).occurredOn();
    mother.add(new Instance(Region.MATERNAL_ART, null, ArtStatus.NOT_KNOWN_POSITIVE, start));
    mother.add(new Instance(Region.VIRAL_LOAD, null, ViralLoadStatus.NO_RESULT, start));
    mother.add(new Instance(Region.ADHERENCE, null, AdherenceBand.UNKNOWN, start));
    mother.add(new Instance(Region.RETENTION, null, Retention.IN_CARE, start));
    phase = new Instance(Region.PHASE, null, Phase.ANTENATAL, start);
    all.addAll(mother);
    all.add(phase);
    step = new Step(protocol, facts, memory, this, start);
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
   * ({@link #resumedWith}).
   */
  private Replay(Replay from, Facts facts) {
    this.protocol = from.protocol;
    this.facts = facts;
    this.asOf = from.asOf;
    this.memory = from.memory.copy(facts);
    this.issues = new ArrayList<>(from.issues);
    this.next = from.next;
    this.pendingResults.addAll(from.pendingResults);
    for (Instance instance : from.all) {
      Instance copy = instance.copy(instance.infant == null ? null : memory.infants.get(instance.infant.facts.infantId()));
      all.add(copy);
      if (instance.region == Region.INFANT) {
        infants.add(copy);
      } else if (instance.region != Region.PHASE) {
        mother.add(copy);
      }
    }
    this.phase = all.get(all.size() - 1);
    this.step = new Step(protocol, facts, memory, this, from.step.since());
    System.arraycopy(from.deadlineInputs, 0, deadlineInputs, 0, DEADLINES.length);
    System.arraycopy(from.deadlineDates, 0, deadlineDates, 0, DEADLINES.length);
  }

  /** The facts this replay reads. */
  Facts facts() {
    return facts;
  }

  /**
   * A copy of this replay continued to a later date; this one is unchanged. Doing exactly what a
   * replay run to the later date in one go does after this one's date, it is how a checkpoint
   * serves any later date.
   */
  Replay advancedTo(LocalDate later) {
    Replay copy = new Replay(this, facts);
    copy.asOf = later;
    copy.run();
    return copy;
  }

  /**
   * This replay continued over other facts to a date, if they only add events after this replay's
   * date: then the result equals {@code run(protocol, other, until)}, because what the replay has
   * done so far read only events up to its date. Those must be the very same instances, in the
   * same places (a later event inserted, a correction or a void changes the effective events
   * before it, and then the facts are new instances or in new places), with the same infants (the
   * replay skips events about an infant the facts do not have). Guards also read an infant's facts
   * as a whole, but only up to a sample date the replay has reached, so they see no added event.
   * This one is unchanged.
   *
   * @return the continued replay, or null if the other facts change what this one has done
   */
  @Nullable Replay resumedWith(Facts other, LocalDate until) {
    if (until.isBefore(asOf)) {
      return null;
    }
    Timeline theirs = other.events();
    if (theirs.size() < next || !theirs.startsWithSame(facts.events(), next)) {
      return null;
    }
    if (theirs.size() > next && !theirs.get(next).occurredOn().isAfter(asOf)) {
      return null;
    }
    if (!other.infants().keySet().equals(facts.infants().keySet())) {
      return null;
    }
    Replay copy = new Replay(this, other);
    copy.asOf = until;
    copy.run();
    return copy;
  }

  /** The date up to which this replay has run. */
  LocalDate asOf() {
    return asOf;
  }

  private void run() {
    Timeline events = facts.events();
    while (true) {
      PathwayEvent event = next < events.size() && !events.get(next).occurredOn().isAfter(asOf) ? events.get(next) : null;
      PathwayEvent result = pendingResults.peek();
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
        pendingResults.poll();
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
    for (int i = 0; i < infants.size(); i++) {
      Instance instance = infants.get(i);
      if (!(isResult && readsResults(instance.region)) && concerns(instance, event)) {
        dispatch(instance, event, date);
      }
    }
    for (int i = 0; i < mother.size(); i++) {
      Instance instance = mother.get(i);
      if (!(isResult && readsResults(instance.region))) {
        dispatch(instance, event, date);
      }
    }
    if (!(isResult && readsResults(Region.PHASE))) {
      dispatch(phase, event, date);
    }
    memory.onOccurred(event, facts);
    if (event.kind() == EventKind.DELIVERED) {
      for (Birth birth : ((Delivered) event).births()) {
        Memory.InfantMemory infant = memory.infants.get(birth.infantId());
        if (infant != null) {
          Instance instance = new Instance(Region.INFANT, infant, InfantStatus.EXPOSED, date);
          all.add(infants.size(), instance);
          infants.add(instance);
        }
      }
    }
    if (isResult) {
      pendingResults.add(event);
    }
  }

  private void deliverResult(PathwayEvent event) {
    LocalDate date = resultDate(event);
    for (int i = 0; i < infants.size(); i++) {
      Instance instance = infants.get(i);
      if (concerns(instance, event)) {
        dispatch(instance, event, date);
      }
    }
    for (int i = 0; i < mother.size(); i++) {
      Instance instance = mother.get(i);
      if (readsResults(instance.region)) {
        dispatch(instance, event, date);
      }
    }
    dispatch(phase, event, date);
    memory.onResult(event);
  }

  private void dispatch(Instance instance, PathwayEvent event, LocalDate date) {
    Transition[] rows = PathwayTable.eventRows(instance.stateIndex, event.kind());
    for (int i = 0; i < rows.length; i++) {
      Transition row = rows[i];
      if (row.guard().test(step(instance, event, date))) {
        if (!row.keepsState()) {
          instance.enter(row, date, event.id());
        }
        return;
      }
    }
    if (PathwayTable.strict(instance.region, event.kind())) {
      issues.add(new DataQualityIssue(Rule.UNEXPECTED_TRANSITION, event.id(), date));
    }
  }

  private void fireDeadlines(LocalDate horizon) {
    while (true) {
      Instance best = null;
      Transition bestRow = null;
      LocalDate bestDate = null;
      for (int i = 0; i < all.size(); i++) {
        Instance instance = all.get(i);
        Transition[] rows = PathwayTable.deadlineRows(instance.stateIndex);
        for (int r = 0; r < rows.length; r++) {
          Transition row = rows[r];
          if (row.trigger() instanceof Trigger.AtDeadline at) {
            LocalDate due = deadline(at.deadline(), instance, horizon);
            if (due == null) {
              continue;
            }
            if (due.isBefore(instance.since)) {
              due = instance.since;
            }
            if (!due.isAfter(horizon) && (bestDate == null || due.isBefore(bestDate))) {
              best = instance;
              bestRow = row;
              bestDate = due;
            }
          }
        }
      }
      if (best == null) {
        return;
      }
      best.enter(bestRow, bestDate, null);
    }
  }

  /**
   * The earliest date after this replay's date on which a deadline would fire with no new event, or
   * null if none is pending. Reads the deadlines as {@link #fireDeadlines} does, without firing.
   */
  @Nullable LocalDate nextDeadlineAfter() {
    LocalDate earliest = null;
    for (int i = 0; i < all.size(); i++) {
      Instance instance = all.get(i);
      Transition[] rows = PathwayTable.deadlineRows(instance.stateIndex);
      for (int r = 0; r < rows.length; r++) {
        if (rows[r].trigger() instanceof Trigger.AtDeadline at) {
          LocalDate due = deadline(at.deadline(), instance, asOf);
          if (due == null) {
            continue;
          }
          if (due.isBefore(instance.since)) {
            due = instance.since;
          }
          if (due.isAfter(asOf) && (earliest == null || due.isBefore(earliest))) {
            earliest = due;
          }
        }
      }
    }
    return earliest;
  }

  /** A deadline's date for an instance, recomputed only when what it is computed from changed. */
  private @Nullable LocalDate deadline(Deadline deadline, Instance instance, LocalDate date) {
    java.util.function.Function<Memory, @Nullable Object> input = deadline.input();
    if (input == null) {
      return deadline.at(step(instance, null, date));
    }
    Object value = input.apply(memory);
    if (value == null) {
      return null;
    }
    int d = deadline.ordinal();
    if (deadlineInputs[d] != value) {
      deadlineDates[d] = deadline.at(step(instance, null, date));
      deadlineInputs[d] = value;
    }
    return deadlineDates[d];
  }

  private Step step(Instance instance, @Nullable PathwayEvent event, LocalDate date) {
    return step.at(instance.infant, event, date, instance.since);
  }

  /** The day the last infant reached a final outcome, if every infant has one; else null. */
  @Nullable LocalDate allInfantsResolvedOn() {
    if (infants.isEmpty()) {
      return null;
    }
    LocalDate latest = null;
    for (int i = 0; i < infants.size(); i++) {
      Instance infant = infants.get(i);
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
    return about == null || about.equals(infant.infant.facts.infantId());
  }

  /** The infant an event is about, without allocating (the replay asks for every event and instance). */
  static @Nullable InfantId infantOf(PathwayEvent event) {
    return switch (event.kind()) {
      case INFANT_PROPHYLAXIS_STARTED, INFANT_PROPHYLAXIS_STOPPED, INFANT_HIV_TESTED, COTRIMOXAZOLE_STARTED,
          COTRIMOXAZOLE_STOPPED, FEEDING_RECORDED, INFANT_ART_STARTED, TRANSFERRED_IN, TRANSFERRED_OUT, DIED, CORRECTED ->
          event.aboutInfant().orElse(null);
      default -> null;
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
    return phase.snapshot();
  }

  RegionState mother(Region region) {
    for (Instance instance : mother) {
      if (instance.region == region) {
        return instance.snapshot();
      }
    }
    throw new IllegalArgumentException(region.name());
  }

  ImmutableList<RegionState> infants() {
    return infants.stream().map(Instance::snapshot).collect(ImmutableList.toImmutableList());
  }

  Optional<RegionState> infant(InfantId infantId) {
    return infants.stream().filter(i -> i.infant.facts.infantId().equals(infantId)).findFirst().map(Instance::snapshot);
  }
}
