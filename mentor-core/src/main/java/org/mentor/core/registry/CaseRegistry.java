package org.mentor.core.registry;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableRangeMap;
import com.google.common.util.concurrent.Striped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.Rule;
import org.mentor.core.UnknownCaseException;
import org.mentor.core.VersionConflictException;
import org.mentor.core.json.CaseEvent;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.schedule.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case registry an EMR embeds: enrol cases, record what happened (dated, often late, sometimes
 * corrected), read a case as of any date, and ask every morning what each mentor must do today.
 *
 * <pre>{@code
 * CaseRegistry registry = CaseRegistry.builder().zone(ZoneId.of("Africa/Nairobi")).build();
 * registry.enrol(caseId, enrolled);
 * registry.record(caseId, artStarted);
 * CaseView today = registry.view(caseId);
 * DueList due = registry.dueList(DueQuery.forMentor(mentorId));
 * }</pre>
 *
 * <p>Events are kept in a {@link CaseStore} (in memory unless configured): the registry holds
 * nothing that cannot be rebuilt from it, and {@link #refresh()} picks up cases another writer
 * changed. A mother's own HIV-care events (ART, viral loads, adherence, appointments, her death)
 * are seen by every case of hers; a correction or void of one recorded through another of her
 * cases is routed to that case.
 *
 * <p>Thread-safe: updates to one case are atomic (a batch for one case is all or nothing); an
 * optional expected version gives optimistic concurrency. Logs only counts, event kinds and rule
 * ids, never patient data.
 */
@API(status = STABLE, since = "0.1")
public final class CaseRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(CaseRegistry.class);
  private static final int STORE_RETRIES = 3;
  private static final int REFRESH_PAGE = 1_000;

  private final ImmutableMap<ProtocolRef, Protocol> protocols;
  private final Protocol defaultProtocol;
  private final Clock clock;
  private final boolean redact;
  private final CaseStore store;
  private final RegistryListener listener;
  private final ConcurrentMap<CaseId, CaseFile> cases = new ConcurrentHashMap<>();
  private final ConcurrentMap<MotherId, List<CaseId>> casesByMother = new ConcurrentHashMap<>();
  /**
   * Whether some mother has two cases. Until one has, no case has siblings and {@link #siblings}
   * looks nothing up (asked at every batch with one of her events; a simulation's mothers have one
   * case each). Set before the mother's longer list is published, so a reader that sees it unset
   * could only have read her shorter list.
   */
  private volatile boolean anySiblings;
  /**
   * One lock per case's stripe, made when first used: a simulation builds a registry for every 64
   * pairs, and 1024 locks made up front were a kilobyte of garbage a pair. A weak lock is kept as
   * long as a thread holds or waits for it, which is all the exclusion needs. Fewer than 1024
   * stripes: Guava then keeps them in an array (2 KB here) rather than a weak-valued map, whose
   * lookup and entry per case were about 1 % of a simulated walk.
   */
  private final Striped<Lock> locks = Striped.lazyWeakLock(512);
  private final Object refreshLock = new Object();
  private final DueIndex index;
  private volatile StoreCursor cursor = StoreCursor.START;

  private CaseRegistry(Builder builder) {
    this.defaultProtocol = builder.defaultProtocol == null ? Protocol.who2021() : builder.defaultProtocol;
    Map<ProtocolRef, Protocol> all = new LinkedHashMap<>();
    Protocols.builtIn().forEach(p -> all.put(p.ref(), p));
    all.put(defaultProtocol.ref(), defaultProtocol);
    builder.protocols.forEach(p -> all.put(p.ref(), p));
    this.protocols = ImmutableMap.copyOf(all);
    Clock base = builder.clock == null ? Clock.systemDefaultZone() : builder.clock;
    this.clock = builder.zone == null ? base : base.withZone(builder.zone);
    this.redact = builder.redact == null || builder.redact;
    this.store = builder.store == null ? new InMemoryCaseStore() : builder.store;
    this.listener = builder.listener == null ? RegistryListener.NONE : builder.listener;
    this.index = new DueIndex(this);
    load();
  }

  /** A builder: WHO_2021 as the default protocol, the system clock and zone, an in-memory store, redaction on. */
  public static Builder builder() {
    return new Builder();
  }

  /** Loads every stored case; the cursor is read first, so a change committed meanwhile is read again on refresh. */
  private void load() {
    StoreCursor head = StoreCursor.START;
    while (true) {
      ChangedCases page = store.changedSince(head, REFRESH_PAGE);
      if (page.cases().isEmpty()) {
        break;
      }
      head = page.next();
    }
    cursor = head;
    int[] loaded = {0};
    store.forEach(stored -> {
      put(CaseFile.replay(stored.caseId(), stored.events()));
      loaded[0]++;
    });
    if (loaded[0] > 0) {
      LOG.info("loaded {} cases from the store", loaded[0]);
    }
  }

  private void put(CaseFile file) {
    CaseFile previous = cases.put(file.caseId(), file);
    Enrolled enrolled = previous == null ? file.facts().enrolment().orElse(null) : null;
    if (enrolled != null) {
      addToMother(enrolled.motherId(), file.caseId());
    }
    index.changed(file.caseId());
  }

  private void addToMother(MotherId mother, CaseId caseId) {
    casesByMother.compute(mother, (m, list) -> {
      if (list == null) {
        return List.of(caseId);
      }
      if (list.contains(caseId)) {
        return list;
      }
      List<CaseId> next = new ArrayList<>(list);
      next.add(caseId);
      anySiblings = true;
      return List.copyOf(next);
    });
  }

  /** The protocol new enrolments use by default. */
  public Protocol defaultProtocol() {
    return defaultProtocol;
  }

  /**
   * A configured protocol.
   *
   * @param ref its id and version, not null
   * @return the protocol, if configured
   */
  public Optional<Protocol> protocol(ProtocolRef ref) {
    return Optional.ofNullable(protocols.get(requireNonNull(ref, "ref")));
  }

  /** Today, in the programme's time zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Enrols a new case.
   *
   * @param caseId the new case's id, not null
   * @param enrolled the enrolment, naming a configured protocol, not null
   * @return the case's version (1)
   * @throws InvalidEventException if the id is taken, the protocol unknown, or the enrolment invalid
   */
  public long enrol(CaseId caseId, Enrolled enrolled) {
    requireNonNull(caseId, "caseId");
    requireNonNull(enrolled, "enrolled");
    if (!protocols.containsKey(enrolled.protocol())) {
      throw refused(new InvalidEventException("enrolled.protocol", enrolled.protocol(), Rule.PROTOCOL_NOT_REGISTERED), enrolled);
    }
    CaseFile file;
    try {
      file = CaseFile.enrol(caseId, enrolled);
    } catch (InvalidEventException e) {
      throw refused(e, enrolled);
    }
    Lock lock = locks.get(caseId);
    lock.lock();
    try {
      if (cases.containsKey(caseId)) {
        throw refused(new InvalidEventException("case.id", caseId, Rule.CASE_ALREADY_EXISTS), enrolled);
      }
      try {
        store.append(caseId, 0, List.of(enrolled));
      } catch (VersionConflictException e) {
        store.load(caseId).ifPresent(stored -> put(CaseFile.replay(caseId, stored.events())));
        throw refused(new InvalidEventException("case.id", caseId, Rule.CASE_ALREADY_EXISTS), enrolled);
      }
      put(file);
    } finally {
      lock.unlock();
    }
    listener.recorded(EventKind.ENROLLED, false);
    LOG.debug("enrolled a case (protocol {})", enrolled.protocol());
    return file.version();
  }

  /**
   * Records an event for a case.
   *
   * @param caseId the case, not null
   * @param event the event, not null
   * @return the case's version after it (unchanged for a repeat of a recorded event)
   * @throws UnknownCaseException if the case is not enrolled
   * @throws InvalidEventException if a hard rule refuses the event; nothing changes
   */
  public long record(CaseId caseId, PathwayEvent event) {
    return record(caseId, List.of(requireNonNull(event, "event")), -1);
  }

  /**
   * Records an event if the case is at the expected version (optimistic concurrency).
   *
   * @param caseId the case, not null
   * @param event the event, not null
   * @param expectedVersion the version the caller read, or -1 for any
   * @return the case's version after it
   * @throws VersionConflictException if the case moved on; nothing changes
   * @throws UnknownCaseException if the case is not enrolled
   * @throws InvalidEventException if a hard rule refuses the event; nothing changes
   */
  public long record(CaseId caseId, PathwayEvent event, long expectedVersion) {
    return record(caseId, List.of(requireNonNull(event, "event")), expectedVersion);
  }

  /**
   * Records several events for one case atomically: all are accepted, or none is (a clinic visit
   * entered as one form). A correction or void in the batch must target the case itself.
   *
   * @param caseId the case, not null
   * @param events the events in the order to record them, not null or empty
   * @param expectedVersion the version the caller read, or -1 for any
   * @return the case's version after them
   * @throws VersionConflictException if the case moved on; nothing changes
   * @throws UnknownCaseException if the case is not enrolled
   * @throws InvalidEventException if a hard rule refuses any event; nothing changes
   */
  public long record(CaseId caseId, List<? extends PathwayEvent> events, long expectedVersion) {
    requireNonNull(caseId, "caseId");
    requireNonNull(events, "events");
    checkArgument(!events.isEmpty(), "no events to record");
    // Read by index below: two iterators a batch were a visible share of a simulation's garbage.
    List<? extends PathwayEvent> batch = events instanceof RandomAccess ? events : new ArrayList<>(events);
    for (int i = 0; i < batch.size(); i++) {
      PathwayEvent event = requireNonNull(batch.get(i), "event");
      if (event instanceof ProtocolChanged changed && !protocols.containsKey(changed.protocol())) {
        throw refused(new InvalidEventException("protocolChanged.protocol", changed.protocol(), Rule.PROTOCOL_NOT_REGISTERED), event);
      }
    }
    CaseId target = batch.size() == 1 ? routeTarget(caseId, batch.get(0)) : caseId;
    long expected = target.equals(caseId) ? expectedVersion : -1;
    Lock lock = locks.get(target);
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        CaseFile file = cases.get(target);
        if (file == null) {
          throw redact ? unknown(target) : unknown(target).withRedaction(false);
        }
        if (expected >= 0 && file.version() != expected) {
          listener.versionConflict();
          throw new VersionConflictException(target, expected, file.version());
        }
        CaseFile next = file;
        PathwayEvent current = null;
        try {
          for (int i = 0; i < batch.size(); i++) {
            current = batch.get(i);
            next = next.record(current);
          }
        } catch (InvalidEventException e) {
          throw refused(e, current);
        }
        if (next.version() == file.version()) {
          return file.version();
        }
        List<PathwayEvent> added = next.historySince(file.version());
        try {
          store.append(target, file.version(), added);
        } catch (VersionConflictException e) {
          // Another writer on the same store: reload and, unless the caller pinned a version, try again.
          store.load(target).ifPresent(stored -> put(CaseFile.replay(target, stored.events())));
          if (expected >= 0 || attempt == STORE_RETRIES) {
            listener.versionConflict();
            throw e;
          }
          continue;
        }
        accepted(file, next, added);
        return next.version();
      }
    } finally {
      lock.unlock();
    }
  }

  private void accepted(CaseFile before, CaseFile after, List<PathwayEvent> added) {
    cases.put(after.caseId(), after);
    index.changed(after.caseId());
    boolean maternal = false;
    boolean listening = listener != RegistryListener.NONE; // else whether each event re-folded is asked of nobody
    for (int i = 0; i < added.size(); i++) {
      PathwayEvent event = added.get(i);
      maternal |= event.isMaternal() || event.kind() == EventKind.CORRECTED || event.kind() == EventKind.VOIDED;
      if (listening) {
        listener.recorded(event.kind(), refolds(before, event));
      }
    }
    if (maternal) {
      List<CaseId> siblings = siblings(after); // her own events show in her other cases
      for (int i = 0; i < siblings.size(); i++) {
        index.changed(siblings.get(i));
      }
    }
    int newIssues = after.facts().issues().size() - before.facts().issues().size();
    if (newIssues > 0) {
      int n = 0;
      for (org.mentor.core.DataQualityIssue issue : after.facts().issues()) { // newest first
        if (n++ == newIssues) {
          break;
        }
        listener.dataQualityIssue(issue.rule());
      }
    }
  }

  private static boolean refolds(CaseFile before, PathwayEvent event) {
    if (event.kind() == EventKind.CORRECTED || event.kind() == EventKind.VOIDED) {
      return true;
    }
    var events = before.facts().events();
    return !events.isEmpty() && Fold.ORDER.compare(event, events.get(events.size() - 1)) < 0;
  }

  /**
   * Records a batch of events for many cases: each case's events are atomic, cases are independent,
   * so one refused event leaves the other cases' events recorded.
   *
   * @param events the events with their cases, in the order to record them, not null
   * @return the outcome per case
   */
  public BatchResult recordAll(List<CaseEvent> events) {
    requireNonNull(events, "events");
    Map<CaseId, List<PathwayEvent>> byCase = new LinkedHashMap<>();
    for (CaseEvent event : events) {
      byCase.computeIfAbsent(event.caseId(), id -> new ArrayList<>()).add(event.event());
    }
    Map<CaseId, Long> versions = new LinkedHashMap<>();
    Map<CaseId, org.mentor.core.MentorException> refusals = new LinkedHashMap<>();
    byCase.forEach((caseId, caseEvents) -> {
      try {
        versions.put(caseId, caseEvents.size() == 1 ? record(caseId, caseEvents.get(0)) : record(caseId, caseEvents, -1));
      } catch (org.mentor.core.MentorException e) {
        refusals.put(caseId, e);
      }
    });
    return new BatchResult(ImmutableMap.copyOf(versions), ImmutableMap.copyOf(refusals));
  }

  /** A correction or void is recorded in the case that holds its target (a sibling for a maternal event). */
  private CaseId routeTarget(CaseId caseId, PathwayEvent event) {
    EventId targetId = event.kind() == EventKind.CORRECTED ? ((Corrected) event).corrects()
        : event.kind() == EventKind.VOIDED ? ((Voided) event).voids() : null;
    if (targetId == null) {
      return caseId; // not a correction or void: no lookup (most single-event batches)
    }
    CaseFile file = cases.get(caseId);
    if (file == null || file.event(targetId).isPresent()) {
      return caseId;
    }
    for (CaseId sibling : siblings(file)) {
      CaseFile other = cases.get(sibling);
      if (other != null && other.event(targetId).isPresent()) {
        return sibling;
      }
    }
    return caseId;
  }

  private InvalidEventException refused(InvalidEventException e, @Nullable PathwayEvent event) {
    listener.refused(e.rule());
    LOG.debug("refused a {} event by rule {}", event == null ? "?" : event.kind(), e.rule().id());
    return redact ? e : e.withRedaction(false);
  }

  private UnknownCaseException unknown(CaseId caseId) {
    listener.refused(Rule.CASE_UNKNOWN);
    return new UnknownCaseException("case.id", caseId, Rule.CASE_UNKNOWN, true);
  }

  /**
   * Reloads the cases another writer changed in the store since the last refresh (a second
   * registry on the same database).
   *
   * @return how many cases were reloaded
   */
  public int refresh() {
    synchronized (refreshLock) {
      int reloaded = 0;
      while (true) {
        ChangedCases page = store.changedSince(cursor, REFRESH_PAGE);
        if (page.cases().isEmpty()) {
          break;
        }
        for (CaseId caseId : page.cases()) {
          Lock lock = locks.get(caseId);
          lock.lock();
          try {
            CaseFile mine = cases.get(caseId);
            Optional<StoredCase> stored = store.load(caseId);
            if (stored.isPresent() && (mine == null || mine.version() != stored.get().version())) {
              CaseFile file = CaseFile.replay(caseId, stored.get().events());
              put(file);
              siblings(file).forEach(index::changed);
              reloaded++;
            }
          } finally {
            lock.unlock();
          }
        }
        cursor = page.next();
      }
      if (reloaded > 0) {
        listener.refreshed(reloaded);
        LOG.debug("refreshed {} cases changed by another writer", reloaded);
      }
      return reloaded;
    }
  }

  /**
   * A case's file: its events, facts and version.
   *
   * @param caseId the case, not null
   * @return the file
   * @throws UnknownCaseException if the case is not enrolled
   */
  public CaseFile file(CaseId caseId) {
    CaseFile file = cases.get(requireNonNull(caseId, "caseId"));
    if (file == null) {
      throw new UnknownCaseException("case.id", caseId, Rule.CASE_UNKNOWN, redact);
    }
    return file;
  }

  /** The number of cases. */
  public int size() {
    return cases.size();
  }

  /** Every enrolled case id, in no particular order. */
  public ImmutableList<CaseId> caseIds() {
    return ImmutableList.copyOf(cases.keySet());
  }

  /**
   * A mother's cases, in enrolment order.
   *
   * @param motherId the mother, not null
   * @return her case ids, possibly empty
   */
  public ImmutableList<CaseId> casesOf(MotherId motherId) {
    return ImmutableList.copyOf(casesByMother.getOrDefault(requireNonNull(motherId, "motherId"), List.of()));
  }

  /** A case as of today. */
  public CaseView view(CaseId caseId) {
    return view(caseId, today(), null);
  }

  /**
   * A case as of a date, as known at an instant (events recorded later ignored): its state,
   * schedule, what needs attention and who is responsible.
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @param knownAsOf the instant, or null for everything recorded
   * @return the view
   * @throws UnknownCaseException if the case is not enrolled
   */
  public CaseView view(CaseId caseId, LocalDate asOf, @Nullable Instant knownAsOf) {
    requireNonNull(asOf, "asOf");
    CaseFile file = file(caseId);
    Facts facts = facts(file, knownAsOf);
    Protocol protocol = protocolOf(facts);
    CaseState state = evaluate(file, facts, protocol, asOf, knownAsOf);
    Schedule schedule = Schedule.of(protocol, facts, state);
    return new CaseView(file.caseId(), file.version(), asOf, Optional.ofNullable(knownAsOf), state, schedule,
        Attention.of(state, schedule), Assignment.on(facts, asOf));
  }

  /** The state from the file's memoised checkpoint when the facts are the file's own, else from scratch. */
  static CaseState evaluate(CaseFile file, Facts facts, Protocol protocol, LocalDate asOf, @Nullable Instant knownAsOf) {
    return knownAsOf == null && facts == file.facts() ? file.evaluate(protocol, asOf) : Pathway.evaluate(protocol, facts, asOf);
  }

  /** A case's state today. */
  public CaseState state(CaseId caseId) {
    return state(caseId, today());
  }

  /**
   * A case's state as of a date.
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @return the state
   * @throws UnknownCaseException if the case is not enrolled
   */
  public CaseState state(CaseId caseId, LocalDate asOf) {
    return state(caseId, asOf, null);
  }

  /**
   * A case's state as of a date, as it was known at an instant (events recorded later ignored).
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @param knownAsOf the instant, or null for everything recorded
   * @return the state
   * @throws UnknownCaseException if the case is not enrolled
   */
  public CaseState state(CaseId caseId, LocalDate asOf, @Nullable Instant knownAsOf) {
    requireNonNull(asOf, "asOf");
    CaseFile file = file(caseId);
    Facts facts = facts(file, knownAsOf);
    return evaluate(file, facts, protocolOf(facts), asOf, knownAsOf);
  }

  /** A case's milestone schedule today. */
  public Schedule schedule(CaseId caseId) {
    return schedule(caseId, today());
  }

  /**
   * A case's milestone schedule as of a date: every milestone of its protocol with window, due
   * date, state and why.
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @return the schedule
   * @throws UnknownCaseException if the case is not enrolled
   */
  public Schedule schedule(CaseId caseId, LocalDate asOf) {
    return view(caseId, asOf, null).schedule();
  }

  /** What needs attention in a case today, most urgent first. */
  public ImmutableList<Attention> attention(CaseId caseId) {
    return attention(caseId, today());
  }

  /**
   * What needs attention in a case on a date, most urgent first: the state's actions and the
   * milestones due, late or overdue.
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @return the items
   */
  public ImmutableList<Attention> attention(CaseId caseId, LocalDate asOf) {
    return view(caseId, asOf, null).attention();
  }

  /**
   * The mentors responsible for a case over time.
   *
   * @param caseId the case, not null
   * @return each mentor with the days they were responsible
   */
  public ImmutableRangeMap<LocalDate, MentorId> mentorHistory(CaseId caseId) {
    return Assignment.mentorHistory(file(caseId).facts());
  }

  /**
   * The mentor and facility responsible for a case on a day.
   *
   * @param caseId the case, not null
   * @param on the day, not null
   * @return the assignment
   */
  public Assignment assignment(CaseId caseId, LocalDate on) {
    return Assignment.on(file(caseId).facts(), requireNonNull(on, "on"));
  }

  /**
   * The due list: what is due, late or overdue, who is interrupted in treatment or lost to
   * follow-up, and open data-quality issues, in a scope on a date, most urgent first.
   *
   * @param query the scope and date, not null
   * @return the list
   */
  public DueList dueList(DueQuery query) {
    return index.dueList(requireNonNull(query, "query"));
  }

  /**
   * A programme manager's gap list: the cases in a scope that fall through one gap on a date.
   *
   * @param gap the gap, not null
   * @param query the scope and date, not null
   * @return the cases, each with the item that shows the gap
   */
  public ImmutableList<DueItem> gaps(Gap gap, DueQuery query) {
    return index.gaps(requireNonNull(gap, "gap"), requireNonNull(query, "query"));
  }

  /**
   * The caseload forecast: for each mentor in a scope, the milestones falling due per week.
   *
   * @param query the scope and the first day of the first week, not null
   * @param weeks how many weeks, positive
   * @return the forecast
   */
  public Forecast forecast(DueQuery query, int weeks) {
    checkArgument(weeks > 0, "weeks must be positive");
    return index.forecast(requireNonNull(query, "query"), weeks);
  }

  // --- what the due index reads -------------------------------------------------------------

  @Nullable CaseFile cached(CaseId caseId) {
    return cases.get(caseId);
  }

  Iterable<CaseId> allCaseIds() {
    return cases.keySet();
  }

  Protocol protocolOf(Facts facts) {
    ProtocolRef ref = facts.protocol().orElseThrow();
    Protocol protocol = protocols.get(ref);
    checkState(protocol != null, "protocol %s is not configured", ref);
    return protocol;
  }

  /**
   * A case's facts as the registry evaluates them: its own effective events (as known at an
   * instant), plus the mother's own events (ART, viral loads, tests, appointments) recorded through
   * her other cases. Indicators and exports read these so they count what the due list sees.
   *
   * @param caseId the case, not null
   * @param knownAsOf the instant, or null for everything recorded
   * @return the facts
   * @throws UnknownCaseException if the case is not enrolled
   */
  public Facts facts(CaseId caseId, @Nullable Instant knownAsOf) {
    return facts(file(caseId), knownAsOf);
  }

  /** The case's facts merged with the mother's own events recorded through her other cases. */
  Facts facts(CaseFile file, @Nullable Instant knownAsOf) {
    CaseFile own = knownAsOf == null ? file : file.knownAsOf(knownAsOf);
    List<CaseId> siblings = siblings(own);
    if (siblings.isEmpty()) {
      return own.facts();
    }
    List<PathwayEvent> merged = new ArrayList<>();
    own.facts().events().forEach(merged::add);
    boolean any = false;
    for (CaseId sibling : siblings) {
      CaseFile other = cases.get(sibling);
      if (other == null) {
        continue;
      }
      CaseFile seen = knownAsOf == null ? other : other.knownAsOf(knownAsOf);
      for (PathwayEvent event : seen.facts().events()) {
        if (event.isMaternal()) {
          merged.add(event);
          any = true;
        }
      }
    }
    if (!any) {
      return own.facts();
    }
    merged.sort(Fold.ORDER);
    return Fold.fold(own.caseId(), merged);
  }

  private List<CaseId> siblings(CaseFile file) {
    if (!anySiblings) {
      return List.of();
    }
    Enrolled enrolled = file.facts().enrolment().orElse(null);
    List<CaseId> all = enrolled == null ? null : casesByMother.get(enrolled.motherId());
    if (all == null || all.size() < 2) {
      return List.of(); // most mothers have one case: asked at every batch with one of her events
    }
    return all.stream().filter(id -> !id.equals(file.caseId())).toList();
  }

  /**
   * Configures a {@link CaseRegistry}. Each setting may be made once; a second call throws
   * {@link IllegalStateException}.
   */
  public static final class Builder {
    private @Nullable Protocol defaultProtocol;
    private final List<Protocol> protocols = new ArrayList<>();
    private boolean protocolsSet;
    private @Nullable Clock clock;
    private @Nullable ZoneId zone;
    private @Nullable Boolean redact;
    private @Nullable CaseStore store;
    private @Nullable RegistryListener listener;

    private Builder() {}

    /**
     * The protocol new enrolments use by default (WHO_2021 if not set).
     *
     * @param protocol the protocol, not null
     * @return this builder
     */
    public Builder defaultProtocol(Protocol protocol) {
      checkState(defaultProtocol == null, "defaultProtocol was already set");
      this.defaultProtocol = requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Further protocols cases may be enrolled under, besides the built-in ones (a case keeps the
     * id and version it was enrolled with).
     *
     * @param more the protocols, not null
     * @return this builder
     */
    public Builder protocols(Protocol... more) {
      checkState(!protocolsSet, "protocols were already set");
      protocolsSet = true;
      for (Protocol protocol : more) {
        protocols.add(requireNonNull(protocol, "protocol"));
      }
      return this;
    }

    /**
     * The clock that says what "today" is. The domain never reads a clock; only the registry does.
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set");
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The programme's time zone, in which "today" is read (the clock's zone if not set).
     *
     * @param zone the zone, not null
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      checkState(this.zone == null, "zone was already set");
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Where events are kept (in memory if not set). The registry loads every stored case when built.
     *
     * @param store the store, not null
     * @return this builder
     */
    public Builder store(CaseStore store) {
      checkState(this.store == null, "store was already set");
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * Hooks for metrics.
     *
     * @param listener the listener, not null
     * @return this builder
     */
    public Builder listener(RegistryListener listener) {
      checkState(this.listener == null, "listener was already set");
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Whether exception messages leave out sensitive values (dates, results, identifiers). On by
     * default; turn off only where messages never reach shared logs.
     *
     * @param redact whether to redact
     * @return this builder
     */
    public Builder redactSensitiveValues(boolean redact) {
      checkState(this.redact == null, "redactSensitiveValues was already set");
      this.redact = redact;
      return this;
    }

    /** Builds the registry, loading every case its store holds. */
    public CaseRegistry build() {
      return new CaseRegistry(this);
    }
  }
}
