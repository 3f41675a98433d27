package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.sim.scenario.Scenario;

/**
 * The walk's cheaper stand-ins for engine calls give the engine's answers: its fold-order sort is
 * {@link Fold#ORDER}, and what it reads as asked for is what {@link Attention#kinds} lists, on the
 * states of simulated pairs replayed batch by batch.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PairWalkShortcutsTest {
  private static final int PAIRS = 60;

  /** Viral-load failure and late ART starts are common, so both answers occur often. */
  private static Scenario cohort(boolean mentor) {
    return Scenario.builder().name("shortcuts").pairs(PAIRS).seed(3).mentorSupport(mentor)
        .set("booking.artStartPerVisit", 0.5).build();
  }

  @Test
  void the_walks_sort_puts_shuffled_batches_in_fold_order() {
    Random random = new Random(1);
    long[] scratch = new long[1]; // kept between batches, as the walk keeps its keys
    int compared = 0;
    for (boolean mentor : new boolean[] {true, false}) {
      Scenario s = cohort(mentor);
      for (int i = 0; i < PAIRS; i++) {
        List<PathwayEvent> all = new ArrayList<>();
        Simulation.eventsOf(s, i).forEach(all::addAll);
        for (int from = 0; from < all.size(); from += 7) { // batches larger than a visit's, with several days and kinds
          List<PathwayEvent> batch = new ArrayList<>(all.subList(from, Math.min(all.size(), from + 12)));
          Collections.shuffle(batch, random);
          List<PathwayEvent> expected = new ArrayList<>(batch);
          expected.sort(Fold.ORDER);
          List<PathwayEvent> again = new ArrayList<>(batch);
          PairWalk.sortInFoldOrder(batch);
          assertThat(batch).containsExactlyElementsOf(expected);
          scratch = PairWalk.sortInFoldOrder(again, scratch);
          assertThat(again).containsExactlyElementsOf(expected);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(500);
  }

  @Test
  void what_the_walk_reads_as_asked_for_is_what_the_attention_list_asks() {
    int artStartAsked = 0;
    int counsellingAsked = 0;
    int states = 0;
    for (boolean mentor : new boolean[] {true, false}) {
      Scenario s = cohort(mentor);
      for (int i = 0; i < PAIRS; i++) {
        CaseRegistry registry = Runner.registry(s);
        CaseId caseId = CaseId.of("pair-" + i);
        for (ImmutableList<PathwayEvent> batch : Simulation.eventsOf(s, i)) {
          if (batch.get(0) instanceof Enrolled enrolled) {
            registry.enrol(caseId, enrolled);
          } else {
            registry.record(caseId, batch, -1);
          }
          PathwayEvent last = batch.get(batch.size() - 1);
          for (int days : new int[] {0, 10, 40}) {
            CaseState state = registry.state(caseId, last.occurredOn().plusDays(days));
            EnumSet<Attention.Kind> kinds = Attention.kinds(state);
            boolean art = PairWalk.asksArtStart(state.mother());
            boolean counselling = PairWalk.asksEnhancedCounselling(state.mother());
            assertThat(art).as("START_ART in %s", kinds).isEqualTo(kinds.contains(Attention.Kind.START_ART));
            assertThat(counselling).as("ENHANCED_ADHERENCE_COUNSELLING in %s", kinds)
                .isEqualTo(kinds.contains(Attention.Kind.ENHANCED_ADHERENCE_COUNSELLING));
            artStartAsked += art ? 1 : 0;
            counsellingAsked += counselling ? 1 : 0;
            states++;
          }
        }
      }
    }
    assertThat(artStartAsked).isGreaterThan(10).isLessThan(states);
    assertThat(counsellingAsked).isGreaterThan(10).isLessThan(states);
  }
}
