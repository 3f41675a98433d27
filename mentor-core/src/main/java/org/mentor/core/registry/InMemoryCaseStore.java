package org.mentor.core.registry;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.PathwayEvent;

/**
 * The default store: events in memory, for tests, simulations and EMRs that keep their own copy.
 * Appends are serialised by one lock, so the change feed's order is the commit order. The feed
 * keeps only each case's latest change, so it costs memory per case, not per event.
 *
 * <p>Thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class InMemoryCaseStore implements CaseStore {
  private final Map<CaseId, Stored> cases = new HashMap<>();
  private final TreeMap<Long, CaseId> feed = new TreeMap<>();
  private long position;

  /**
   * One case's events, appended in place (the store's lock guards them; readers get copies), and
   * its latest position in the feed. A copy of the whole list per append made recording a case
   * O(events) and kept a list object per case besides its array.
   */
  private static final class Stored {
    PathwayEvent[] events = new PathwayEvent[8];
    int size;
    long position;

    void addAll(List<PathwayEvent> more) {
      if (size + more.size() > events.length) {
        events = Arrays.copyOf(events, Math.max(size + more.size(), size + (size >> 1) + 1));
      }
      for (PathwayEvent event : more) {
        events[size++] = event;
      }
    }

    ImmutableList<PathwayEvent> list() {
      return ImmutableList.copyOf(Arrays.asList(events).subList(0, size));
    }
  }

  @Override
  public synchronized long append(CaseId caseId, long expectedVersion, List<PathwayEvent> events) {
    requireNonNull(caseId, "caseId");
    requireNonNull(events, "events");
    checkArgument(!events.isEmpty(), "nothing to append");
    for (PathwayEvent event : events) {
      requireNonNull(event, "event");
    }
    Stored stored = cases.get(caseId);
    int version = stored == null ? 0 : stored.size;
    if (version != expectedVersion) {
      throw new VersionConflictException(caseId, expectedVersion, version);
    }
    if (stored == null) {
      stored = new Stored();
      cases.put(caseId, stored);
    } else {
      feed.remove(stored.position);
    }
    stored.addAll(events);
    stored.position = ++position;
    feed.put(position, caseId);
    return stored.size;
  }

  @Override
  public synchronized Optional<StoredCase> load(CaseId caseId) {
    Stored stored = cases.get(requireNonNull(caseId, "caseId"));
    return stored == null ? Optional.empty() : Optional.of(new StoredCase(caseId, stored.list()));
  }

  @Override
  public void forEach(Consumer<StoredCase> action) {
    requireNonNull(action, "action");
    List<StoredCase> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(cases.size());
      cases.forEach((id, stored) -> snapshot.add(new StoredCase(id, stored.list())));
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
