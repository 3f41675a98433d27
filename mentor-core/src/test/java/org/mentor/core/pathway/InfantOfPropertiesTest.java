package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The replay's allocation-free {@code infantOf} names the infant {@link PathwayEvent#aboutInfant()} names, for every event. */
class InfantOfPropertiesTest {

  @Provide
  Arbitrary<GenCases.Scenario> scenarios() {
    return GenCases.scenarios();
  }

  @Property(tries = 100, seed = "20261125")
  void the_infant_of_an_event_is_the_one_it_is_about(@ForAll("scenarios") GenCases.Scenario scenario) {
    for (PathwayEvent event : scenario.events()) {
      assertThat(Replay.infantOf(event)).as("%s", event.kind()).isEqualTo(event.aboutInfant().orElse(null));
    }
  }
}
