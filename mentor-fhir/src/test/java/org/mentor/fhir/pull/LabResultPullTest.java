package org.mentor.fhir.pull;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.util.UrlUtil;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Origin;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.sync.SyncWorld;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;

/**
 * A lab result entered at the hospital reaches the case: a bare client creates an Observation with only a LOINC code
 * and a value on the real HAPI JPA server; the pull turns it into a viral-load event that remembers its origin; the
 * schedule counts it; the next push does not send it back; later versions of it and local corrections of it meet as
 * the issue asks (a correction, a void, a conflict reported as data).
 */
@ExtendWith(FhirTestServerExtension.class)
class LabResultPullTest {
  private static final CaseId S5 = CaseId.of("s5");

  @Test
  void a_lab_viral_load_becomes_an_event_with_its_origin_the_schedule_counts_it_and_the_next_push_does_not_duplicate_it(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S3", "S5");
    FhirPush push = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).build();
    assertThat(push.push().complete()).isTrue();
    FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build();

    // Mentor's own resources come back unchanged: nothing recorded, nothing refused, no conflict.
    PullReport echo = pull.pull(PullCursor.start());
    assertThat(echo.complete()).as(echo.failures().toString()).isTrue();
    assertThat(echo.imported()).isEmpty();
    assertThat(echo.refusals()).isEmpty();
    assertThat(echo.conflicts()).isEmpty();
    assertThat(echo.unchanged()).isPositive();

    // S5 (shared/clinical/scenarios.md, step 5): the repeat VL was due 2025-11-18 and is overdue on 2026-01-10.
    Milestone before = world.registry.schedule(S5).find("VL_FOLLOW_UP").orElseThrow();
    assertThat(before.state()).isEqualTo(MilestoneState.OVERDUE);
    String mentorVlsBefore = mentorViralLoads(server, world);

    Lab lab = new Lab(server.baseUrl(), world);
    String patient = lab.patient(S5);
    String observation = lab.create(Lab.viralLoad(patient, LocalDate.of(2026, 1, 5), "<", 40));

    PullReport report = pull.pull(echo.cursor());

    assertThat(report.complete()).isTrue();
    assertThat(report.refusals()).isEmpty();
    assertThat(report.imported()).singleElement().satisfies(fact -> {
      assertThat(fact.caseId()).isEqualTo(S5);
      assertThat(fact.resource()).isEqualTo(observation + "/_history/1");
      assertThat(fact.thirdParty()).isTrue();
      assertThat(fact.events()).hasSize(1);
    });
    EventId id = report.imported().get(0).events().get(0);
    ViralLoadResulted vl = (ViralLoadResulted) world.registry.file(S5).event(id).orElseThrow();
    assertThat(vl.result()).isEqualTo(ViralLoad.belowLimit(40));
    assertThat(vl.sampleDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(vl.recordedBy().origin()).contains(Origin.of(server.baseUrl(), observation, "1"));

    Milestone after = world.registry.schedule(S5).find("VL_FOLLOW_UP").orElseThrow();
    assertThat(after.satisfiedBy()).contains(id);
    assertThat(after.state()).isEqualTo(MilestoneState.DONE);

    PushReport pushed = push.push();
    assertThat(pushed.complete()).isTrue();
    assertThat(pushed.pushed()).as("the case changed (its milestone is met)").isEqualTo(1);
    // Not sent back: the lab's Observation is the only one of this patient, still at version 1, and Mentor's own
    // viral-load Observations are the ones it had.
    assertThat(SyncWorld.search(lab.client(), "Observation?patient=" + patient)).singleElement()
        .satisfies(r -> assertThat(r.getMeta().getVersionId()).isEqualTo("1"));
    assertThat(mentorViralLoads(server, world)).isEqualTo(mentorVlsBefore);
    assertThat(everyMentorIdentifier(server, world)).noneMatch(value -> value.contains("fhir:"));
    // The schedule's new state reached the server: the milestone request is completed.
    ServiceRequest request = (ServiceRequest) SyncWorld.search(lab.client(), "ServiceRequest?identifier="
        + UrlUtil.escapeUrlParam(world.mapping.uris().milestoneSystem() + "|s5/" + after.key())).get(0);
    assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);

