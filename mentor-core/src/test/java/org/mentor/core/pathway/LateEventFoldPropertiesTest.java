package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.pathway.GenCases.CASE;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.mentor.core.InvalidEventException;

/**
 * A late event (one that sorts before events already folded) is folded onto the facts rather than
 * re-folding them all when its fold commutes with that of every event after its place
 * ({@link Fold#evolveLate}). Whenever it is, the facts must equal the fold of the events with it in
 * its place; and the fast path must be taken often enough to be tested.
 */
class LateEventFoldPropertiesTest {

  @Provide
  Arbitrary<GenCases.Scenario> scenarios() {
    return GenCases.scenarios();
  }

  @Property(tries = 400, seed = "20261127")
  void a_late_event_folded_onto_the_facts_equals_the_fold_with_it_in_its_place(
      @ForAll("scenarios") GenCases.Scenario scenario, @ForAll @IntRange(min = 0, max = 9_999) int which,
      @ForAll @IntRange(min = 1, max = 6) int after) {
    List<PathwayEvent> events = new ArrayList<>();
    scenario.file().facts().events().forEach(events::add);
    int late = which % events.size();
    int end = Math.min(events.size(), late + 1 + after);
    Assume.that(end > late + 1); // some event after it
    List<PathwayEvent> without = new ArrayList<>(events.subList(0, late));
    without.addAll(events.subList(late + 1, end));
    Facts before;
    try {
      before = Fold.fold(CASE, without);
    } catch (InvalidEventException impossible) { // an infant's event without its delivery
      Assume.that(false);
      return;
    }
    Facts expected = Fold.fold(CASE, events.subList(0, end));
    Facts folded = Fold.evolveLate(before, events.get(late));
    Statistics.label("folded onto the facts").collect(folded != null);
    if (folded != null) {
      assertThat(folded).as("%s before %d later events", events.get(late).kind(), end - late - 1).isEqualTo(expected);
    }
    Statistics.label("folded onto the facts").coverage(coverage -> coverage.check(true).percentage(p -> p > 15));
  }
}
