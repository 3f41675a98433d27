package org.mentor.core.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.internal.InternedDates;

/**
 * Shared instances of the values events repeat, taken by every event's constructor, so a registry
 * holding many cases keeps one instance per value rather than one per event field (mentor-bench
 * {@code HeapPerCase}: dates, instants and the recorder were a fifth of a 40-event case).
 *
 * <ul>
 *   <li>Dates: one instance per day ({@link InternedDates}).
 *   <li>Recording instants, recorders and infant ids: a small table of values seen recently, by
 *       hash. The events of one visit, one day's entries, one infant's follow-up repeat them, so the
 *       last one seen is usually the one wanted; a value that misses takes its slot. Nothing is
 *       kept but the table's few thousand values, and a miss costs no more than not sharing.
 * </ul>
 *
 * <p>Sharing is invisible to callers: these are immutable values compared with {@code equals}.
 * Thread-safe: a slot read while another thread writes it holds an older or a newer value, both
 * complete (their fields are final), and either is only a hit or a miss.
 */
final class Shared {
  private static final int SLOTS = 1 << 12;
  private static final Instant[] INSTANTS = new Instant[SLOTS];
  private static final RecordedBy[] RECORDERS = new RecordedBy[SLOTS];
  private static final InfantId[] INFANTS = new InfantId[SLOTS];
  /** The recorder last added to the table: racy like the table, and only ever a hit or a miss. */
  private static @Nullable RecordedBy lastRecorder;

  private Shared() {}

  static LocalDate date(LocalDate date) {
    return InternedDates.date(date);
  }

  static Optional<LocalDate> date(Optional<LocalDate> date) {
    return date.isEmpty() ? date : InternedDates.optional(date.get());
  }

  static Instant instant(Instant instant) {
    int slot = slot(Long.hashCode(instant.getEpochSecond()) * 31 + instant.getNano());
    Instant seen = INSTANTS[slot];
    if (instant.equals(seen)) {
      return seen;
    }
    INSTANTS[slot] = instant;
    return instant;
  }

  static RecordedBy recordedBy(RecordedBy recordedBy) {
    if (recordedBy == lastRecorder) {
      return recordedBy; // a system that records its own events passes one instance: no hash, no field compares
    }
    int slot = slot(recordedBy.hashCode());
    RecordedBy seen = RECORDERS[slot];
    if (recordedBy.equals(seen)) {
      return seen;
    }
    RECORDERS[slot] = recordedBy;
    lastRecorder = recordedBy;
    return recordedBy;
  }

  static InfantId infant(InfantId infant) {
    int slot = slot(infant.hashCode());
    InfantId seen = INFANTS[slot];
    if (infant.equals(seen)) {
      return seen;
    }
    INFANTS[slot] = infant;
    return infant;
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
