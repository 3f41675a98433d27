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
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentor.core.pathway.CaseFile;
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
      List<PathwayEvent> arrived = file.history();
      CaseFile grown = CaseFile.enrol(file.caseId(), (Enrolled) arrived.get(0));
      for (PathwayEvent event : arrived.subList(1, arrived.size())) {
        grown = grown.record(event);
        assertScheduleFromScratch(protocol, grown, event, event.occurredOn().plusDays(daysAfter));
      }
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
      List<PathwayEvent> arrived = file.history();
      CaseFile grown = CaseFile.enrol(file.caseId(), (Enrolled) arrived.get(0));
      for (PathwayEvent event : arrived.subList(1, arrived.size())) {
        grown = grown.record(event);
        int pick = days.nextInt(4);
        int offset = pick == 0 ? 0 : pick == 1 ? days.nextInt(15) : pick == 2 ? 15 + days.nextInt(400) : -days.nextInt(60);
        assertScheduleFromScratch(protocol, grown, event, event.occurredOn().plusDays(offset));
      }
    }
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
    Protocol protocol = EDGE;
    List<PathwayEvent> arrived = file.history();
    CaseFile grown = CaseFile.enrol(file.caseId(), (Enrolled) arrived.get(0));
    for (PathwayEvent event : arrived.subList(1, arrived.size())) {
      grown = grown.record(event);
      assertScheduleFromScratch(protocol, grown, event, event.occurredOn().plusDays(daysAfter));
    }
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

  private static void assertScheduleFromScratch(Protocol protocol, CaseFile grown, PathwayEvent event, LocalDate asOf) {
    CaseState state = Pathway.evaluate(protocol, grown.facts(), asOf);
    assertThat(Schedule.of(protocol, grown.facts(), state))
        .as("%s after %s as of %s", protocol.ref(), event.kind(), asOf)
        .isEqualTo(Schedule.compute(protocol, grown.facts(), state));
  }
}
