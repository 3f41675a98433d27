package org.mentor.core.registry;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.InfantFacts;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.InfantStatus;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.TransferredIn;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.core.schedule.Schedule;

/**
 * The registry's index of when each case may have something on a due list, by date and by scope
 * (everyone, each mentor, each facility), so a due list evaluates the cases it proposes rather than
 * every case.
 *
 * <p><b>What is indexed.</b> For each case, the days on which it <em>may</em> have a due item, as
 * intervals:
 * <ul>
 *   <li>from its first event up to the day after its last fact (event or returned result): every
 *       day (the past is proposed as a whole; evaluating it exactly would cost an evaluation per
 *       event date);
 *   <li>from then on, nothing can change but the passing days, so the interval is exact where the
 *       engine says when things change: each open milestone's window (from its opening to its close,
 *       or for ever), and each stretch between the state's changes ({@link Pathway#nextChange}) on
 *       which the state asks for something.
 * </ul>
 * A due list evaluates every proposed case on the day and keeps what it finds, so the index may
 * propose too much (a cancelled milestone) but must never propose too little; a property test pins
 * this against evaluating every case.
 *
 * <p><b>Upkeep.</b> Recording marks the case (and a mother's other cases) stale in O(1); the next
 * due list re-indexes the stale cases first. Intervals live in 32-day buckets per scope; intervals
 * with no end in a sorted map per scope. A case is filed under every mentor and facility it ever had;
 * the due list then keeps the cases the scope holds on the day.
 */
final class DueIndex {
  /** Bucket width in days. */
  private static final int BLOCK = 32;
  /** Past this many state changes after the last fact, the case is proposed for ever (a safety net). */
  private static final int MAX_STATE_STEPS = 64;
  private static final int OPEN = Integer.MAX_VALUE;
  private static final Object EVERYONE = DueQuery.Scope.Everyone.INSTANCE;

  private final CaseRegistry registry;
  private final Set<CaseId> stale = ConcurrentHashMap.newKeySet();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** Guarded by the write lock; read under the read lock. */
  private final Map<CaseId, Entry> entries = new HashMap<>();
  private final Map<Object, Buckets> scopes = new HashMap<>();
  /**
   * Each indexed case has a number for good ({@link Entry#slot}); the buckets file numbers, and
   * these arrays turn them back into the case and its entry (null once the case has no entry).
   */
  private CaseId[] caseAt = new CaseId[64];
  private @Nullable Entry[] entryAt = new Entry[64];
  private int slots;

  DueIndex(CaseRegistry registry) {
    this.registry = registry;
  }

  /** A case changed: re-index it before the next due list. */
  void changed(CaseId caseId) {
    stale.add(caseId);
  }

  DueList dueList(DueQuery query) {
    List<CaseId> candidates = candidates(query.scope(), day(query.asOf()));
    List<DueItem> items = new ArrayList<>();
    for (CaseId caseId : candidates) {
      items.addAll(evaluate(caseId, query));
    }
    items.sort(DueList.RANKING);
    return new DueList(query, ImmutableList.copyOf(items), candidates.size());
  }

  /** A case's items on the query's day, if the scope holds it then. */
  ImmutableList<DueItem> evaluate(CaseId caseId, DueQuery query) {
    CaseFile file = registry.cached(caseId);
    if (file == null || query.asOf().isBefore(firstDay(file.facts()))) {
      return ImmutableList.of(); // nothing is due before the case's first event
    }
    Facts facts = registry.facts(file, null);
    Assignment assignment = Assignment.on(facts, query.asOf());
    if (!query.scope().includes(assignment)) {
      return ImmutableList.of(); // decided before evaluating: most proposed cases of a mentor list are hers
    }
    Protocol protocol = registry.protocolOf(facts);
    CaseState state = CaseRegistry.evaluate(file, facts, protocol, query.asOf(), null);
    MotherId mother = facts.enrolment().map(Enrolled::motherId).orElseThrow();
    return DueItems.of(caseId, query.asOf(), state, Schedule.of(protocol, facts, state), assignment, mother, protocol);
  }

