package org.mentor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.RecordedBy;

/** The in-memory store's change feed: each case once, at its latest change, in commit order. */
class InMemoryCaseStoreTest {
  private static final RecordedBy CLINIC = new RecordedBy("u1", "f1", "test");
  private final InMemoryCaseStore store = new InMemoryCaseStore();
  private int events;

  private long append(String caseId) {
    CaseId id = CaseId.of(caseId);
    long version = store.load(id).map(c -> (long) c.events().size()).orElse(0L);
    MentorVisited visit = new MentorVisited(EventId.of("e" + ++events), LocalDate.of(2025, 6, 1),
        Instant.parse("2025-06-01T12:00:00Z"), CLINIC, ContactMode.HOME);
    return store.append(id, version, List.of(visit));
  }

  private List<String> all(StoreCursor from, int page) {
    List<String> seen = new ArrayList<>();
    StoreCursor cursor = from;
    while (true) {
      ChangedCases changed = store.changedSince(cursor, page);
      if (changed.cases().isEmpty()) {
        assertThat(changed.next()).isEqualTo(cursor);
        return seen;
      }
      changed.cases().forEach(c -> seen.add(c.value()));
      cursor = changed.next();
    }
  }

  @Test
  void a_case_changed_again_moves_to_the_end_of_the_feed() {
    for (String id : List.of("a", "b", "c", "d")) {
      append(id);
    }
    append("b");

    ChangedCases first = store.changedSince(StoreCursor.START, 3);
    ChangedCases second = store.changedSince(first.next(), 3);

    assertThat(first.cases()).extracting(CaseId::value).containsExactly("a", "c", "d");
    assertThat(second.cases()).extracting(CaseId::value).containsExactly("b");
    assertThat(store.changedSince(second.next(), 3).cases()).isEmpty();
    append("a");
    assertThat(store.changedSince(second.next(), 10).cases()).extracting(CaseId::value).containsExactly("a");
  }

  @Test
  void many_changes_to_few_cases_keep_one_entry_per_case_in_order_of_the_latest_change() {
    Random random = new Random(11);
    Map<String, Integer> latest = new LinkedHashMap<>(); // insertion order refreshed on each change: the expected feed
    StoreCursor middle = StoreCursor.START;
    List<String> afterMiddle = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) { // past several compactions and growths of the feed's arrays
      String id = "case-" + random.nextInt(i < 500 ? 40 : 7);
      append(id);
      latest.remove(id);
      latest.put(id, i);
      if (i == 600) {
        middle = store.changedSince(StoreCursor.START, 1_000).next();
        afterMiddle.clear();
      } else if (i > 600) {
        afterMiddle.remove(id);
        afterMiddle.add(id);
      }
    }

    assertThat(all(StoreCursor.START, 3)).containsExactlyElementsOf(latest.keySet());
    assertThat(all(StoreCursor.START, 1_000)).containsExactlyElementsOf(latest.keySet());
    assertThat(all(middle, 2)).containsExactlyElementsOf(afterMiddle);
    assertThat(store.size()).isEqualTo(40);
  }
}
