package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.ContactMode;

/**
 * {@link EventLog#find} skips the slots whose fingerprint differs; these compare it with the plain
 * newest-first scan on logs of every length from 0 to 80, with ids that often share a fingerprint
 * (thousands of ids over 256 fingerprints), repeated ids (the newest must be found), and logs that
 * share a buffer with a longer sibling (whose slots past this log's end must never be found).
 */
class EventLogFindTest {
  private static final RecordedBy BY = new RecordedBy("test", "facility", "mentor-test");
  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

  private static PathwayEvent visit(EventId id, int tag) {
    // The tag (days) tells repeats of one id apart, so the newest can be checked.
    return new MentorVisited(id, DAY.plusDays(tag), Instant.parse("2024-03-01T12:00:00Z"), BY, ContactMode.HOME);
  }

  /** The lookup as it was: every slot, newest first. */
  private static @Nullable PathwayEvent naive(List<PathwayEvent> events, EventId id) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).id().equals(id)) {
        return events.get(i);
      }
    }
    return null;
  }

  @Test
  void finds_what_a_plain_scan_finds_for_every_length_and_many_shared_fingerprints() {
    SplittableRandom random = new SplittableRandom(20241125L);
    int checked = 0;
    int found = 0;
    for (int round = 0; round < 200; round++) {
      int length = random.nextInt(81);
      List<PathwayEvent> events = new ArrayList<>();
      EventLog log = EventLog.empty();
      for (int i = 0; i < length; i++) {
        // One id in five repeats an earlier one: find must return the newest.
        EventId id = i > 0 && random.nextInt(5) == 0
            ? events.get(random.nextInt(i)).id() : EventId.of("case-" + round + "-", random.nextInt(4_000));
        PathwayEvent event = visit(id, i);
        events.add(event);
        log = log.plus(event);
      }
      for (int probe = 0; probe < 400; probe++) {
        EventId id = probe % 4 == 0 && length > 0
            ? events.get(random.nextInt(length)).id() : EventId.of("case-" + round + "-", random.nextInt(4_000));
        PathwayEvent expected = naive(events, id);
        assertThat(log.find(id)).as("round %d, length %d, id %s", round, length, id).isSameAs(expected);
        checked++;
        found += expected == null ? 0 : 1;
      }
    }
    assertThat(found).as("probes that found an event").isGreaterThan(checked / 5);
  }

  @Test
  void a_shorter_log_never_finds_what_a_longer_one_sharing_its_buffer_added() {
    for (int length = 0; length <= 40; length++) {
      EventLog shorter = EventLog.empty();
      List<PathwayEvent> events = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        PathwayEvent event = visit(EventId.of("shared-", i), i);
        events.add(event);
        shorter = shorter.plus(event);
      }
      EventLog longer = shorter;
      for (int i = length; i < length + 20; i++) {
        longer = longer.plus(visit(EventId.of("shared-", i), i)); // written in place, past the shorter log's end
      }
      for (int i = 0; i < length + 20; i++) {
        EventId id = EventId.of("shared-", i);
        assertThat(shorter.find(id)).as("length %d, id %d", length, i).isSameAs(i < length ? events.get(i) : null);
        assertThat(longer.find(id)).as("longer, length %d, id %d", length, i).isNotNull();
      }
    }
  }

  @Test
  void ids_sharing_one_fingerprint_in_one_word_are_told_apart() {
    // Thirty-two ids with one fingerprint, found by trying: every word of the column then matches.
    List<EventId> same = new ArrayList<>();
    byte wanted = 0;
    for (int n = 0; same.size() < 32; n++) {
      EventId id = EventId.of("fp-", n);
      byte fingerprint = EventLog.fingerprint(id);
      if (same.isEmpty()) {
        wanted = fingerprint;
      }
      if (fingerprint == wanted) {
        same.add(id);
      }
    }
    EventLog log = EventLog.empty();
    List<PathwayEvent> events = new ArrayList<>();
    for (int i = 0; i < 31; i++) { // the 32nd stays out: the search must scan every word and find nothing
      PathwayEvent event = visit(same.get(i), i);
      events.add(event);
      log = log.plus(event);
    }
    for (int i = 0; i < 31; i++) {
      assertThat(log.find(same.get(i))).isSameAs(events.get(i));
    }
    assertThat(log.find(same.get(31))).isNull();
  }
}
