package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list kept newest first, with O(1) {@link #plus}: the facts of a case keep their
 * histories (viral loads, pill counts, tests) this way so folding one more event allocates one
 * node instead of copying a list. (STYLE.md prefers Guava's immutable collections and asks for a
 * measurement before anything else; the per-event allocation budget of the pathway benchmark is
 * that measurement.)
 *
 * <p>Immutable and thread-safe; equality is element-wise.
 *
 * @param <T> the element type
 */
@API(status = STABLE, since = "0.1")
public final class History<T> implements Iterable<T> {
  private static final History<?> EMPTY = new History<>(null, null, 0);

  private final @Nullable T head;
  private final @Nullable History<T> tail;
  private final int size;

  private History(@Nullable T head, @Nullable History<T> tail, int size) {
    this.head = head;
    this.tail = tail;
    this.size = size;
  }

  /** The empty history. */
  @SuppressWarnings("unchecked")
  public static <T> History<T> empty() {
    return (History<T>) EMPTY;
  }

  /**
   * Returns this history with one newer element.
   *
   * @param element the newest element, not null
   * @return a new history; this one is unchanged
   */
  public History<T> plus(T element) {
    return new History<>(requireNonNull(element, "element"), this, size + 1);
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** Whether there are no elements. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The newest element, if any. */
  public Optional<T> latest() {
    return Optional.ofNullable(head);
  }

  /** The newest element, or null when empty (an allocation-free form of {@link #latest()} for hot paths). */
  @Nullable T newest() {
    return head;
  }

  /** The newest element matching the predicate, if any. */
  public Optional<T> latest(Predicate<? super T> predicate) {
    for (History<T> h = this; h.size > 0; h = h.tail) {
      if (predicate.test(h.head)) {
        return Optional.of(h.head);
      }
    }
    return Optional.empty();
  }

  /** The oldest element matching the predicate, if any. */
  public Optional<T> earliest(Predicate<? super T> predicate) {
    T found = null;
    for (History<T> h = this; h.size > 0; h = h.tail) {
      if (predicate.test(h.head)) {
        found = h.head;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The newest event that occurred on or before a date, or null: {@link #latest(Predicate)} without
   * a predicate object, for the evaluation's hot paths (a capturing lambda per call, and a
   * megamorphic call per element, were a tenth of assembling a state).
   */
  static <E extends PathwayEvent> @Nullable E newestOnOrBefore(History<E> history, LocalDate date) {
    for (History<E> h = history; h.size > 0; h = h.tail) {
      if (!h.head.occurredOn().isAfter(date)) {
        return h.head;
      }
    }
    return null;
  }

  /** The oldest event that occurred on or before a date, or null (see {@link #newestOnOrBefore}). */
  static <E extends PathwayEvent> @Nullable E oldestOnOrBefore(History<E> history, LocalDate date) {
    E found = null;
    for (History<E> h = history; h.size > 0; h = h.tail) {
      if (!h.head.occurredOn().isAfter(date)) {
        found = h.head;
      }
    }
    return found;
  }

  /** Whether any element matches. */
  public boolean any(Predicate<? super T> predicate) {
    return latest(predicate).isPresent();
  }

  /** The elements oldest first, as an immutable list (a copy). */
  public ImmutableList<T> oldestFirst() {
    return newestFirst().reverse();
  }

  /** The elements newest first, as an immutable list (a copy). */
  public ImmutableList<T> newestFirst() {
    ImmutableList.Builder<T> builder = ImmutableList.builderWithExpectedSize(size);
    forEach(builder::add);
    return builder.build();
  }

  /** Iterates newest first. */
  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private History<T> next = History.this;

      @Override
      public boolean hasNext() {
        return next.size > 0;
      }

      @Override
      public T next() {
        if (next.size == 0) {
          throw new NoSuchElementException();
        }
        T value = next.head;
        next = next.tail;
        return value;
      }
    };
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof History<?> that) || that.size != size) {
      return false;
    }
    Iterator<?> theirs = that.iterator();
    for (T mine : this) {
      if (!mine.equals(theirs.next())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (T element : this) {
      hash = 31 * hash + element.hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    return newestFirst().toString();
  }
}
