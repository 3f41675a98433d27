package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A case's effective events in fold order {@code (occurredOn, kind, id)}, oldest first: what the
 * evaluation replays. Immutable to its users, with amortised O(1) {@link #plus}: timelines that
 * extend one another share one array, and an append writes in place only when it is the first to
 * extend that prefix (claimed with a compare-and-set), otherwise it copies. So an older timeline
 * never sees a newer event, from any thread.
 *
 * <p>Immutable and thread-safe; equality is element-wise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Timeline implements Iterable<PathwayEvent> {
  private static final Timeline EMPTY = new Timeline(new Buffer(new PathwayEvent[0]), 0);

  /** The shared storage; {@code used} is how far any timeline has claimed it. */
  private static final class Buffer {
    final PathwayEvent[] events;
    final AtomicInteger used;

    Buffer(PathwayEvent[] events) {
      this.events = events;
      this.used = new AtomicInteger();
    }
  }

  private final Buffer buffer;
  private final int size;

  private Timeline(Buffer buffer, int size) {
    this.buffer = buffer;
    this.size = size;
  }

  /** The empty timeline. */
  public static Timeline empty() {
    return EMPTY;
  }

  /**
   * A timeline of events already in fold order.
   *
   * @param sorted the events, oldest first, not null
   * @return the timeline
   */
  public static Timeline of(Iterable<? extends PathwayEvent> sorted) {
    ImmutableList<PathwayEvent> list = ImmutableList.copyOf(sorted);
    Buffer buffer = new Buffer(list.toArray(new PathwayEvent[Math.max(8, list.size() + list.size() / 2)]));
    buffer.used.set(list.size());
    return new Timeline(buffer, list.size());
  }

  /**
   * Returns this timeline with one more event at its end. The caller guarantees the event sorts
   * after every event already here.
   *
   * @param event the event, not null
   * @return a new timeline; this one is unchanged
   */
  public Timeline plus(PathwayEvent event) {
    requireNonNull(event, "event");
    PathwayEvent[] events = buffer.events;
    if (size < events.length && buffer.used.compareAndSet(size, size + 1)) {
      events[size] = event;
      return new Timeline(buffer, size + 1);
    }
    // Grows by half (not doubling): a case's timeline is tens of events and is kept for the case's life.
    PathwayEvent[] grown = Arrays.copyOf(events, Math.max(8, size + (size >> 1) + 1));
    Arrays.fill(grown, size, grown.length, null);
    grown[size] = event;
    Buffer copy = new Buffer(grown);
    copy.used.set(size + 1);
    return new Timeline(copy, size + 1);
  }

  /** The number of events. */
  public int size() {
    return size;
  }

  /** Whether there are no events. */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * The event at a position, oldest first.
   *
   * @param index from 0 to {@code size() - 1}
   * @return the event
   */
  public PathwayEvent get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return buffer.events[index];
  }

  /**
   * Whether this timeline's first {@code n} events are the very instances of another's first
   * {@code n} (true at once for timelines that share their array).
   */
  boolean startsWithSame(Timeline other, int n) {
    if (n > size || n > other.size) {
      return false;
    }
    if (buffer == other.buffer) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      if (buffer.events[i] != other.buffer.events[i]) {
        return false;
      }
    }
    return true;
  }

  /** The newest event, or null when empty (internal fast path). */
  @Nullable PathwayEvent last() {
    return size == 0 ? null : buffer.events[size - 1];
  }

  /** The events oldest first, as an immutable list (a copy). */
  public ImmutableList<PathwayEvent> toList() {
    return ImmutableList.copyOf(Arrays.asList(buffer.events).subList(0, size));
  }

  @Override
  public Iterator<PathwayEvent> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public PathwayEvent next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return buffer.events[next++];
      }
    };
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Timeline that) || that.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!buffer.events[i].equals(that.buffer.events[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + buffer.events[i].hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    return toList().toString();
  }
}
