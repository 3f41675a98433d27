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
import java.util.RandomAccess;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.PathwayEvent;

/**
 * The default store: events in memory, for tests, simulations and EMRs that keep their own copy.
 * Appends are serialised by one lock, so the change feed's order is the commit order. The feed
 * keeps only each case's latest change (older entries are dropped as the feed fills), so it costs
 * memory per case, not per event.
 *
 * <p>Thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class InMemoryCaseStore implements CaseStore {
  private final Map<CaseId, Stored> cases = new HashMap<>();
  /**
   * The change feed, in position order: entry {@code i} is the append at {@code feedPositions[i]}
   * to {@code feedCases[i]}, current while that case's latest position is still it. Parallel
   * arrays appended to, not a sorted map: every append adds an entry, and a tree entry and a boxed
   * key per append were a visible share of a simulation's garbage.
   */
  private long[] feedPositions = new long[16];
  private Stored[] feedCases = new Stored[16];
  private int feedSize;
  private long position;

  /**
   * One case's events, appended in place (the store's lock guards them; readers get copies), and
   * its latest position in the feed. A copy of the whole list per append made recording a case
   * O(events) and kept a list object per case besides its array.
   */
  private static final class Stored {
    final CaseId caseId;
    PathwayEvent[] events = new PathwayEvent[8];
    int size;
    long position;

    Stored(CaseId caseId) {
      this.caseId = caseId;
    }

    void addAll(List<PathwayEvent> more) {
      int n = more.size();
      if (size + n > events.length) {
        events = Arrays.copyOf(events, Math.max(size + n, size + (size >> 1) + 1));
      }
      for (int i = 0; i < n; i++) {
        events[size++] = more.get(i);
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
    if (!(events instanceof RandomAccess)) {
      events = new ArrayList<>(events); // read by index below
    }
    for (int i = 0; i < events.size(); i++) {
      requireNonNull(events.get(i), "event");
    }
    Stored stored = cases.get(caseId);
    int version = stored == null ? 0 : stored.size;
    if (version != expectedVersion) {
      throw new VersionConflictException(caseId, expectedVersion, version);
    }
    if (stored == null) {
      stored = new Stored(caseId);
      cases.put(caseId, stored);
    }
    stored.addAll(events);
    stored.position = ++position;
    addToFeed(stored);
    return stored.size;
  }

  /** Appends the case's latest position to the feed, first dropping superseded entries if it is full. */
  private void addToFeed(Stored stored) {
    if (feedSize == feedPositions.length) {
      int kept = 0;
      for (int i = 0; i < feedSize; i++) {
        if (feedCases[i].position == feedPositions[i]) {
          feedPositions[kept] = feedPositions[i];
          feedCases[kept++] = feedCases[i];
        }
      }
      Arrays.fill(feedCases, kept, feedSize, null);
      feedSize = kept;
      if (kept > feedPositions.length / 2) { // mostly current: grow, so dropping stays amortised O(1) per append
        feedPositions = Arrays.copyOf(feedPositions, feedPositions.length * 2);
        feedCases = Arrays.copyOf(feedCases, feedCases.length * 2);
      }
    }
    feedPositions[feedSize] = stored.position;
    feedCases[feedSize++] = stored;
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
    int start = Arrays.binarySearch(feedPositions, 0, feedSize, from);
    for (int i = start >= 0 ? start + 1 : -start - 1; i < feedSize && n < limit; i++) {
      if (feedCases[i].position == feedPositions[i]) { // else superseded by a later append to the case
        changed.add(feedCases[i].caseId);
        last = feedPositions[i];
        n++;
      }
    }
    return new ChangedCases(changed.build(), last == from ? after : new StoreCursor(Long.toString(last)));
  }

  /** The number of cases stored. */
  public synchronized int size() {
    return cases.size();
  }
}
