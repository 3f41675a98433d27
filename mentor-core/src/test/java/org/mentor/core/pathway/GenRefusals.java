package org.mentor.core.pathway;

import static org.mentor.core.pathway.GenCases.CASE;
import static org.mentor.core.pathway.GenCases.CLINIC;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MotherId;
import org.mentor.core.Rule;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.GenCases.Dice;
import org.mentor.core.pathway.GenCases.Scenario;

/**
 * Generators of events a generated case must refuse because of its context (every record
 * constructor accepts them): an infant test before the birth, an unknown or stillborn infant, a
 * correction or void of an unknown event, a void of a void, a reused id with other content, a
 * second delivery or enrolment, a delivery before the LMP, a corrected delivery date after an
 * infant's recorded events, an event before the enrolment. Every value is synthetic.
 */
final class GenRefusals {
  private GenRefusals() {}

  /**
   * A case, an event it must refuse and the rules allowed to refuse it.
   *
   * @param what the kind of refusal, in words
   * @param onEmptyFile whether the event is submitted to an empty file (no enrolment yet)
   */
  record Refusal(String what, Scenario scenario, boolean onEmptyFile, PathwayEvent bad, ImmutableSet<Rule> rules) {
    CaseFile file() {
      return onEmptyFile ? CaseFile.empty(CASE) : scenario.file();
    }

    @Override
    public String toString() {
      return "Refusal[" + what + ": " + bad + " expecting " + rules + " on " + scenario.events() + "]";
    }
  }

  static Arbitrary<Refusal> refusals() {
    return GenCases.scenarios().flatMap(s -> GenCases.uniform(1_000).flatMap(choice -> GenCases.dice()
        .map(d -> refusal(s, choice, d))));
  }