  ImmutableList<DueItem> gaps(Gap gap, DueQuery query) {
    List<DueItem> found = new ArrayList<>();
    for (CaseId caseId : casesInScope(query.scope())) {
      CaseFile file = registry.cached(caseId);
      if (file == null) {
        continue;
      }
      CaseView view = registry.view(caseId, query.asOf(), null);
      if (!query.scope().includes(view.assignment()) || view.state().asOf().isBefore(firstDay(file.facts()))) {
        continue;
      }
      Facts facts = registry.facts(file, null);
      found.addAll(GapRules.find(gap, view, facts, registry.protocolOf(facts)));
    }
    found.sort(DueList.RANKING);
    return ImmutableList.copyOf(found);
  }

  Forecast forecast(DueQuery query, int weeks) {
    List<LocalDate> starts = new ArrayList<>();
    Map<MentorId, int[]> byMentor = new TreeMap<>();
    int[] unassigned = new int[weeks];
    for (int w = 0; w < weeks; w++) {
      starts.add(query.asOf().plusWeeks(w));
    }
    for (CaseId caseId : casesInScope(query.scope())) {
      for (int w = 0; w < weeks; w++) {
        LocalDate start = starts.get(w);
        LocalDate end = start.plusDays(6);
        CaseFile file = registry.cached(caseId);
        if (file == null || end.isBefore(firstDay(file.facts()))) {
          continue;
        }
        Assignment responsible = registry.assignment(caseId, start);
        if (!query.scope().includes(responsible)) {
          continue;
        }
        Schedule schedule = registry.view(caseId, end, null).schedule();
        int count = 0;
        for (Milestone m : schedule.milestones()) {
          if (!m.due().isBefore(start) && !m.due().isAfter(end) && m.state().isActionable()) {
            count++;
          }
        }
        if (responsible.mentor().isPresent()) {
          byMentor.computeIfAbsent(responsible.mentor().get(), k -> new int[weeks])[w] += count;
        } else {
          unassigned[w] += count;
        }
      }
    }
    ImmutableMap.Builder<MentorId, ImmutableList<Integer>> counts = ImmutableMap.builder();
    byMentor.forEach((mentor, perWeek) -> counts.put(mentor, list(perWeek)));
    return new Forecast(ImmutableList.copyOf(starts), counts.build(), list(unassigned));
  }

  private static ImmutableList<Integer> list(int[] values) {
    ImmutableList.Builder<Integer> list = ImmutableList.builder();
    for (int v : values) {
      list.add(v);
    }
    return list.build();
  }

