package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.mentor.core.EventId;

/**
 * A case's recorded events in arrival order (the audit trail), with O(1) amortised {@link #plus}
 * and a lookup by id that scans a column of one-byte fingerprints of the ids before it compares
 * any id: {@link CaseFile#record} checks every new event's id against the whole history, and in a
 * registry of many cases each of those ids is an object elsewhere in memory, so comparing them all
 * cost a cache miss per event (about 4 µs a record at 10^4 cases), where the column is one line.
 * A byte rather than the whole hash keeps it to a byte per event; one id in 256 compares in vain.
 *
 * <p>Logs that extend one another share their arrays, as {@link Timeline} does: an append writes in
 * place only when it is the first to extend that prefix (claimed with a compare-and-set), otherwise
 * it copies. A slot is written before the log that holds it is published, and never again, so an
 * older log never sees a newer event. Immutable to its users and thread-safe; equality is element-wise.
 */
final class EventLog {
  private static final EventLog EMPTY = new EventLog(new Buffer(new PathwayEvent[0], new byte[0]), 0);

  /** The shared storage; {@code used} is how far any log has claimed it. */
  private static final class Buffer {
    final PathwayEvent[] events;
    final byte[] fingerprints;
    final AtomicInteger used = new AtomicInteger();

    Buffer(PathwayEvent[] events, byte[] fingerprints) {
      this.events = events;
      this.fingerprints = fingerprints;
    }
  }

  private final Buffer buffer;
  private final int size;

  private EventLog(Buffer buffer, int size) {
    this.buffer = buffer;
    this.size = size;
  }

  static EventLog empty() {
    return EMPTY;
  }

  /** This log with one more event at its end; this one is unchanged. */
  EventLog plus(PathwayEvent event) {
    requireNonNull(event, "event");
    Buffer b = buffer;
    if (size < b.events.length && b.used.compareAndSet(size, size + 1)) {
      b.events[size] = event;
      b.fingerprints[size] = fingerprint(event.id());
      return new EventLog(b, size + 1);
    }
    // Grows by half (not doubling): a case's history is tens of events and is kept for the case's life.
    int capacity = Math.max(8, size + (size >> 1) + 1);
    Buffer grown = new Buffer(Arrays.copyOf(b.events, capacity), Arrays.copyOf(b.fingerprints, capacity));
    Arrays.fill(grown.events, size, capacity, null);
    grown.events[size] = event;
    grown.fingerprints[size] = fingerprint(event.id());
    grown.used.set(size + 1);
    return new EventLog(grown, size + 1);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  PathwayEvent get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return buffer.events[index];
  }

  /** The newest event with this id, or null. */
  @Nullable PathwayEvent find(EventId id) {
    byte fingerprint = fingerprint(id);
    byte[] fingerprints = buffer.fingerprints;
    PathwayEvent[] events = buffer.events;
    for (int i = size - 1; i >= 0; i--) {
      if (fingerprints[i] == fingerprint && events[i].id().equals(id)) {
        return events[i];
      }
    }
    return null;
  }

  /** An id's one-byte fingerprint (package-private for the tests that need ids sharing one). */
  static byte fingerprint(EventId id) {
    int hash = id.hashCode();
    return (byte) (hash ^ hash >>> 8 ^ hash >>> 16 ^ hash >>> 24);
  }

  /** The events oldest first, as an unmodifiable view (no copy: the slots it reads never change). */
  List<PathwayEvent> oldestFirst() {
    return new View(buffer.events, 0, size);
  }

  /** The events from a position on, oldest first, as an unmodifiable view. */
  List<PathwayEvent> since(int from) {
    if (from < 0 || from > size) {
      throw new IndexOutOfBoundsException(from);
    }
    return new View(buffer.events, from, size);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof EventLog that) || that.size != size) {
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
    return oldestFirst().hashCode();
  }

  /** A read-only window on a buffer's claimed slots. */
  private static final class View extends AbstractList<PathwayEvent> implements RandomAccess {
    private final PathwayEvent[] events;
    private final int from;
    private final int to;

    View(PathwayEvent[] events, int from, int to) {
      this.events = events;
      this.from = from;
      this.to = to;
    }

    @Override
    public PathwayEvent get(int index) {
      if (index < 0 || index >= to - from) {
        throw new IndexOutOfBoundsException(index);
      }
      return events[from + index];
    }

    @Override
    public int size() {
      return to - from;
    }

    @Override
    public List<PathwayEvent> subList(int fromIndex, int toIndex) {
      if (fromIndex < 0 || toIndex > size() || fromIndex > toIndex) {
        throw new IndexOutOfBoundsException("[" + fromIndex + ", " + toIndex + ") of " + size());
      }
      return new View(events, from + fromIndex, from + toIndex);
    }
  }
}
