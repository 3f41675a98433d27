package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.pathway.GenCases.CASE;
import static org.mentor.core.pathway.GenCases.CLINIC;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.mentor.core.EventId;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A replay run to the day a case was read resumes over tracing attempts recorded after that reading
 * but dated before it (the simulator records a mentor's tracing call with the clinic's next visit),
 * taking each as a full run would have on its day ({@link Replay#tookLateTracing}). Resumed, it must
 * give exactly the state a full replay of the later facts gives.
 */
class LateTracingPropertiesTest {

  /** A case read on the day of one of its events; tracing attempts dated up to that day arrive later. */
  record Reading(GenCases.Scenario scenario, int cutDie, List<Integer> tracingDays, List<Integer> reached, int daysAfter) {}

  @Provide
  Arbitrary<Reading> readings() {
    return Combinators.combine(GenCases.scenarios(), Arbitraries.integers().between(0, 9_999),
        Arbitraries.integers().between(0, 9_999).list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.integers().between(0, 4).list().ofSize(3), Arbitraries.integers().between(0, 120))
        .as(Reading::new);
  }

  @Property(tries = 1000, seed = "20261125")
  void a_replay_resumed_over_late_tracing_attempts_equals_a_full_replay(@ForAll("readings") Reading reading) {
    List<PathwayEvent> events = new ArrayList<>();
    reading.scenario().file().facts().events().forEach(events::add);
    int enrolment = 0;
    while (events.get(enrolment).kind() != EventKind.ENROLLED) {
      enrolment++;
    }
    int cut = enrolment + 1 + reading.cutDie() % (events.size() - enrolment);
    LocalDate enrolledOn = events.get(enrolment).occurredOn();
    LocalDate readOn = events.get(cut - 1).occurredOn();
    LocalDate later = readOn.plusDays(reading.daysAfter());
    long span = ChronoUnit.DAYS.between(enrolledOn, readOn);
    List<PathwayEvent> tracings = new ArrayList<>();
    for (int i = 0; i < reading.tracingDays().size(); i++) {
      // Mostly a few days to weeks after a booked appointment (as a mentor traces a missed visit),
      // else any day from the enrolment to the reading.
      int die = reading.tracingDays().get(i);
      LocalDate on = enrolledOn.plusDays(die % (span + 1));
      List<AppointmentSet> booked = events.subList(0, cut).stream()
          .filter(e -> e instanceof AppointmentSet).map(e -> (AppointmentSet) e).toList();
      if (!booked.isEmpty() && die % 4 != 0) {
        LocalDate traced = booked.get(die % booked.size()).appointmentOn().plusDays(1 + die % 50);
        on = traced.isAfter(readOn) ? readOn : traced;
      }
      tracings.add(new TracingAttempted(EventId.of("late-tracing-" + i), on, on.atTime(18, 0).toInstant(ZoneOffset.UTC),
          CLINIC, ContactMode.PHONE, reading.reached().get(i) == 0 ? TracingOutcome.NOT_REACHED : TracingOutcome.REACHED_WILL_RETURN));
    }
    int end = cut;
    while (end < events.size() && !events.get(end).occurredOn().isAfter(later)) {
      end++;
    }
    Facts seen = Fold.fold(CASE, events.subList(0, cut));
    List<PathwayEvent> all = new ArrayList<>(events.subList(0, end));
    all.addAll(tracings);
    all.sort(Fold.ORDER);
    Facts withTracings = Fold.fold(CASE, all);
    for (Protocol protocol : Protocols.builtIn()) {
      Replay resumed = Replay.run(protocol, seen, readOn).resumedWith(withTracings, later);
      CaseState full = Pathway.evaluate(protocol, withTracings, later);
      // Whether the attempts moved retention by the reading (a full run's, with and without them).
      boolean mattered = !Replay.run(protocol, withTracings, readOn).mother(Region.RETENTION)
          .equals(Replay.run(protocol, Fold.fold(CASE, events.subList(0, cut)), readOn).mother(Region.RETENTION));
      Statistics.label("resumed").collect(resumed == null ? "refused" : mattered ? "tracing moved retention" : "yes");
      if (resumed != null) {
        assertThat(Pathway.assemble(protocol, withTracings, later, resumed))
            .as("%s read on %s, then on %s with tracing attempts %s", protocol.ref(), readOn, later, tracings)
            .isEqualTo(full);
      }
    }
    Statistics.label("resumed").coverage(coverage -> {
      // The shortcut must be exercised where it matters: resumed over attempts that changed the state.
      coverage.check("tracing moved retention").count(n -> n >= 20);
      coverage.check("yes").count(n -> n >= 20);
    });
  }

  /**
   * What {@link Replay#tookLateTracing} relies on in the table: only RET-10 takes a tracing attempt
   * (APPOINTMENT_MISSED to TRACED, when she was reached), and TRACED has APPOINTMENT_MISSED's other
   * rows, in the same order, with the same triggers, guards and targets.
   */
  @Test
  void traced_has_the_rows_of_a_missed_appointment_but_the_tracing_row() {
    List<Transition> takingTracing = PathwayTable.rows().stream()
        .filter(row -> row.trigger() instanceof Trigger.OnEvent on && on.kinds().contains(EventKind.TRACING_ATTEMPTED))
        .toList();
    assertThat(takingTracing).extracting(Transition::id).containsExactly("RET-10");
    assertThat(takingTracing.get(0).guard()).isEqualTo(Guard.TRACING_REACHED);
    assertThat(Replay.REACHED_ROW.id()).isEqualTo("RET-10");
    assertThat(Replay.REACHED_ROW.from()).isEqualTo(Retention.APPOINTMENT_MISSED);
    assertThat(Replay.REACHED_ROW.to()).isEqualTo(Retention.TRACED);
    // Row by row as the replay reads them: per event kind and the deadlines, in the order tried.
    int missed = PathwayTable.index(Retention.APPOINTMENT_MISSED);
    int traced = PathwayTable.index(Retention.TRACED);
    for (EventKind kind : EventKind.values()) {
      List<Transition> expected = java.util.Arrays.stream(PathwayTable.eventRows(missed, kind))
          .filter(row -> row != Replay.REACHED_ROW).map(Replay.TRACED_ROW_OF::get).toList();
      assertThat(PathwayTable.eventRows(traced, kind)).as("%s", kind).containsExactlyElementsOf(expected);
    }
    assertThat(PathwayTable.deadlineRows(traced)).containsExactlyElementsOf(
        java.util.Arrays.stream(PathwayTable.deadlineRows(missed)).map(Replay.TRACED_ROW_OF::get).toList());
    Replay.TRACED_ROW_OF.forEach((from, to) -> {
      assertThat(to.trigger()).isEqualTo(from.trigger());
      assertThat(to.guard()).isEqualTo(from.guard());
      assertThat(to.to()).isEqualTo(from.to());
    });
    // The rows named in maternal.md R6 and the table: a contact, the interruption date, a transfer, a death.
    assertThat(Replay.TRACED_ROW_OF.values()).extracting(Transition::id)
        .containsExactlyInAnyOrder("RET-11", "RET-12", "RET-6", "RET-9");
  }
}
