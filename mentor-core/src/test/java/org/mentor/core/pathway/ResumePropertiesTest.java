package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.pathway.GenCases.CASE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.mentor.core.InfantId;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A replay run to the day a case was read resumes over the facts recorded after
 * ({@link Replay#resumedWith}): events dated on or after that day, and inert events (a mentor's
 * home visit, a consent, a mentor assigned: {@link Replay#isInert}) dated before it, as the
 * simulator records a mentor's visits with the clinic's next visit. Resumed, it must give exactly
 * the state a full replay of the later facts gives; over other events recorded late it must
 * refuse (or still give that state).
 */
class ResumePropertiesTest {

  /**
   * A case read on the day of one of its events, then read again later: which events were
   * recorded by the first reading (every event up to the cut, in fold order, but for held-back
   * inert ones), and how many days later the second reading is.
   */
  record Reading(GenCases.Scenario scenario, int cutDie, List<Integer> holdBack, int daysAfter, boolean othersToo) {
    /** Whether the event at a position before the cut is held back: most inert ones; with othersToo, some others. */
    boolean holdsBack(int position, PathwayEvent event) {
      int die = holdBack.get(position % holdBack.size());
      return Replay.isInert(event) ? die > 2 : othersToo && die == 0;
    }
  }

  @Provide
  Arbitrary<Reading> readings() {
    return Combinators.combine(GenCases.scenarios(), Arbitraries.integers().between(0, 9_999),
        Arbitraries.integers().between(0, 9).list().ofSize(64), Arbitraries.integers().between(0, 150),
        Arbitraries.integers().between(0, 2).map(i -> i == 0))
        .as(Reading::new);
  }

  /** The effective events of a reading's case, in fold order. */
  private static List<PathwayEvent> effective(Reading reading) {
    List<PathwayEvent> events = new ArrayList<>();
    reading.scenario().file().facts().events().forEach(events::add);
    return events;
  }

  /** Where a reading cuts its case's events: after the enrolment (an ART start may be dated before it). */
  private static int cut(Reading reading, List<PathwayEvent> events) {
    int enrolment = 0;
    while (events.get(enrolment).kind() != EventKind.ENROLLED) {
      enrolment++;
    }
    return enrolment + 1 + reading.cutDie() % (events.size() - enrolment);
  }

  @Property(tries = 200, seed = "20261126")
  void a_replay_resumed_over_later_and_inert_events_equals_a_full_replay(@ForAll("readings") Reading reading) {
    List<PathwayEvent> events = effective(reading);
    int cut = cut(reading, events);
    LocalDate readOn = events.get(cut - 1).occurredOn();
    List<PathwayEvent> seen = new ArrayList<>();
    int held = 0;
    boolean othersHeld = false;
    for (int i = 0; i < cut; i++) {
      PathwayEvent event = events.get(i);
      if (event.kind() != EventKind.ENROLLED && reading.holdsBack(i, event)) {
        held++;
        othersHeld |= !Replay.isInert(event);
      } else {
        seen.add(event);
      }
    }
    LocalDate later = readOn.plusDays(reading.daysAfter());
    int end = cut;
    while (end < events.size() && !events.get(end).occurredOn().isAfter(later)) {
      end++;
    }
    Facts seenFacts = Fold.fold(CASE, seen);
    Facts laterFacts = Fold.fold(CASE, events.subList(0, end));
    boolean addedOnTheDay = end > cut && events.get(cut).occurredOn().equals(readOn);
    boolean sameInfants = seenFacts.infants().keySet().equals(laterFacts.infants().keySet());
    Statistics.label("held back").collect(held == 0 ? "none" : othersHeld ? "some not inert" : "inert only");
    for (Protocol protocol : Protocols.builtIn()) {
      Replay resumed = Replay.run(protocol, seenFacts, readOn).resumedWith(laterFacts, later);
      if (!addedOnTheDay && sameInfants && !othersHeld) {
        // Nothing here needs a full replay: events after the day, inert ones before it.
        assertThat(resumed).as("%s: resumed over %d held-back inert events", protocol.ref(), held).isNotNull();
      }
      if (resumed != null) {
        assertThat(Pathway.assemble(protocol, laterFacts, later, resumed))
            .as("%s read on %s, then on %s with %d inert events held back", protocol.ref(), readOn, later, held)
            .isEqualTo(Pathway.evaluate(protocol, laterFacts, later));
      }
    }
  }

  /**
   * The same through a case file, as the simulator's walk reads a case: recorded to the cut,
   * read, the held-back events and the later ones recorded, read again.
   */
  @Property(tries = 100, seed = "20261126")
  void a_file_read_again_after_inert_events_arrive_late_evaluates_as_from_scratch(@ForAll("readings") Reading reading) {
    Facts facts = reading.scenario().file().facts();
    List<PathwayEvent> events = new ArrayList<>();
    for (PathwayEvent event : facts.events()) {
      InfantId about = Replay.infantOf(event);
      if (about == null || facts.infants().containsKey(about)) { // not an event a void left without its infant
        events.add(event);
      }
    }
    int cut = cut(reading, events);
    LocalDate readOn = events.get(cut - 1).occurredOn();
    LocalDate later = readOn.plusDays(reading.daysAfter());
    Protocol who = Protocol.who2021();
    CaseFile file = CaseFile.enrol(CASE, (Enrolled) events.stream().filter(e -> e.kind() == EventKind.ENROLLED).findFirst().orElseThrow());
    List<PathwayEvent> heldBack = new ArrayList<>();
    for (int i = 0; i < cut; i++) {
      if (events.get(i).kind() == EventKind.ENROLLED) {
        continue;
      }
      if (reading.holdsBack(i, events.get(i))) {
        heldBack.add(events.get(i));
      } else {
        file = file.record(events.get(i));
      }
    }
    assertThat(file.evaluate(who, readOn)).isEqualTo(Pathway.evaluate(who, file.facts(), readOn));
    for (PathwayEvent event : heldBack) {
      file = file.record(event);
    }
    for (int i = cut; i < events.size() && !events.get(i).occurredOn().isAfter(later); i++) {
      file = file.record(events.get(i));
    }
    assertThat(file.evaluate(who, later)).as("read on %s, then on %s", readOn, later)
        .isEqualTo(Pathway.evaluate(who, file.facts(), later));
  }

  /** What {@link Replay#isInert} claims of a kind, checked against the table: no row reads it, and it is no contact. */
  @Test
  void inert_kinds_match_no_row_and_are_no_clinical_contact() {
    for (EventKind kind : EventKind.values()) {
      if (!Replay.INERT_KINDS.contains(kind)) {
        continue;
      }
      assertThat(PathwayTable.CLINICAL_CONTACTS).doesNotContain(kind);
      assertThat(PathwayTable.strictKinds().containsValue(kind)).as("%s is strict somewhere", kind).isFalse();
      for (Transition row : PathwayTable.rows()) {
        if (row.trigger() instanceof Trigger.OnEvent on) {
          assertThat(on.kinds()).as("row %s", row.id()).doesNotContain(kind);
        }
      }
    }
    assertThat(Replay.INERT_KINDS).contains(EventKind.MENTOR_VISITED);
  }
}