  /** The cases a scope ever held (the gap lists and forecast read them all). */
  private List<CaseId> casesInScope(DueQuery.Scope scope) {
    refreshStale();
    lock.readLock().lock();
    try {
      if (scope == EVERYONE) {
        return new ArrayList<>(entries.keySet());
      }
      Buckets buckets = scopes.get(scopeKey(scope));
      if (buckets == null) {
        return List.of();
      }
      List<CaseId> members = new ArrayList<>(buckets.members.size());
      buckets.members.forEach(slot -> members.add(caseAt[slot]));
      return members;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The cases that may have items on a day, each once. */
  List<CaseId> candidates(DueQuery.Scope scope, int day) {
    refreshStale();
    lock.readLock().lock();
    try {
      Buckets buckets = scopes.get(scopeKey(scope));
      if (buckets == null) {
        return List.of();
      }
      IntSet seen = new IntSet();
      List<CaseId> found = new ArrayList<>();
      IntSet inBlock = buckets.bounded.get(Math.floorDiv(day, BLOCK));
      if (inBlock != null) {
        inBlock.forEach(slot -> {
          Entry entry = entryAt[slot];
          if (entry != null && entry.covers(day) && seen.add(slot)) {
            found.add(caseAt[slot]);
          }
        });
      }
      for (IntSet open : buckets.open.headMap(day, true).values()) {
        open.forEach(slot -> {
          if (seen.add(slot)) {
            found.add(caseAt[slot]);
          }
        });
      }
      return found;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void refreshStale() {
    if (stale.isEmpty()) {
      return;
    }
    lock.writeLock().lock();
    try {
      Iterator<CaseId> it = stale.iterator();
      while (it.hasNext()) {
        CaseId caseId = it.next();
        it.remove();
        reindex(caseId);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void reindex(CaseId caseId) {
    Entry old = entries.remove(caseId);
    if (old != null) {
      for (Object scope : old.scopes) {
        scopes.get(scope).remove(old);
      }
      entryAt[old.slot] = null;
    }
    CaseFile file = registry.cached(caseId);
    if (file == null || file.facts().enrolment().isEmpty()) {
      return;
    }
    Facts facts = registry.facts(file, null);
    int slot = old != null ? old.slot : newSlot(caseId);
    Entry entry = new Entry(slot, intervals(registry.protocolOf(facts), facts), scopesOf(facts));
    entries.put(caseId, entry);
    entryAt[slot] = entry;
    for (Object scope : entry.scopes) {
      scopes.computeIfAbsent(scope, s -> new Buckets()).add(entry);
    }
  }

  private int newSlot(CaseId caseId) {
    if (slots == caseAt.length) {
      caseAt = java.util.Arrays.copyOf(caseAt, slots * 2);
      entryAt = java.util.Arrays.copyOf(entryAt, slots * 2);
    }
    caseAt[slots] = caseId;
    return slots++;
  }

  private static Object[] scopesOf(Facts facts) {
    Set<Object> keys = new LinkedHashSet<>();
    keys.add(EVERYONE);
    for (MentorAssigned assigned : facts.mentors()) {
      keys.add(new DueQuery.Scope.Mentor(assigned.mentor()));
    }
    facts.enrolment().ifPresent(e -> keys.add(new DueQuery.Scope.Facility(e.recordedBy().facility())));
    for (PathwayEvent event : facts.events()) {
      if (event instanceof TransferredIn in && in.subject().isMother()) {
        keys.add(new DueQuery.Scope.Facility(in.recordedBy().facility()));
      }
    }
    return keys.toArray();
  }

  private static Object scopeKey(DueQuery.Scope scope) {
    return scope;
  }

  /** The intervals [from, to) of days on which the case may have a due item; see the class comment. */
  static int[] intervals(Protocol protocol, Facts facts) {
    IntervalList out = new IntervalList();
    LocalDate first = firstDay(facts);
    LocalDate stable = stableFrom(facts);
    if (first.isBefore(stable)) {
      out.add(day(first), day(stable));
    }
    ImmutableList<Pathway.Stretch> stretches = Pathway.stretches(protocol, facts, stable, MAX_STATE_STEPS);
    for (Pathway.Stretch stretch : stretches) {
      if (!Attention.of(stretch.state()).isEmpty()) {
        out.add(day(stretch.from()), stretch.until().map(DueIndex::day).orElse(OPEN));
      }
    }
    Pathway.Stretch last = stretches.get(stretches.size() - 1);
    if (stretches.size() == MAX_STATE_STEPS && last.until().isPresent()) {
      out.add(day(last.until().get()), OPEN); // a safety net: past this many changes, proposed for ever
    }
    CaseState state = stretches.get(0).state();
    for (Milestone m : Schedule.of(protocol, facts, state).milestones()) {
      MilestoneState s = m.state();
      if (s == MilestoneState.UPCOMING || s.isActionable()) {
        LocalDate from = m.windowStart().isBefore(stable) ? stable : m.windowStart();
        int to = m.closesOn().map(DueIndex::day).orElse(OPEN);
        if (day(from) < to) {
          out.add(day(from), to);
        }
      }
    }
    return out.merged();
  }

  /** The first day of the case: its earliest event. */
  static LocalDate firstDay(Facts facts) {
    return facts.events().isEmpty() ? LocalDate.MAX : facts.events().get(0).occurredOn();
  }

  /** The day after its last fact (event or returned result), from which only the days passing change it. */
  static LocalDate stableFrom(Facts facts) {
    LocalDate last = facts.events().get(facts.events().size() - 1).occurredOn();
    for (ViralLoadResulted vl : facts.mother().viralLoads()) {
      if (vl.resultDate().isAfter(last)) {
        last = vl.resultDate();
      }
    }
    for (InfantFacts infant : facts.infants().values()) {
      for (InfantHivTested test : infant.tests()) {
        if (test.resultDate().isPresent() && test.resultDate().get().isAfter(last)) {
          last = test.resultDate().get();
        }
      }
    }
    return last.plusDays(1);
  }

  static int day(LocalDate date) {
    return (int) date.toEpochDay();
  }

  /** One case's number, indexed intervals and the scopes it is filed under. */
  private static final class Entry {
    final int slot;
    final int[] intervals; // pairs [from, to), sorted and merged
    final Object[] scopes;

    Entry(int slot, int[] intervals, Object[] scopes) {
      this.slot = slot;
      this.intervals = intervals;
      this.scopes = scopes;
    }

    boolean covers(int day) {
      for (int i = 0; i < intervals.length; i += 2) {
        if (day >= intervals[i] && day < intervals[i + 1]) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One scope's buckets, of case numbers: bounded intervals by 32-day block, intervals with no end
   * by their start, and every case filed here (the gap lists and forecast read those).
   */
  private static final class Buckets {
    final Map<Integer, IntSet> bounded = new HashMap<>();
    final TreeMap<Integer, IntSet> open = new TreeMap<>();
    final IntSet members = new IntSet();

    void add(Entry entry) {
      int slot = entry.slot;
      members.add(slot);
      int[] iv = entry.intervals;
      for (int i = 0; i < iv.length; i += 2) {
        if (iv[i + 1] == OPEN) {
          open.computeIfAbsent(iv[i], k -> new IntSet()).add(slot);
        } else {
          for (int b = Math.floorDiv(iv[i], BLOCK); b <= Math.floorDiv(iv[i + 1] - 1, BLOCK); b++) {
            bounded.computeIfAbsent(b, k -> new IntSet()).add(slot);
          }
        }
      }
    }

    void remove(Entry entry) {
      int slot = entry.slot;
      members.remove(slot);
      int[] iv = entry.intervals;
      for (int i = 0; i < iv.length; i += 2) {
        if (iv[i + 1] == OPEN) {
          int start = iv[i];
          removeFrom(open.get(start), slot, () -> open.remove(start));
        } else {
          for (int b = Math.floorDiv(iv[i], BLOCK); b <= Math.floorDiv(iv[i + 1] - 1, BLOCK); b++) {
            int block = b;
            removeFrom(bounded.get(block), slot, () -> bounded.remove(block));
          }
        }
      }
    }

    private static void removeFrom(@Nullable IntSet set, int slot, Runnable whenEmpty) {
      if (set != null && set.remove(slot) && set.isEmpty()) {
        whenEmpty.run();
      }
    }
  }

  /** Intervals collected in any order, then sorted and merged. */
  private static final class IntervalList {
    private final List<int[]> all = new ArrayList<>();

    void add(int from, int to) {
      if (from < to) {
        all.add(new int[] {from, to});
      }
    }

    int[] merged() {
      all.sort((a, b) -> Integer.compare(a[0], b[0]));
      List<int[]> merged = new ArrayList<>();
      for (int[] iv : all) {
        int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && iv[0] <= last[1]) {
          last[1] = Math.max(last[1], iv[1]);
        } else {
          merged.add(iv.clone());
        }
      }
      int[] flat = new int[merged.size() * 2];
      for (int i = 0; i < merged.size(); i++) {
        flat[2 * i] = merged.get(i)[0];
        flat[2 * i + 1] = merged.get(i)[1];
      }
      return flat;
    }
  }

  /** The gap lists' rules. */
  static final class GapRules {
    private GapRules() {}

    static List<DueItem> find(Gap gap, CaseView view, Facts facts, Protocol protocol) {
      MotherId mother = facts.enrolment().orElseThrow().motherId();
      LocalDate asOf = view.asOf();
      CaseState state = view.state();
      List<DueItem> found = new ArrayList<>();
      switch (gap) {
        case INFANT_6_TO_8_WEEKS_NO_NAT_RESULT -> {
          for (InfantState infant : state.infants()) {
            long age = ChronoUnit.DAYS.between(infant.bornOn(), asOf);
            boolean natResult = infant.tests().stream().anyMatch(t -> t.testType() == InfantTestType.NAT
                && t.result() != InfantTestResult.PENDING && t.resultDate().map(d -> !d.isAfter(asOf)).orElse(false));
            if (age >= 42 && age <= 56 && !natResult && infant.hivStatus() != InfantStatus.DIED) {
              found.add(item(view, mother, Optional.of(infant.infantId()), Attention.Kind.MILESTONE_DUE,
                  DueItem.Category.INFANT_TEST, infant.bornOn().plusDays(42), Tier.HIGH, "no NAT result at 6-8 weeks"));
            }
          }
        }
        case INFANT_PAST_24_MONTHS_NO_FINAL_STATUS -> {
          for (InfantState infant : state.infants()) {
            LocalDate twoYears = infant.bornOn().plusMonths(24);
            boolean resolved = switch (infant.hivStatus()) {
              case HIV_POSITIVE, HIV_NEGATIVE, DIED, TRANSFERRED_OUT -> true;
              case EXPOSED, INCONCLUSIVE, PRESUMPTIVE_POSITIVE, LOST_TO_FOLLOW_UP -> false;
            };
            if (asOf.isAfter(twoYears) && !resolved) {
              found.add(item(view, mother, Optional.of(infant.infantId()), Attention.Kind.FINAL_INFANT_TEST_OVERDUE,
                  DueItem.Category.INFANT_TEST, twoYears, Tier.URGENT, "no final HIV status past 24 months"));
            }
          }
        }
        case UNSUPPRESSED_NO_COUNSELLING_IN_2_WEEKS -> {
          Optional<ViralLoadResulted> latest = state.mother().latestViralLoad();
          if (latest.isPresent() && latest.get().result().isAbove(protocol.getInt(Key.VL_UNSUPPRESSED_ABOVE))) {
            LocalDate returned = latest.get().resultDate();
            boolean counselled = facts.mother().counselling()
                .any(c -> !c.occurredOn().isBefore(returned) && !c.occurredOn().isAfter(asOf));
            if (!returned.plusDays(14).isAfter(asOf) && !counselled) {
              found.add(item(view, mother, Optional.empty(), Attention.Kind.ENHANCED_ADHERENCE_COUNSELLING,
                  DueItem.Category.ADHERENCE, returned, Tier.URGENT, "unsuppressed viral load with no counselling within 14 days"));
            }
          }
        }
        case VIRAL_LOAD_OVERDUE -> {
          for (Milestone m : view.schedule().milestones()) {
            if (m.infantId().isEmpty() && (m.state() == MilestoneState.LATE || m.state() == MilestoneState.OVERDUE)
                && DueItems.of(view, mother, protocol).stream().anyMatch(i -> i.milestone().equals(Optional.of(m.key()))
                    && i.category() == DueItem.Category.VIRAL_LOAD)) {
              found.add(item(view, mother, Optional.empty(), m.state() == MilestoneState.OVERDUE
                  ? Attention.Kind.MILESTONE_OVERDUE : Attention.Kind.MILESTONE_LATE, DueItem.Category.VIRAL_LOAD, m.due(),
                  Tier.HIGH, m.why().text()));
            }
          }
        }
      }
      return found;
    }

    private static DueItem item(CaseView view, MotherId mother, Optional<InfantId> infant, Attention.Kind action,
        DueItem.Category category, LocalDate since, Tier tier, String why) {
      return new DueItem(view.caseId(), mother, infant, action, category, Optional.empty(), Optional.empty(), since,
          Math.max(0, ChronoUnit.DAYS.between(since, view.asOf())), Optional.empty(), tier, why, view.assignment(),
          com.google.common.collect.ImmutableSet.of());
    }
  }
}