  /** The refusal numbered {@code choice} (modulo the number that apply to the case). */
  static Refusal refusal(Scenario s, int choice, Dice d) {
    Facts facts = s.file().facts();
    List<PathwayEvent> recorded = s.events();
    LocalDate day = s.lastDate().plusDays(1);
    // Recorded after everything else, so a correction among them is the latest-recorded of its chain.
    Instant lastRecorded = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    for (PathwayEvent e : recorded) {
      if (!e.recordedAt().isBefore(lastRecorded)) {
        lastRecorded = e.recordedAt().plusSeconds(3_600);
      }
    }
    Instant at = lastRecorded;
    EventId fresh = EventId.of("bad-1");
    List<Refusal> options = new ArrayList<>();

    options.add(new Refusal("an event before the enrolment", s, true,
        new ArtStarted(fresh, s.enrolledOn(), at, CLINIC, Regimen.TLD), ImmutableSet.of(Rule.NOT_ENROLLED)));
    options.add(new Refusal("a second enrolment", s, false, new Enrolled(fresh, day, at, CLINIC, MotherId.of("prop-mother"),
        GenCases.WHO_REF, HivStatus.POSITIVE, Optional.of(s.lmp()), Optional.empty(), Optional.empty()),
        ImmutableSet.of(Rule.ENROLLED_TWICE)));
    options.add(new Refusal("a correction of an unknown event", s, false,
        new Corrected(EventId.of("never-recorded"), new MentorVisited(fresh, day, at, CLINIC, ContactMode.HOME)),
        ImmutableSet.of(Rule.TARGET_UNKNOWN)));
    options.add(new Refusal("a void of an unknown event", s, false,
        new Voided(fresh, day, at, CLINIC, EventId.of("never-recorded"), "entered in error"), ImmutableSet.of(Rule.TARGET_UNKNOWN)));
    options.add(new Refusal("an event for an unknown infant", s, false, new InfantHivTested(fresh, day, at, CLINIC,
        GenCases.infant("Z"), InfantTestType.NAT, InfantTestResult.PENDING, Optional.empty()), ImmutableSet.of(Rule.INFANT_UNKNOWN)));

    PathwayEvent reused = d.oneOf(recorded);
    options.add(new Refusal("a reused id with other content", s, false,
        new MentorVisited(reused.id(), day, at, CLINIC, ContactMode.PHONE), ImmutableSet.of(Rule.EVENT_ID_REUSED)));

    PathwayEvent target = d.oneOf(recorded);
    PathwayEvent targetContent = target instanceof Corrected c ? c.replacement() : target;
    PathwayEvent otherKind = targetContent.kind() == EventKind.MENTOR_VISITED
        ? new ReturnedToCare(fresh, day, at, CLINIC)
        : new MentorVisited(fresh, day, at, CLINIC, ContactMode.HOME);
    options.add(new Refusal("a correction that changes the kind (or corrects a void)", s, false,
        new Corrected(target.id(), otherKind), ImmutableSet.of(Rule.CORRECTION_CHANGES_KIND)));

    recorded.stream().filter(e -> e.kind() == EventKind.VOIDED).findFirst().ifPresent(v -> options.add(new Refusal(
        "a void of a void", s, false, new Voided(fresh, day, at, CLINIC, v.id(), "entered in error"),
        ImmutableSet.of(Rule.VOID_OF_VOID))));

    if (facts.delivery().isPresent()) {
      Delivered delivery = facts.delivery().get();
      LocalDate born = delivery.occurredOn();
      options.add(new Refusal("a second delivery", s, false, new Delivered(fresh, day, at, CLINIC,
          ImmutableList.of(Birth.live(GenCases.infant("C"), Birth.Sex.FEMALE, 3000))), ImmutableSet.of(Rule.DELIVERED_TWICE)));
      if (!facts.infants().isEmpty()) {
        InfantId infant = d.oneOf(List.copyOf(facts.infants().keySet()));
        LocalDate before = born.minusDays(1 + d.pick(30));
        options.add(new Refusal("an infant test sampled before the birth", s, false, new InfantHivTested(fresh, before, at, CLINIC,
            infant, InfantTestType.NAT, InfantTestResult.PENDING, Optional.empty()), ImmutableSet.of(Rule.TEST_BEFORE_BIRTH)));
        options.add(new Refusal("a prophylaxis start before the birth", s, false, new InfantProphylaxisStarted(fresh, before, at,
            CLINIC, infant, ProphylaxisRegimen.NVP), ImmutableSet.of(Rule.INFANT_EVENT_BEFORE_BIRTH)));
      }
      delivery.births().stream().filter(b -> !b.isLive()).findFirst().ifPresent(b -> options.add(new Refusal(
          "an infant event for a stillborn infant", s, false,
          new FeedingRecorded(fresh, day, at, CLINIC, b.infantId(), FeedingMode.REPLACEMENT_FEEDING),
          ImmutableSet.of(Rule.STILLBORN_INFANT))));
      facts.events().toList().stream().filter(e -> e.aboutInfant().isPresent() && facts.infants().containsKey(e.aboutInfant().get()))
          .reduce((a, b) -> b).ifPresent(latest -> options.add(new Refusal(
              "a corrected delivery date after an infant's recorded event", s, false,
              new Corrected(delivery.id(), new Delivered(fresh, latest.occurredOn().plusDays(1 + d.pick(10)), at, CLINIC,
                  delivery.births())),
              ImmutableSet.of(Rule.TEST_BEFORE_BIRTH, Rule.INFANT_EVENT_BEFORE_BIRTH))));
      Enrolled enrolled = facts.enrolment().orElseThrow();
      options.add(new Refusal("a corrected LMP after the delivery", s, false, new Corrected(enrolled.id(),
          new Enrolled(fresh, enrolled.occurredOn(), at, CLINIC, enrolled.motherId(), enrolled.protocol(), enrolled.hivStatus(),
              Optional.of(born.plusDays(d.pick(3))), Optional.empty(), Optional.empty())),
          ImmutableSet.of(Rule.DELIVERY_BEFORE_PREGNANCY)));
    } else {
      options.add(new Refusal("a delivery on or before the LMP", s, false, new Delivered(fresh, s.lmp().minusDays(d.pick(10)), at,
          CLINIC, ImmutableList.of(Birth.live(GenCases.infant("C"), Birth.Sex.MALE, 3000))),
          ImmutableSet.of(Rule.DELIVERY_BEFORE_PREGNANCY)));
    }
    return options.get(choice % options.size());
  }
}
