package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mentor.core.pathway.GenCases.CASE;
import static org.mentor.core.pathway.GenCases.CLINIC;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Multiset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.GenCases.Arrival;
import org.mentor.core.pathway.GenCases.Dice;
import org.mentor.core.pathway.GenCases.MissedAppointment;
import org.mentor.core.pathway.GenCases.Node;
import org.mentor.core.pathway.GenCases.Scenario;
import org.mentor.core.pathway.GenRefusals.Refusal;
import org.mentor.core.protocol.Protocol;

/**
 * Properties of the fold and of evaluation over generated realistic cases ({@link GenCases}):
 * facts and states do not depend on arrival order, a refused event changes nothing, recording is
 * idempotent, a void is as if the event had never been recorded, time alone moves retention as
 * maternal.md R1-R4 say, and folding one event at a time equals folding the sorted list
 * (DESIGN.md §2; STYLE.md §7).
 *
 * <p>Seeds are fixed so the build is reproducible; tries are moderate so the suite stays fast.
 */
class FoldPropertiesTest {
  private static final Protocol WHO = Protocol.who2021();

  @Provide
  Arbitrary<Arrival> arrivals() {
    return GenCases.arrivals();
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return GenCases.scenarios();
  }

  @Provide
  Arbitrary<Dice> dice() {
    return GenCases.dice();
  }

  @Provide
  Arbitrary<Refusal> refusals() {
    return GenRefusals.refusals();
  }

  @Provide
  Arbitrary<MissedAppointment> missedAppointments() {
    return GenCases.missedAppointments();
  }

  /** (a) Any arrival order that respects the dependencies gives the same facts and states. */
  @Property(tries = 200, seed = "20250901")
  void arrival_order_does_not_change_the_facts_or_the_evaluation(@ForAll("arrivals") Arrival arrival) {
    Scenario scenario = arrival.scenario();
    CaseFile canonical = scenario.file();
    CaseFile permuted = CaseFile.replay(CASE, arrival.events());

    assertThat(permuted.facts().sameClinicalFacts(canonical.facts())).as("same clinical facts").isTrue();
    assertThat(permuted.facts().events()).as("effective events in fold order").isEqualTo(canonical.facts().events());
    assertThat(permuted.facts().issues()).as("data-quality issues from the fold").isEqualTo(canonical.facts().issues());
    assertThat(permuted.facts()).isEqualTo(canonical.facts());
    assertThat(permuted.version()).isEqualTo(canonical.version());
    for (LocalDate day : scenario.evaluationDates()) {
      assertThat(Pathway.evaluate(WHO, permuted.facts(), day)).as("state on %s", day)
          .isEqualTo(Pathway.evaluate(WHO, canonical.facts(), day));
    }
  }

  /** (b) A refused event throws and leaves the case exactly as it was. */
  @Property(tries = 200, seed = "20250902")
  void a_refused_event_leaves_the_case_as_it_was(@ForAll("refusals") Refusal refusal) {
    CaseFile before = refusal.file();
    long version = before.version();
    List<PathwayEvent> history = List.copyOf(before.history());
    Facts facts = before.facts();

    InvalidEventException refused = catchThrowableOfType(InvalidEventException.class, () -> before.record(refusal.bad()));

    assertThat(refused).as(refusal.what()).isNotNull();
    assertThat(refused.rule()).as(refusal.what()).isIn(refusal.rules());
    assertThat(before.version()).isEqualTo(version);
    assertThat(before.history()).isEqualTo(history);
    assertThat(before.facts()).isSameAs(facts);
    CaseFile fresh = CaseFile.replay(CASE, history);
    assertThat(before).isEqualTo(fresh);
    assertThat(before.facts()).isEqualTo(fresh.facts());
    if (!refusal.onEmptyFile()) {
      LocalDate next = refusal.scenario().lastDate().plusDays(2);
      assertThat(before.evaluate(WHO, next)).isEqualTo(fresh.evaluate(WHO, next));
      // The file is a value: it takes the next event as one that never saw the refusal does, and
      // two different next events give two independent files.
      MentorVisited home = new MentorVisited(EventId.of("after-refusal-1"), next, noon(next), CLINIC, ContactMode.HOME);
      MentorVisited phone = new MentorVisited(EventId.of("after-refusal-2"), next, noon(next), CLINIC, ContactMode.PHONE);
      CaseFile withHome = before.record(home);
      CaseFile withPhone = before.record(phone);
      assertThat(withHome.facts()).isEqualTo(fresh.record(home).facts());
      assertThat(withPhone.facts()).isEqualTo(fresh.record(phone).facts());
      assertThat(withHome.facts().events().get(withHome.facts().events().size() - 1)).isEqualTo(home);
    }
  }

