package org.mentor.fhir.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.UrlUtil;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.CaseId;
import org.mentor.fhir.mapping.Ids;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.sync.SyncWorld;
import org.mentor.fhir.testserver.FhirTestServer;
import org.mentor.fhir.testserver.FhirTestServerExtension;

/**
 * Reconcile compares the real server with what the library would write, by identifier and by the hash of Mentor-owned
 * content: it finds a resource deleted behind Mentor's back, an extra copy, an unexpected resource and a changed one,
 * leaves other systems' resources alone, and a repair puts the server back to the library's content.
 */
@ExtendWith(FhirTestServerExtension.class)
class ReconcileTest {
  @Test
  void finds_a_deleted_an_extra_and_a_changed_resource_and_repair_fixes_them(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S2", "S3", "S5", "S6");
    assertThat(FhirPush.builder(world.registry, world.mapping, server.baseUrl()).build().push().complete()).isTrue();
    FhirReconcile reconcile = FhirReconcile.builder(world.registry, world.mapping, server.baseUrl()).deleteUnexpected(true).build();
    ReconcileReport clean = reconcile.check();
    assertThat(clean.clean()).as(clean.findings().toString()).isTrue();
    assertThat(clean.matching()).isEqualTo(clean.expected()).isGreaterThan(50);

    IGenericClient hand = SyncWorld.client(server.baseUrl());
    String events = UrlUtil.escapeUrlParam(world.mapping.uris().eventSystem() + "|");
    List<Resource> observations = SyncWorld.search(hand, "Observation?identifier=" + events);
    // Deleted: a late milestone's Task of S2 (nothing references a Task).
    Task task = (Task) SyncWorld.search(hand, "Task?identifier=" + UrlUtil.escapeUrlParam(world.mapping.uris().derivedSystem() + "|,"
        + world.mapping.uris().milestoneSystem() + "|")).stream()
        .filter(t -> ((Task) t).getIdentifierFirstRep().getValue().startsWith("s2/")).findFirst().orElseThrow();
    hand.delete().resourceById(new IdType("Task", task.getIdElement().getIdPart())).execute();
    // Changed: a Mentor Observation edited by hand on the server.
    Observation changed = (Observation) observations.get(0);
    changed.setEffective(new DateTimeType("2020-02-02"));
    hand.update().resource(changed).execute();
    // Extra: a second copy of another Mentor Observation, and an Observation under Mentor's identifier the case lacks.
    Observation copy = (Observation) observations.get(1).copy();
    copy.setId((String) null);
    String duplicate = hand.create().resource(copy).execute().getId().toUnqualifiedVersionless().getValue();
    Observation stray = new Observation();
    stray.setStatus(Observation.ObservationStatus.FINAL);
    stray.getCode().setText("recorded on the wrong system");
    stray.addIdentifier().setSystem(world.mapping.uris().eventSystem()).setValue(Ids.value("s3", "no-such-event"));
    String unexpected = hand.create().resource(stray).execute().getId().toUnqualifiedVersionless().getValue();
    // And a lab's Observation (no Mentor identifier): not Mentor's to compare.
    Observation lab = new Observation();
    lab.setStatus(Observation.ObservationStatus.FINAL);
    lab.getCode().addCoding().setSystem("http://loinc.org").setCode("20447-9");
    lab.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(BigDecimal.valueOf(400)));
    String labs = hand.create().resource(lab).execute().getId().toUnqualifiedVersionless().getValue();

    ReconcileReport report = reconcile.check();

    assertThat(report.clean()).isFalse();
    assertThat(report.missing()).singleElement().satisfies(f -> {
      assertThat(f.identity()).isEqualTo("Task|" + task.getIdentifierFirstRep().getSystem() + "|" + task.getIdentifierFirstRep().getValue());
      assertThat(f.caseId()).contains(CaseId.of("s2"));
      assertThat(f.serverResource()).isEmpty();
    });
    assertThat(report.differing()).singleElement().satisfies(f -> {
      assertThat(f.serverResource()).contains("Observation/" + changed.getIdElement().getIdPart() + "/_history/2");
      assertThat(f.expectedHash()).isPresent().isNotEqualTo(f.serverHash());
    });
    assertThat(report.extra()).hasSize(2);
    assertThat(report.extra()).filteredOn(f -> f.kind() == Finding.Kind.DUPLICATE).singleElement()
        .satisfies(f -> assertThat(f.serverResource()).contains(duplicate + "/_history/1"));
    assertThat(report.extra()).filteredOn(f -> f.kind() == Finding.Kind.UNEXPECTED).singleElement().satisfies(f -> {
      assertThat(f.serverResource()).contains(unexpected + "/_history/1");
      assertThat(f.caseId()).contains(CaseId.of("s3"));
    });
    assertThat(report.findings()).noneMatch(f -> f.serverResource().map(s -> s.startsWith(labs + "/")).orElse(false));
    assertThat(report.matching()).isEqualTo(report.expected() - 3); // the deleted, the changed and the duplicated one

    RepairReport repaired = reconcile.repair(report);

    assertThat(repaired.failures()).isEmpty();
    assertThat(repaired.deleted()).containsExactlyInAnyOrder(duplicate + "/_history/1", unexpected + "/_history/1");
    assertThat(repaired.push().pushed()).as("s2 (the Task) and the cases of the two Observations").isBetween(1, 3);
    assertThat(repaired.after().clean()).as(repaired.after().findings().toString()).isTrue();
    assertThat(repaired.after().matching()).isEqualTo(repaired.after().expected());
    assertThat(hand.read().resource(Observation.class).withId(new IdType(labs)).execute().getMeta().getVersionId()).isEqualTo("1");
  }

  @Test
  void reconciling_some_cases_compares_only_theirs(FhirTestServer server) {
    SyncWorld world = new SyncWorld("S3", "S5");
    assertThat(FhirPush.builder(world.registry, world.mapping, server.baseUrl()).build().push(List.of(CaseId.of("s3"))).complete()).isTrue();
    FhirReconcile reconcile = FhirReconcile.builder(world.registry, world.mapping, server.baseUrl()).build();

    assertThat(reconcile.check(List.of(CaseId.of("s3"))).clean()).isTrue();
    ReconcileReport s5 = reconcile.check(List.of(CaseId.of("s5")));
    assertThat(s5.missing()).hasSize(s5.expected()).allSatisfy(f -> assertThat(f.caseId()).isIn(Optional.of(CaseId.of("s5")), Optional.empty()));
    assertThat(s5.extra()).isEmpty();
  }
}
