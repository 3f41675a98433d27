package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A case file evaluates a date on or after its last event from a memoised checkpoint of its replay
 * ({@link CaseFile#evaluate}); that must give exactly what the full replay gives
 * ({@link Pathway#evaluate}), for every protocol, on the last event's day and long after it, and
 * again when the checkpoint is reused.
 */
class CheckpointPropertiesTest {

  @Provide
  Arbitrary<GenCases.Scenario> scenarios() {
    return GenCases.scenarios();
  }

  @Property(tries = 150, seed = "20261124")
  void evaluating_from_the_checkpoint_equals_the_full_replay(
      @ForAll("scenarios") GenCases.Scenario scenario, @ForAll @IntRange(min = 0, max = 400) int daysAfter) {
    CaseFile file = scenario.file();
    LocalDate last = file.facts().events().get(file.facts().events().size() - 1).occurredOn();
    for (Protocol protocol : Protocols.builtIn()) {
      for (LocalDate asOf : new LocalDate[] {last, last.plusDays(daysAfter), last.plusDays(daysAfter / 2)}) {
        CaseState full = Pathway.evaluate(protocol, file.facts(), asOf);
        assertThat(file.evaluate(protocol, asOf)).as("%s as of %s", protocol.ref(), asOf).isEqualTo(full);
      }
    }
  }

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  /**
   * As the simulator's walk reads a case: each event recorded, then the case evaluated on that
   * event's day and some days later. The first evaluation of a version advances the checkpoint it
   * inherited, keeps a copy and runs the advanced replay itself on to the date asked; that run must
   * not reach the kept copy, from which the second date and the next version start.
   */
  @Property(tries = 80, seed = "20261124")
  void evaluating_after_each_recorded_event_equals_the_full_replay(@ForAll("files") CaseFile file,
      @ForAll @IntRange(min = 1, max = 120) int daysAfter) {
    for (Protocol protocol : Protocols.builtIn()) {
      GeneratedCases.eachVersion(file, (grown, event) -> {
        for (LocalDate asOf : List.of(event.occurredOn(), event.occurredOn().plusDays(daysAfter))) {
          assertThat(grown.evaluate(protocol, asOf))
              .as("%s after %s as of %s", protocol.ref(), event.kind(), asOf)
              .isEqualTo(Pathway.evaluate(protocol, grown.facts(), asOf));
        }
      });
    }
  }

  @Property(tries = 60, seed = "20261124")
  void a_date_before_the_last_event_is_replayed_in_full_and_still_equal(@ForAll("scenarios") GenCases.Scenario scenario,
      @ForAll @IntRange(min = 1, max = 300) int daysBefore) {
    CaseFile file = scenario.file();
    LocalDate last = file.facts().events().get(file.facts().events().size() - 1).occurredOn();
    Protocol who = Protocol.who2021();
    file.evaluate(who, last.plusDays(10)); // warms the checkpoint
    LocalDate asOf = last.minusDays(daysBefore);
    assertThat(file.evaluate(who, asOf)).isEqualTo(Pathway.evaluate(who, file.facts(), asOf));
  }
}
