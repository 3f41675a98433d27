package org.mentor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.GeneratedCases;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * {@link Schedule#of} memoises a case's plan from the day its last fact happened or became known;
 * every schedule it gives must equal the one computed from scratch, for every protocol, on dates
 * before, on and long after that day, in any order of asking.
 */
class ScheduleMemoPropertiesTest {

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Property(tries = 120, seed = "20261124")
  void the_memoised_schedule_equals_the_schedule_computed_from_scratch(
      @ForAll("files") CaseFile file, @ForAll @IntRange(min = 0, max = 500) int daysAfter,
      @ForAll @IntRange(min = 1, max = 200) int daysBefore) {
    LocalDate last = file.facts().events().get(file.facts().events().size() - 1).occurredOn();
    for (Protocol protocol : Protocols.builtIn()) {
      for (LocalDate asOf : new LocalDate[] {last.plusDays(daysAfter), last.plusDays(daysAfter / 3), last, last.plusDays(1),
          last.plusDays(daysAfter + 30), last.minusDays(daysBefore)}) {
        var state = Pathway.evaluate(protocol, file.facts(), asOf);
        assertThat(Schedule.of(protocol, file.facts(), state))
            .as("%s as of %s", protocol.ref(), asOf)
            .isEqualTo(Schedule.compute(protocol, file.facts(), state));
      }
    }
  }
}
