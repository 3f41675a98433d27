package org.mentor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.IntSupplier;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.GeneratedCases;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolLoader;
import org.mentor.core.protocol.Protocols;

/**
 * A case grown one event at a time, as a clinic records it, and scheduled after each event: the
 * memo plans each newer version from the older one's plan, keeping the occurrences of rules whose
 * inputs did not change ({@link Plan#replan}); every schedule must still equal the one computed
 * from scratch. The generated cases include corrections, voids, twins, deaths and late results.
 */
class ReplanPropertiesTest {

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Property(tries = 80, seed = "20261124")
  void a_schedule_after_each_appended_event_equals_the_schedule_computed_from_scratch(
      @ForAll("files") CaseFile file, @ForAll @IntRange(min = 1, max = 120) int daysAfter) {
    for (Protocol protocol : Protocols.builtIn()) {
      growAndCompare(protocol, file, () -> daysAfter);
    }
  }

  /**
   * Viewed as a simulated walk and a clinic do: on the day of the event (a result may still be
   * pending, so no plan is kept), and on days before and after it, so a newer version is planned
   * from a plan made on a later or an earlier day.
   */
  @Property(tries = 80, seed = "20261125")
  void a_schedule_on_any_day_after_each_event_equals_the_schedule_computed_from_scratch(
      @ForAll("files") CaseFile file, @ForAll long seed) {
    Random days = new Random(seed);
    for (Protocol protocol : Protocols.builtIn()) {
      growAndCompare(protocol, file, () -> {
        int pick = days.nextInt(4);
        return pick == 0 ? 0 : pick == 1 ? days.nextInt(15) : pick == 2 ? 15 + days.nextInt(400) : -days.nextInt(60);
      });
    }
  }

  /**
   * Events recorded late: after events of their own day (a visit recorded in two parts, which the
   * plan takes as added), or of later days (which plan again from scratch); viewed on the day of the
   * event and on days before and after it.
   */
  @Property(tries = 80, seed = "20261127")
  void a_schedule_after_events_recorded_late_equals_the_schedule_computed_from_scratch(
      @ForAll("lateArrivals") CaseFile file, @ForAll long seed) {
    Random days = new Random(seed);
    for (Protocol protocol : Protocols.builtIn()) {
      growAndCompare(protocol, file, () -> {
        int pick = days.nextInt(3);
        return pick == 0 ? 0 : pick == 1 ? days.nextInt(30) : -days.nextInt(30);
      });
    }
  }

  /**
   * A viral load recorded after another of the same day that sorts after it: it meets her first-visit
   * viral load sooner than the one that met it in the older plan (WHO 2021 VL_ANC1, on ART at
   * enrolment), so the rule is planned again rather than kept.
   */
  @Example
  void a_result_recorded_among_the_same_days_events_meets_the_milestone_it_sorts_first_for() {
    Protocol who = Protocol.who2021();
    RecordedBy by = new RecordedBy("clerk", "clinic", "test", Optional.empty());
    Instant at = Instant.parse("2025-02-01T12:00:00Z");
    LocalDate booked = LocalDate.of(2025, 1, 10);
    LocalDate visit = LocalDate.of(2025, 2, 1);
    CaseFile file = CaseFile.enrol(CaseId.of("replan-same-day"), new Enrolled(EventId.of("e-1"), booked, at, by,
            MotherId.of("m-1"), who.ref(), HivStatus.POSITIVE, Optional.of(LocalDate.of(2024, 11, 1)), Optional.empty(),
            Optional.empty()))
        .record(new ArtStarted(EventId.of("e-2"), LocalDate.of(2023, 5, 1), at, by, Regimen.TLD))
        .record(new ViralLoadResulted(EventId.of("vl-b"), visit, at, by, visit, ViralLoad.copies(40)));
    LocalDate nextDay = visit.plusDays(1); // the results are in: the plan is kept from then on
    CaseState before = Pathway.evaluate(who, file.facts(), nextDay);
    assertThat(Schedule.of(who, file.facts(), before).find("VL_ANC1").orElseThrow().satisfiedBy())
        .contains(EventId.of("vl-b"));

    file = file.record(new ViralLoadResulted(EventId.of("vl-a"), visit, at.plusSeconds(60), by, visit, ViralLoad.copies(30)));
    CaseState after = Pathway.evaluate(who, file.facts(), nextDay);
    Schedule replanned = Schedule.of(who, file.facts(), after);

    assertThat(replanned.find("VL_ANC1").orElseThrow().satisfiedBy()).contains(EventId.of("vl-a"));
    assertThat(replanned).isEqualTo(Schedule.compute(who, file.facts(), after));
  }

