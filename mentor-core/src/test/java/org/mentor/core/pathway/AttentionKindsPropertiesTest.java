package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * {@link Attention#kinds} names exactly the kinds {@link Attention#of(CaseState)} lists, for
 * generated cases ({@link GenCases}) under every built-in protocol on the dates worth evaluating.
 */
class AttentionKindsPropertiesTest {

  @Provide
  Arbitrary<GenCases.Scenario> scenarios() {
    return GenCases.scenarios();
  }

  @Property(tries = 100, seed = "20261125")
  void the_kinds_are_those_of_the_items(@ForAll("scenarios") GenCases.Scenario scenario) {
    CaseFile file = scenario.file();
    for (Protocol protocol : Protocols.builtIn()) {
      for (LocalDate asOf : scenario.evaluationDates()) {
        CaseState state = file.evaluate(protocol, asOf);
        EnumSet<Attention.Kind> listed = EnumSet.noneOf(Attention.Kind.class);
        Attention.of(state).forEach(item -> listed.add(item.kind()));
        assertThat(Attention.kinds(state)).as("%s as of %s", protocol.ref(), asOf).isEqualTo(listed);
      }
    }
  }
}
