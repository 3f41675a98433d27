package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.pathway.GenCases.CASE;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mentor.core.pathway.GenCases.Arrival;
import org.mentor.core.pathway.GenCases.Node;
import org.mentor.core.pathway.GenCases.Scenario;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A case file evaluates incrementally: each new version inherits the replay checkpoint of the one
 * before and advances it over the events added ({@link CaseFile#evaluate}), falling back to a
 * replay from the first event when a late event, a correction or a void changes what the
 * checkpoint has replayed. Whatever the arrival order, and whichever versions were evaluated on the
 * way (so a checkpoint may be carried over several appends), every evaluation must equal the
 * evaluation of the same facts from scratch ({@link Pathway#evaluate}) — and as known at an earlier
 * instant, the evaluation of a file holding only what was recorded by then.
 *
 * <p>Arrivals are mostly in date order (as clinics record, and the simulator), with some events
 * held back so they arrive late, and every correction and void of the generated case
 * ({@link GenCases}). Seeds are fixed.
 */
class IncrementalEvaluationPropertiesTest {
  private static final Protocol WHO = Protocol.who2021();

  /** An arrival order that is date order except for the events held back, and which versions get evaluated. */
  record Recording(Arrival arrival, ImmutableList<Boolean> evaluateAfter, int daysAfter) {}

  @Provide
  Arbitrary<Recording> recordings() {
    return GenCases.scenarios().flatMap(scenario -> {
      int n = scenario.nodes().size();
      Arbitrary<List<Integer>> delays = Arbitraries.integers().between(0, 99).list().ofSize(n);
      Arbitrary<List<Boolean>> evaluate = Arbitraries.integers().between(0, 2).map(i -> i == 0).list().ofSize(n);
      Arbitrary<Integer> days = Arbitraries.integers().between(0, 200);
      return Combinators.combine(delays, evaluate, days).as((d, e, k) -> new Recording(
          new Arrival(scenario, mostlyInDateOrder(scenario, d)), ImmutableList.copyOf(e), k));
    });
  }

  /**
   * Priorities that put the nodes in the order of their content's date, except that one in ten
   * is held back by 1 to 30 places (so it arrives after later-dated events: a late entry).
   */
  private static ImmutableList<Integer> mostlyInDateOrder(Scenario scenario, List<Integer> dice) {
    List<Node> nodes = scenario.nodes();
    List<Integer> byDate = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      byDate.add(i);
    }
    byDate.sort(Comparator.comparing((Integer i) -> nodes.get(i).content().occurredOn()).thenComparing(i -> i));
    int[] priority = new int[nodes.size()];
    for (int rank = 0; rank < byDate.size(); rank++) {
      priority[byDate.get(rank)] = rank * 4;
    }
    ImmutableList.Builder<Integer> out = ImmutableList.builder();
    for (int i = 0; i < nodes.size(); i++) {
      int roll = dice.get(i);
      out.add(roll < 10 ? priority[i] + 4 * (1 + roll * 3) : priority[i]);
    }
    return out.build();
  }

  @Property(tries = 200, seed = "20261125")
  void every_version_evaluates_as_its_facts_do_from_scratch(@ForAll("recordings") Recording recording) {
    ImmutableList<PathwayEvent> events = recording.arrival().events();
    CaseFile file = CaseFile.empty(CASE);
    for (int i = 0; i < events.size(); i++) {
      file = file.record(events.get(i));
      if (!recording.evaluateAfter().get(i) && i < events.size() - 1) {
        continue; // the next version inherits an older checkpoint
      }
      LocalDate last = lastDay(file);
      for (LocalDate asOf : List.of(last, last.minusDays(1), last.plusDays(recording.daysAfter()), last.minusDays(2))) {
        assertThat(file.evaluate(WHO, asOf)).as("version %d as of %s", file.version(), asOf)
            .isEqualTo(Pathway.evaluate(WHO, file.facts(), asOf));
      }
    }
  }

  @Property(tries = 60, seed = "20261125")
  void every_protocol_evaluates_incrementally_as_from_scratch(@ForAll("recordings") Recording recording) {
    ImmutableList<PathwayEvent> events = recording.arrival().events();
    for (Protocol protocol : Protocols.builtIn()) {
      CaseFile file = CaseFile.empty(CASE);
      for (int i = 0; i < events.size(); i++) {
        file = file.record(events.get(i));
        if (recording.evaluateAfter().get(i)) {
          LocalDate asOf = lastDay(file).plusDays(recording.daysAfter());
          assertThat(file.evaluate(protocol, asOf)).as("%s, version %d", protocol.ref(), file.version())
              .isEqualTo(Pathway.evaluate(protocol, file.facts(), asOf));
        }
      }
    }
  }

  /**
   * Bi-temporal: as known at an instant, the case is the fold of the effective events among those
   * recorded by then, however warm the file's checkpoint is; and the file as then known evaluates
   * from its own checkpoint as from scratch.
   */
  @Property(tries = 100, seed = "20261125")
  void as_known_at_an_instant_the_case_is_what_was_recorded_by_then(@ForAll("recordings") Recording recording) {
    ImmutableList<PathwayEvent> events = recording.arrival().events();
    CaseFile file = CaseFile.replay(CASE, events);
    file.evaluate(WHO, lastDay(file)); // a warm checkpoint must not leak into views as known earlier
    TreeSet<Instant> instants = new TreeSet<>();
    Instant enrolled = events.get(0).recordedAt(); // a case is not known before its enrolment
    events.stream().map(PathwayEvent::recordedAt).filter(at -> !at.isBefore(enrolled)).forEach(instants::add);
    List<Instant> all = new ArrayList<>(instants);
    for (Instant knownAsOf : List.of(all.get(0), all.get(all.size() / 3), all.get(2 * all.size() / 3), all.get(all.size() - 1))) {
      List<PathwayEvent> recordedBy = events.stream().filter(e -> !e.recordedAt().isAfter(knownAsOf)).toList();
      Facts then = Fold.fold(CASE, CaseFile.effective(recordedBy));
      CaseFile thenFile = file.knownAsOf(knownAsOf);
      LocalDate thenLast = then.events().get(then.events().size() - 1).occurredOn();
      for (LocalDate asOf : List.of(thenLast, thenLast.minusDays(1), lastDay(file).plusDays(recording.daysAfter()))) {
        CaseState expected = Pathway.evaluate(WHO, then, asOf);
        assertThat(file.evaluate(WHO, asOf, knownAsOf)).as("known as of %s, as of %s", knownAsOf, asOf).isEqualTo(expected);
        assertThat(thenFile.evaluate(WHO, asOf)).as("the file as known at %s, as of %s", knownAsOf, asOf).isEqualTo(expected);
      }
    }
  }

  private static LocalDate lastDay(CaseFile file) {
    Timeline events = file.facts().events();
    return events.get(events.size() - 1).occurredOn();
  }
}
