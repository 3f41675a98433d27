package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mentor.core.protocol.Protocol;

/**
 * {@link Pathway#nextChange} and {@link Pathway#stretches} against day-by-day evaluation: over
 * generated cases, from 60 days before the last event to two years after it, the state on every day
 * of a stretch is the stretch's state (regions, alerts, issues, infants' outcomes), and a stretch
 * ends only where the state really changes or an event is dated.
 */
class StretchPropertiesTest {
  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Property(tries = 40)
  void the_state_is_constant_within_each_stretch(@ForAll @From("files") CaseFile file) {
    Protocol protocol = Protocol.who2021();
    Facts facts = file.facts();
    LocalDate last = facts.events().get(facts.events().size() - 1).occurredOn();
    LocalDate from = last.minusDays(60);
    LocalDate end = last.plusYears(2);
    ImmutableList<Pathway.Stretch> stretches = Pathway.stretches(protocol, facts, from, 200);
    for (Pathway.Stretch stretch : stretches) {
      LocalDate until = stretch.until().orElse(end);
      for (LocalDate day = stretch.from(); day.isBefore(until) && !day.isAfter(end); day = day.plusDays(1)) {
        CaseState state = Pathway.evaluate(protocol, facts, day);
        assertThat(shape(state)).as("%s within the stretch from %s", day, stretch.from()).isEqualTo(shape(stretch.state()));
      }
      if (!stretch.until().isPresent() || stretch.until().get().isAfter(end)) {
        break;
      }
    }
    assertThat(stretches.get(0).from()).isEqualTo(from);
  }

  /** Everything of a state but its date. */
  private static List<Object> shape(CaseState state) {
    return List.of(state.regions(), state.alerts(), state.issues(),
        state.infants().stream().map(InfantState::outcome).toList());
  }
}
