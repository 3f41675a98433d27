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
 * Every region state names the table row that entered it ({@link RegionState#via}): a row into that
 * very state, fired by an event exactly when one is named, and given as the row's one shared
 * {@code Optional} (the replay takes it from arrays beside the table's rows, not by looking it up),
 * whether the case is replayed in full, from its checkpoint or from its last evaluation.
 */
class RegionViaPropertiesTest {

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Property(tries = 80, seed = "20261125")
  void each_region_state_names_the_row_that_entered_it(@ForAll("files") CaseFile file,
      @ForAll @IntRange(min = 1, max = 400) int daysAfter) {
    for (Protocol protocol : Protocols.builtIn()) {
      GeneratedCases.eachVersion(file, (grown, event) -> {
        for (LocalDate asOf : List.of(event.occurredOn(), event.occurredOn().plusDays(daysAfter))) {
          assertEnteredByTheirRows(grown.evaluate(protocol, asOf));
          assertEnteredByTheirRows(Pathway.evaluate(protocol, grown.facts(), asOf));
        }
      });
    }
  }

  private static void assertEnteredByTheirRows(CaseState state) {
    for (RegionState region : state.regions()) {
      if (region.via().isEmpty()) {
        assertThat(region.triggeredBy()).as("an initial state names no event: %s", region).isEmpty();
        continue;
      }
      Transition row = region.via().get();
      assertThat(row.to()).as("the row into %s", region).isEqualTo(region.state());
      assertThat(row.trigger() instanceof Trigger.AtDeadline).as("a deadline's row fired by no event: %s", region)
          .isEqualTo(region.triggeredBy().isEmpty());
      assertThat(region.via()).as("the row's shared Optional: %s", region).isSameAs(PathwayTable.optional(row));
    }
  }
}