  /** (c) Recording an event again (same id, same content) changes nothing, wherever the repeat arrives. */
  @Property(tries = 200, seed = "20250903")
  void recording_an_event_twice_equals_recording_it_once(@ForAll("arrivals") Arrival arrival, @ForAll("dice") Dice dice) {
    List<PathwayEvent> once = arrival.events();
    List<PathwayEvent> twice = new ArrayList<>(once);
    for (PathwayEvent event : once) {
      if (dice.maybe(40)) {
        int first = twice.indexOf(event);
        twice.add(first + 1 + dice.pick(twice.size() - first), event);
      }
    }
    CaseFile single = CaseFile.replay(CASE, once);
    CaseFile repeated = CaseFile.replay(CASE, twice);

    assertThat(repeated).isEqualTo(single);
    assertThat(repeated.version()).isEqualTo(single.version()).isEqualTo(once.size());
    assertThat(repeated.history()).isEqualTo(single.history());
    assertThat(repeated.facts()).isEqualTo(single.facts());
    for (PathwayEvent event : once) {
      assertThat(single.record(event)).as("repeat of %s", event.id()).isSameAs(single);
    }
  }

  /** (d) Voiding an event nothing depends on gives the facts of never having recorded it (or its corrections). */
  @Property(tries = 200, seed = "20250904")
  void voiding_an_event_nothing_depends_on_equals_never_recording_it(@ForAll("scenarios") Scenario scenario,
      @ForAll("dice") Dice dice) {
    List<Node> leaves = scenario.nodes().stream().filter(n -> isLeaf(scenario, n)).toList();
    Assume.that(!leaves.isEmpty()); // else only an enrolment: nothing to void
    Node target = dice.oneOf(leaves);
    Set<EventId> chain = scenario.chain(scenario.rootOf(target.id()));
    CaseFile voided = scenario.file().record(voidOf(scenario, target.id()));
    CaseFile never = scenario.without(n -> chain.contains(n.id())
        || (n.event() instanceof Voided v && chain.contains(v.voids()))).file();

    assertThat(voided.facts().sameClinicalFacts(never.facts())).as("same clinical facts").isTrue();
    assertThat(voided.facts().events()).isEqualTo(never.facts().events());
    assertThat(voided.facts().issues()).isEqualTo(never.facts().issues());
    for (LocalDate day : scenario.evaluationDates()) {
      assertThat(voided.evaluate(WHO, day)).as("state on %s", day).isEqualTo(never.evaluate(WHO, day));
    }
  }

  /**
   * (d) Voiding a delivery that infant events name gives the clinical facts of never recording the
   * delivery and those events; the infant events stay as orphans, each with DQ-005.
   */
  @Property(tries = 200, seed = "20250905")
  void voiding_a_delivery_orphans_its_infant_events_with_DQ_005(@ForAll("scenarios") Scenario generated) {
    // Start from the case before any void of its delivery.
    Scenario scenario = generated.without(n -> n.event() instanceof Voided v
        && generated.node(v.voids()).map(t -> t.content().kind() == EventKind.DELIVERED).orElse(false));
    CaseFile base = scenario.file();
    List<PathwayEvent> infantEvents = base.facts().events().toList().stream()
        .filter(e -> e.aboutInfant().isPresent()).toList();
    Assume.that(!scenario.deliveryRoots().isEmpty() && !infantEvents.isEmpty()); // a delivery infant events name
    EventId delivery = scenario.deliveryRoots().get(0);
    CaseFile voided = base.record(voidOf(scenario, delivery));
    Set<EventId> removed = new HashSet<>(scenario.chain(delivery));
    scenario.nodes().stream().filter(Scenario::aboutInfant).forEach(n -> removed.add(n.id()));
    CaseFile never = scenario.without(n -> removed.contains(n.id())
        || (n.event() instanceof Voided v && removed.contains(v.voids()))).file();

    assertThat(voided.facts().sameClinicalFacts(never.facts())).as("same clinical facts").isTrue();
    assertThat(voided.facts().delivery()).isEmpty();
    assertThat(voided.facts().infants()).isEmpty();
    Multiset<DataQualityIssue> expected = HashMultiset.create(never.facts().issues());
    infantEvents.forEach(e -> expected.add(new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, e.id(), e.occurredOn())));
    assertThat(HashMultiset.create(voided.facts().issues())).isEqualTo(expected);
    assertThat(voided.facts().issues()).filteredOn(i -> i.rule() == Rule.ORPHANED_INFANT_EVENT)
        .extracting(DataQualityIssue::eventId)
        .containsExactlyInAnyOrderElementsOf(infantEvents.stream().map(PathwayEvent::id).toList());