    PullReport again = pull.pull(report.cursor());
    assertThat(again.imported()).isEmpty();
    assertThat(again.conflicts()).isEmpty();
    assertThat(again.refusals()).isEmpty();
  }

  @Test
  void a_later_version_of_the_lab_result_corrects_the_event_and_entered_in_error_voids_it(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S5");
    FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build();
    Lab lab = new Lab(server.baseUrl(), world);
    String observation = lab.create(Lab.viralLoad(lab.patient(S5), LocalDate.of(2026, 1, 5), null, 1200));
    PullReport first = pull.pull(PullCursor.start());
    EventId root = first.imported().get(0).events().get(0);

    Observation corrected = lab.read(observation);
    corrected.getValueQuantity().setValue(1500);
    assertThat(lab.update(corrected)).isEqualTo("2");
    PullReport second = pull.pull(first.cursor());

    assertThat(second.conflicts()).isEmpty();
    assertThat(second.imported()).singleElement().satisfies(f -> assertThat(f.resource()).isEqualTo(observation + "/_history/2"));
    PathwayEvent correction = world.registry.file(S5).event(second.imported().get(0).events().get(0)).orElseThrow();
    assertThat(correction).isInstanceOfSatisfying(Corrected.class, c -> {
      assertThat(c.corrects()).isEqualTo(root);
      assertThat(((ViralLoadResulted) c.replacement()).result()).isEqualTo(ViralLoad.copies(1500));
      assertThat(c.replacement().recordedBy().origin()).contains(Origin.of(server.baseUrl(), observation, "2"));
    });

    Observation withdrawn = lab.read(observation);
    withdrawn.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
    lab.update(withdrawn);
    PullReport third = pull.pull(second.cursor());

    assertThat(third.imported()).singleElement().satisfies(f -> assertThat(f.events()).hasSize(1));
    assertThat(world.registry.file(S5).facts().events().toList().stream().filter(e -> e instanceof ViralLoadResulted v
        && v.recordedBy().origin().isPresent())).as("the withdrawn result is no longer a fact").isEmpty();
  }

  @Test
  void a_lab_result_corrected_here_is_never_overwritten_by_a_push_and_a_new_server_version_of_it_is_a_conflict(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S5");
    FhirPush push = FhirPush.builder(world.registry, world.mapping, server.baseUrl()).build();
    FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build();
    Lab lab = new Lab(server.baseUrl(), world);
    String observation = lab.create(Lab.viralLoad(lab.patient(S5), LocalDate.of(2026, 1, 5), null, 1200));
    PullReport first = pull.pull(PullCursor.start());
    ViralLoadResulted pulled = (ViralLoadResulted) world.registry.file(S5).event(first.imported().get(0).events().get(0)).orElseThrow();

    // The clinic corrects the lab's value here (a transcription it knows better); the push writes Mentor's resources
    // and leaves the lab's Observation alone.
    world.registry.record(S5, new Corrected(pulled.id(), new ViralLoadResulted(EventId.of("clinic-fix-1"), pulled.occurredOn(),
        world.now(), CaseBuilder.CLINIC, pulled.resultDate(), ViralLoad.copies(1300))));
    assertThat(push.push().complete()).isTrue();
    Observation onServer = lab.read(observation);
    assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
    assertThat(onServer.getValueQuantity().getValue().intValue()).isEqualTo(1200);
    assertThat(everyMentorIdentifier(server, world)).noneMatch(value -> value.contains("fhir:") || value.contains("clinic-fix-1"));

    // The lab then issues a new version: both sides changed the fact; the pull reports it and records nothing.
    Observation relabelled = lab.read(observation);
    relabelled.getValueQuantity().setValue(1250);
    lab.update(relabelled);
    long version = world.registry.file(S5).version();
    PullReport second = pull.pull(first.cursor());

    assertThat(second.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(PullConflict.Kind.CHANGED_ON_BOTH_SIDES);
      assertThat(c.caseId()).isEqualTo(S5);
      assertThat(c.resource()).isEqualTo(observation + "/_history/2");
      assertThat(c.root()).isEqualTo(pulled.id());
    });
    assertThat(second.imported()).isEmpty();
    assertThat(world.registry.file(S5).version()).isEqualTo(version);
  }

  @Test
  void a_mentor_resource_another_system_changed_on_the_server_is_a_conflict_not_an_import(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S3");
    assertThat(FhirPush.builder(world.registry, world.mapping, server.baseUrl()).build().push().complete()).isTrue();
    FhirPull pull = FhirPull.builder(world.registry, world.mapping, server.baseUrl()).build();
    PullReport first = pull.pull(PullCursor.start());
    Lab lab = new Lab(server.baseUrl(), world);
    Observation mentors = (Observation) SyncWorld.search(lab.client(), "Observation?code=http://loinc.org|" + Lab.VL_PLASMA + "&identifier="
        + UrlUtil.escapeUrlParam(world.mapping.uris().eventSystem() + "|")).get(0);
    mentors.getValueQuantity().setValue(99);
    lab.update(mentors);
    long version = world.registry.file(CaseId.of("s3")).version();

    PullReport second = pull.pull(first.cursor());

    assertThat(second.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(PullConflict.Kind.CHANGED_ON_SERVER);
      assertThat(c.resource()).isEqualTo("Observation/" + mentors.getIdElement().getIdPart() + "/_history/2");
    });
    assertThat(second.imported()).isEmpty();
    assertThat(world.registry.file(CaseId.of("s3")).version()).isEqualTo(version);
  }

  private static String mentorViralLoads(FhirTestServer server, SyncWorld world) {
    List<Resource> found = SyncWorld.search(SyncWorld.client(server.baseUrl()), "Observation?code=http://loinc.org|" + Lab.VL_PLASMA
        + "&identifier=" + UrlUtil.escapeUrlParam(world.mapping.uris().eventSystem() + "|"));
    return found.stream().map(r -> r.getIdElement().getIdPart() + "@" + r.getMeta().getVersionId()).sorted().toList().toString();
  }

  private static List<String> everyMentorIdentifier(FhirTestServer server, SyncWorld world) {
    return SyncWorld.search(SyncWorld.client(server.baseUrl()), "Observation?identifier="
            + UrlUtil.escapeUrlParam(world.mapping.uris().eventSystem() + "|")).stream()
        .flatMap(r -> ((Observation) r).getIdentifier().stream()).map(Identifier::getValue).toList();
  }
}
