package org.mentor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.GeneratedCases;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A case grown one event at a time, as a clinic records it, and scheduled after each event: the
 * memo carries a plan over to the next version when the new event satisfies no rule and changes
 * nothing the scheduler reads; every schedule must still equal the one computed from scratch.
 */
class PlanCarryOverPropertiesTest {

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Property(tries = 80, seed = "20261124")
  void a_schedule_after_each_appended_event_equals_the_schedule_computed_from_scratch(
      @ForAll("files") CaseFile file, @ForAll @IntRange(min = 1, max = 120) int daysAfter) {
    for (Protocol protocol : Protocols.builtIn()) {
      List<PathwayEvent> arrived = file.history();
      CaseFile grown = CaseFile.enrol(file.caseId(), (Enrolled) arrived.get(0));
      for (PathwayEvent event : arrived.subList(1, arrived.size())) {
        grown = grown.record(event);
        LocalDate asOf = event.occurredOn().plusDays(daysAfter);
        CaseState state = Pathway.evaluate(protocol, grown.facts(), asOf);
        assertThat(Schedule.of(protocol, grown.facts(), state))
            .as("%s after %s as of %s", protocol.ref(), event.kind(), asOf)
            .isEqualTo(Schedule.compute(protocol, grown.facts(), state));
      }
    }
  }
}