    for (LocalDate day : scenario.evaluationDates()) {
      CaseState withOrphans = voided.evaluate(WHO, day);
      CaseState without = never.evaluate(WHO, day);
      assertThat(withOrphans.phase()).as("phase on %s", day).isEqualTo(without.phase());
      assertThat(withOrphans.mother()).as("mother on %s", day).isEqualTo(without.mother());
      assertThat(withOrphans.infants()).isEmpty();
      assertThat(withOrphans.alerts()).isEqualTo(without.alerts());
      Multiset<DataQualityIssue> issues = HashMultiset.create(without.issues());
      infantEvents.stream().filter(e -> !e.occurredOn().isAfter(day))
          .forEach(e -> issues.add(new DataQualityIssue(Rule.ORPHANED_INFANT_EVENT, e.id(), e.occurredOn())));
      assertThat(HashMultiset.create(withOrphans.issues())).as("issues on %s", day).isEqualTo(issues);
    }
  }

  /**
   * (e) With no new event, days passing move retention: in care through the appointment day A,
   * APPOINTMENT_MISSED on A+1 … A+27, INTERRUPTED from A+28 (WHO_2021: 28 days, inclusive;
   * shared/clinical/maternal.md R1–R4). The 28 is the guideline's number, written here, not read
   * from the protocol.
   */
  @Property(tries = 150, seed = "20250906")
  void with_no_new_event_retention_moves_from_in_care_to_missed_to_interrupted(
      @ForAll("missedAppointments") MissedAppointment missed) {
    Facts facts = missed.scenario().file().facts();
    LocalDate appointment = missed.appointment();
    for (LocalDate day = missed.lastContact(); !day.isAfter(appointment); day = day.plusDays(1)) {
      assertThat(Pathway.evaluate(WHO, facts, day).mother().retentionStatus()).as("on %s", day).isEqualTo(Retention.IN_CARE);
    }
    for (int k = 1; k <= 60; k++) {
      LocalDate day = appointment.plusDays(k);
      RegionState retention = Pathway.evaluate(WHO, facts, day).mother().retention();
      if (k < 28) {
        assertThat(retention.state()).as("A+%d", k).isEqualTo(Retention.APPOINTMENT_MISSED);
        assertThat(retention.since()).as("A+%d", k).isEqualTo(appointment.plusDays(1));
      } else {
        assertThat(retention.state()).as("A+%d", k).isEqualTo(Retention.INTERRUPTED);
        assertThat(retention.since()).as("A+%d", k).isEqualTo(appointment.plusDays(28));
      }
    }
  }

  /** (f) Recording one event at a time in fold order gives, at every step, the fold of the sorted events so far. */
  @Property(tries = 200, seed = "20250907")
  void folding_one_event_at_a_time_equals_folding_the_sorted_list(@ForAll("scenarios") Scenario scenario) {
    List<PathwayEvent> effective = scenario.events().stream()
        .filter(e -> e.kind() != EventKind.CORRECTED && e.kind() != EventKind.VOIDED).toList();
    PathwayEvent enrolment = effective.get(0);
    List<PathwayEvent> rest = new ArrayList<>(effective.subList(1, effective.size()));
    rest.sort(Fold.ORDER);

    CaseFile file = CaseFile.enrol(CASE, (Enrolled) enrolment);
    List<PathwayEvent> sofar = new ArrayList<>(List.of(enrolment));
    for (PathwayEvent event : rest) {
      file = file.record(event);
      sofar.add(event);
      List<PathwayEvent> sorted = new ArrayList<>(sofar);
      sorted.sort(Fold.ORDER);
      assertThat(file.facts()).as("after %s", event.id()).isEqualTo(Fold.fold(CASE, sorted));
    }
    List<PathwayEvent> all = new ArrayList<>(effective);
    all.sort(Fold.ORDER);
    assertThat(file.facts().events().toList()).isEqualTo(all);
  }

  /** Not the enrolment, not a void, and not a delivery that infant events name. */
  private static boolean isLeaf(Scenario scenario, Node node) {
    if (node.event().kind() == EventKind.VOIDED) {
      return false;
    }
    PathwayEvent root = scenario.node(scenario.rootOf(node.id())).orElseThrow().event();
    if (root.kind() == EventKind.ENROLLED) {
      return false;
    }
    return root.kind() != EventKind.DELIVERED || scenario.nodes().stream().noneMatch(Scenario::aboutInfant);
  }

  private static Voided voidOf(Scenario scenario, EventId target) {
    LocalDate on = scenario.lastDate().plusDays(1);
    return new Voided(EventId.of("void-under-test"), on, noon(on), CLINIC, target, "entered in error");
  }

  private static Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }
}
