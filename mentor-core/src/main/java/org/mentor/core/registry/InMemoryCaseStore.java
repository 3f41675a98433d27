package org.mentor.core.registry;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.mentor.core.CaseId;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.PathwayEvent;

/**
 * The default store: events in memory, for tests, simulations and EMRs that keep their own copy.
 * Appends are serialised by one lock, so the change feed's order is the commit order. The feed
 * keeps only each case's latest change, so it costs memory per case, not per event.
 */
public final class InMemoryCaseStore implements CaseStore {
  private final Map<CaseId, ImmutableList<PathwayEvent>> cases = new HashMap<>();
  private final Map<CaseId, Long> lastChange = new HashMap<>();
  private final TreeMap<Long, CaseId> feed = new TreeMap<>();
  private long position;

  @Override
  public synchronized long append(CaseId caseId, long expectedVersion, List<PathwayEvent> events) {
    requireNonNull(caseId, "caseId");
    requireNonNull(events, "events");
    checkArgument(!events.isEmpty(), "nothing to append");
    ImmutableList<PathwayEvent> stored = cases.getOrDefault(caseId, ImmutableList.of());
    if (stored.size() != expectedVersion) {
      throw new VersionConflictException(caseId, expectedVersion, stored.size());
    }
    List<PathwayEvent> next = new ArrayList<>(stored.size() + events.size());
    next.addAll(stored);
    next.addAll(events);
    cases.put(caseId, ImmutableList.copyOf(next));
    Long previous = lastChange.put(caseId, ++position);
    if (previous != null) {
      feed.remove(previous);
    }
    feed.put(position, caseId);
    return next.size();
  }

  @Override
  public synchronized Optional<StoredCase> load(CaseId caseId) {
    ImmutableList<PathwayEvent> events = cases.get(requireNonNull(caseId, "caseId"));
    return events == null ? Optional.empty() : Optional.of(new StoredCase(caseId, events));
  }

  @Override
  public void forEach(Consumer<StoredCase> action) {
    requireNonNull(action, "action");
    List<StoredCase> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(cases.size());
      cases.forEach((id, events) -> snapshot.add(new StoredCase(id, events)));
    }
    snapshot.forEach(action);
  }

  @Override
  public synchronized ChangedCases changedSince(StoreCursor after, int limit) {
    requireNonNull(after, "after");
    checkArgument(limit > 0, "limit must be positive");
    long from = after.value().isEmpty() ? 0 : Long.parseLong(after.value());
    ImmutableList.Builder<CaseId> changed = ImmutableList.builder();
    long last = from;
    int n = 0;
    for (Map.Entry<Long, CaseId> entry : feed.tailMap(from, false).entrySet()) {
      if (n++ == limit) {
        break;
      }
      changed.add(entry.getValue());
      last = entry.getKey();
    }
    return new ChangedCases(changed.build(), last == from ? after : new StoreCursor(Long.toString(last)));
  }

  /** The number of cases stored. */
  public synchronized int size() {
    return cases.size();
  }
}
