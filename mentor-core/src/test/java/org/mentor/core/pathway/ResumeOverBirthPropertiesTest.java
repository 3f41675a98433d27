package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.pathway.GenCases.CASE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A replay run to a day before the delivery resumes over facts that add the delivery and what
 * follows ({@link Replay#resumedWith}, {@code noInfantYet}), as the simulator reads a case on the day
 * of the delivery: it must give exactly the state a full replay gives, and must not refuse where it
 * has met no infant.
 */
class ResumeOverBirthPropertiesTest {

  record Reading(GenCases.Scenario scenario, int cutDie, int daysAfter, int holdBackDie) {}

  @Provide
  Arbitrary<Reading> readings() {
    return Combinators.combine(GenCases.scenarios(), Arbitraries.integers().between(0, 9_999),
        Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 9))
        .as(Reading::new);
  }

  @Property(tries = 300, seed = "20261125")
  void a_replay_read_before_the_delivery_resumed_over_it_equals_a_full_replay(@ForAll("readings") Reading reading) {
    List<PathwayEvent> events = new ArrayList<>();
    reading.scenario().file().facts().events().forEach(events::add);
    int delivery = 0;
    while (delivery < events.size() && events.get(delivery).kind() != EventKind.DELIVERED) {
      delivery++;
    }
    int enrolment = 0;
    while (events.get(enrolment).kind() != EventKind.ENROLLED) {
      enrolment++;
    }
    Assume.that(delivery < events.size() && delivery > enrolment);
    // Cut anywhere from after the enrolment to just before the delivery; now and then a cut that
    // takes the delivery too (then the replay has met its infants and must refuse, or be exact).
    int cut = enrolment + 1 + reading.cutDie() % (delivery - enrolment + (reading.holdBackDie() == 0 ? 2 : 0));
    cut = Math.min(cut, events.size());
    LocalDate readOn = events.get(cut - 1).occurredOn();
    LocalDate later = events.get(delivery).occurredOn().plusDays(reading.daysAfter());
    if (later.isBefore(readOn)) {
      later = readOn;
    }
    int end = cut;
    while (end < events.size() && !events.get(end).occurredOn().isAfter(later)) {
      end++;
    }
    Facts seen = Fold.fold(CASE, events.subList(0, cut));
    Facts laterFacts = Fold.fold(CASE, events.subList(0, end));
    boolean metNoInfant = seen.infants().isEmpty()
        && events.subList(0, cut).stream().noneMatch(e -> e.kind() == EventKind.DELIVERED || Replay.infantOf(e) != null);
    boolean addsInfants = !laterFacts.infants().keySet().equals(seen.infants().keySet());
    for (Protocol protocol : Protocols.builtIn()) {
      Replay resumed = Replay.run(protocol, seen, readOn).resumedWith(laterFacts, later);
      Statistics.label("resumed").collect(resumed == null ? "refused" : addsInfants ? "over new infants" : "same infants");
      if (metNoInfant) {
        assertThat(resumed).as("%s read on %s before the delivery, then on %s", protocol.ref(), readOn, later).isNotNull();
      }
      if (resumed != null) {
        assertThat(Pathway.assemble(protocol, laterFacts, later, resumed))
            .as("%s read on %s, then on %s", protocol.ref(), readOn, later)
            .isEqualTo(Pathway.evaluate(protocol, laterFacts, later));
      }
    }
    Statistics.label("resumed").coverage(coverage -> coverage.check("over new infants").count(n -> n >= 100));
  }
}
