package org.mentor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;

@DisplayNameGeneration(ReplaceUnderscores.class)
class SyntheticCaseTest {
  private static final int LARGEST = 200 + ApplyBenchmark.CHAIN;

  @Test
  void given_the_same_seed_and_size_when_generated_twice_then_the_events_are_equal() {
    assertThat(SyntheticCase.generate(7, 40).events()).isEqualTo(SyntheticCase.generate(7, 40).events());
  }

  @Test
  void given_one_seed_when_generated_at_two_sizes_then_the_smaller_case_is_a_prefix_of_the_bigger() {
    ImmutableList<PathwayEvent> big = SyntheticCase.generate(7, 200).events();
    assertThat(SyntheticCase.generate(7, 40).events()).isEqualTo(big.subList(0, 40));
  }

  @Test
  void given_a_size_when_generated_then_the_case_has_exactly_that_many_events_in_fold_order() {
    ImmutableList<PathwayEvent> events = SyntheticCase.generate(ApplyBenchmark.SEED, 200).events();
    assertThat(events).hasSize(200).isSortedAccordingTo(Fold.ORDER);
    assertThat(events.stream().map(PathwayEvent::id).distinct()).hasSize(200);
  }

  @Test
  void given_many_seeds_when_recorded_one_by_one_then_every_event_is_accepted() {
    for (long seed = 1; seed <= 200; seed++) {
      SyntheticCase synthetic = SyntheticCase.generate(seed, LARGEST);
      CaseFile file = synthetic.file();
      assertThat(file.version()).as("seed %d", seed).isEqualTo(LARGEST);
      assertThat(file.facts().sameClinicalFacts(synthetic.facts())).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void given_the_benchmark_case_when_evaluated_along_its_life_then_no_data_quality_issue_is_raised() {
    SyntheticCase synthetic = SyntheticCase.generate(ApplyBenchmark.SEED, LARGEST);
    CaseFile file = synthetic.file();
    LocalDate first = synthetic.events().get(0).occurredOn();
    for (LocalDate day = first; !day.isAfter(synthetic.lastDay()); day = day.plusDays(15)) {
      CaseState state = file.evaluate(Protocol.who2021(), day);
      assertThat(state.issues()).as("as of %s", day).isEmpty();
    }
  }

  @Test
  void given_the_benchmark_sizes_when_generated_then_the_cases_cover_the_pathway() {
    Set<EventKind> at40 = kinds(SyntheticCase.generate(ApplyBenchmark.SEED, 40).events());
    assertThat(at40).contains(EventKind.ENROLLED, EventKind.ART_STARTED, EventKind.ARVS_DISPENSED, EventKind.PILL_COUNTED,
        EventKind.APPOINTMENT_SET, EventKind.APPOINTMENT_KEPT, EventKind.VIRAL_LOAD_RESULTED);
    Set<EventKind> at200 = kinds(SyntheticCase.generate(ApplyBenchmark.SEED, 200).events());
    assertThat(at200).contains(EventKind.DELIVERED, EventKind.INFANT_PROPHYLAXIS_STARTED, EventKind.FEEDING_RECORDED,
        EventKind.INFANT_HIV_TESTED, EventKind.COTRIMOXAZOLE_STARTED, EventKind.MENTOR_VISITED,
        EventKind.ADHERENCE_COUNSELLED);
  }

  @Test
  void given_a_case_when_routine_visits_follow_then_they_are_recorded_incrementally_in_order() {
    for (int size : new int[] {5, 40, 200}) {
      SyntheticCase synthetic = SyntheticCase.generate(ApplyBenchmark.SEED, size);
      ImmutableList<PathwayEvent> next = synthetic.routineVisitsAfter(ApplyBenchmark.CHAIN / 4);
      assertThat(next).hasSize(ApplyBenchmark.CHAIN).isSortedAccordingTo(Fold.ORDER);
      assertThat(Fold.ORDER.compare(synthetic.events().get(size - 1), next.get(0))).isNegative();
      CaseFile file = synthetic.file();
      for (PathwayEvent event : next) {
        file = file.record(event);
      }
      assertThat(file.version()).isEqualTo(size + ApplyBenchmark.CHAIN);
      assertThat(file.facts().events().toList()).endsWith(next.toArray(new PathwayEvent[0]));
    }
  }

  @Test
  void given_a_size_below_one_when_generated_then_it_is_refused() {
    assertThatThrownBy(() -> SyntheticCase.generate(7, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<EventKind> kinds(ImmutableList<PathwayEvent> events) {
    return events.stream().map(PathwayEvent::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(EventKind.class)));
  }
}