  @Provide
  Arbitrary<CaseFile> lateArrivals() {
    return GeneratedCases.filesWithLateArrivals();
  }

  /**
   * The built-in protocols' rules that read other milestones also read what those milestones
   * read, so a plan made again for them is made again for the rules that follow them anyway. A
   * protocol is data: this one adds two rules that do not, so the second pass's own reasons to
   * plan again are tested — one must come after a confirmatory NAT but counts from the birth; one
   * applies when a pregnancy viral load was superseded at delivery but counts from the first visit.
   */
  @Property(tries = 60, seed = "20261126")
  void a_rule_reading_other_milestones_is_planned_again_when_they_change(
      @ForAll("files") CaseFile file, @ForAll @IntRange(min = 0, max = 60) int daysAfter) {
    growAndCompare(EDGE, file, () -> daysAfter);
  }

  private static final Protocol EDGE = edgeProtocol();

  private static Protocol edgeProtocol() {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = ReplanPropertiesTest.class.getResourceAsStream("/org/mentor/core/protocol/WHO_2021.json")) {
      ObjectNode root = (ObjectNode) json.readTree(in);
      ArrayNode milestones = (ArrayNode) root.get("milestones");
      milestones.add(json.readTree("""
          {"id": "EARLY_CHECK", "subject": "INFANT", "anchor": "BIRTH", "due": {"offset": "P14D"},
           "appliesWhen": {"laterThanMilestone": "CONFIRMATORY_NAT"},
           "satisfiedBy": {"event": "INFANT_HIV_TESTED", "testType": "NAT"}, "cancelledBy": ["DIED"],
           "source": "test only", "confidence": "project convention"}"""));
      milestones.add(json.readTree("""
          {"id": "BOOKING_REVIEW", "subject": "MOTHER", "anchor": "FIRST_ANC", "due": {"offset": "P0D"},
           "appliesWhen": {"pregnancyViralLoadSuperseded": true},
           "satisfiedBy": {"event": "VIRAL_LOAD_RESULTED"}, "cancelledBy": ["DIED"],
           "source": "test only", "confidence": "project convention"}"""));
      return ProtocolLoader.fromStream(new ByteArrayInputStream(json.writeValueAsBytes(root)), "EDGE.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Records a file's events one at a time, in their arrival order, into a new file, and compares
   * the schedule after each with the one computed from scratch, on the event's day plus a number of
   * days.
   */
  private static void growAndCompare(Protocol protocol, CaseFile file, IntSupplier daysAfterEvent) {
    GeneratedCases.eachVersion(file,
        (grown, event) -> assertScheduleFromScratch(protocol, grown, event, event.occurredOn().plusDays(daysAfterEvent.getAsInt())));
  }

  private static void assertScheduleFromScratch(Protocol protocol, CaseFile grown, PathwayEvent event, LocalDate asOf) {
    CaseState state = Pathway.evaluate(protocol, grown.facts(), asOf);
    assertThat(Schedule.of(protocol, grown.facts(), state))
        .as("%s after %s as of %s", protocol.ref(), event.kind(), asOf)
        .isEqualTo(Schedule.compute(protocol, grown.facts(), state));
  }
}
