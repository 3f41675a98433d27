package org.mentor.fhir.push;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.testserver.FhirBaseUrl;
import org.mentor.fhir.testserver.FhirTestServerExtension;

/** Push against a real HAPI FHIR JPA server (mentor-fhir-testserver), issue 9's first list of tests. */
@ExtendWith(FhirTestServerExtension.class)
class PushTest {
  private static final String LOINC_VL = "http://loinc.org|20447-9";
  private static final String HIV = "http://terminology.hl7.org/CodeSystem/v3-ActCode|HIV";

  private static FhirPush push(PushWorld world, String baseUrl, PushJournal journal) {
    return FhirPush.builder(world.registry, world.mapping, baseUrl).journal(journal).retry(Servers.quickRetries(4)).build();
  }

  @Test
  void the_first_push_writes_every_resource_once_and_the_second_sends_nothing(@FhirBaseUrl String baseUrl) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(baseUrl);
    InMemoryPushJournal journal = new InMemoryPushJournal();
    List<int[]> progress = new CopyOnWriteArrayList<>();
    FhirPush push = FhirPush.builder(world.registry, world.mapping, baseUrl).journal(journal)
        .listener((done, total) -> progress.add(new int[] {done, total})).build();

    PushReport first = push.push();

    assertThat(first.complete()).as(first.failures().toString()).isTrue();
    assertThat(first.pushed()).isEqualTo(7);
    assertThat(progress).hasSize(7).allSatisfy(p -> assertThat(p[1]).isEqualTo(7));
    assertThat(progress.stream().mapToInt(p -> p[0]).max().orElse(0)).isEqualTo(7);
    Reconcile.Counts counts = new Reconcile(reader, world).check();
    assertThat(counts.clean()).as(counts.toString()).isTrue();
    // Counted by type: the server holds, per type, what the library maps; a mentor's Practitioner and PractitionerRole
    // once, however many cases name her (two mentors, three cases each: PushWorld).
    Map<String, Integer> mapped = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (CaseId id : world.cases) {
      mapOf(world, id).resources().stream().filter(r -> seen.add(r.fhirType() + "/" + r.getIdElement().getIdPart()))
          .forEach(r -> mapped.merge(r.fhirType(), 1, Integer::sum));
    }
    assertThat(mapped).containsEntry("Practitioner", 2).containsEntry("PractitionerRole", 2);
    assertThat(first.sharedResources()).isEqualTo(4);
    assertThat(mapped.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) first.resources());
    for (String type : Reconcile.TYPES) {
      assertThat(count(reader, type + "?identifier=" + UrlUtil.escapeUrlParam(systems(world)))).as(type).isEqualTo(mapped.getOrDefault(type, 0));
    }
    // Viral loads by LOINC and the HIV label: S2 two, S3 one, S5 one, S6 one, S7 two, S8 none, S10 two
    // (shared/clinical/scenarios.md, the results each scenario records).
    assertThat(count(reader, "Observation?code=" + UrlUtil.escapeUrlParam(LOINC_VL) + "&_security=" + UrlUtil.escapeUrlParam(HIV)
        + "&identifier=" + UrlUtil.escapeUrlParam(world.mapping.uris().eventSystem() + "|")))
        .isEqualTo(9);
    // Looked up by identifier: S3's viral load of 2 400 copies/mL.
    Observation s3 = (Observation) mapOf(world, CaseId.of("s3")).ofType("Observation").stream()
        .filter(o -> ((Observation) o).getCode().getCodingFirstRep().getCode().equals("20447-9")).findFirst().orElseThrow();
    Bundle byIdentifier = reader.search().forResource("Observation")
        .where(Observation.IDENTIFIER.exactly().systemAndCode(s3.getIdentifierFirstRep().getSystem(), s3.getIdentifierFirstRep().getValue()))
        .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
    assertThat(byIdentifier.getEntry()).hasSize(1);
    assertThat(((Observation) byIdentifier.getEntryFirstRep().getResource()).getValueQuantity().getValue().intValue()).isEqualTo(2400);

    PushReport second = push.push();
    assertThat(second.pushed()).isZero();
    assertThat(second.unchanged()).isEqualTo(7);
    assertThat(second.sharedResources()).isZero();

    // A push that forgot everything (a new journal) sends it all again: the server makes no new version.
    PushReport forgetful = push(world, baseUrl, new InMemoryPushJournal()).push();
    assertThat(forgetful.pushed()).isEqualTo(7);
    assertThat(forgetful.sharedResources()).isEqualTo(4); // sent again, once each: the journal forgot them too
    assertThat(versions(reader, world).values()).isNotEmpty().allMatch(v -> v == 1);
  }

  @Test
  void after_edits_only_the_affected_resources_get_new_versions(@FhirBaseUrl String baseUrl) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(baseUrl);
    FhirPush push = push(world, baseUrl, new InMemoryPushJournal());
    assertThat(push.push().complete()).isTrue();
    Map<String, Integer> before = versions(reader, world);
    Map<String, String> contentBefore = libraryContent(world);

    CaseId s3 = CaseId.of("s3");
    CaseId s6 = CaseId.of("s6");
    EventId s3Vl = world.registry.file(s3).history().stream().filter(e -> e instanceof ViralLoadResulted).findFirst().orElseThrow().id();
    world.correct(s3, s3Vl, 1800);                 // a correction
    EventId appointment = world.appointment(s6);   // a new event...
    world.lateResult(CaseId.of("s5"), 900);        // ...and a late result
    PushReport between = push.push();
    assertThat(between.pushed()).isEqualTo(3);
    world.voidEvent(s6, appointment);              // a void
    PushReport report = push.push();
    assertThat(report.complete()).isTrue();
    assertThat(report.pushed()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(6);

    Map<String, Integer> after = versions(reader, world);
    Map<String, String> contentAfter = libraryContent(world);
    int changed = 0;
    for (Map.Entry<String, Integer> e : after.entrySet()) {
      String id = e.getKey();
      if (!before.containsKey(id)) {
        continue; // new resources (the appointment, the late result, their provenance)
      }
      boolean contentChanged = !contentBefore.get(id).equals(contentAfter.get(id));
      if (contentChanged) {
        changed++;
        assertThat(e.getValue()).as(id).isGreaterThan(before.get(id));
      } else {
        assertThat(e.getValue()).as(id).isEqualTo(before.get(id));
      }
    }
    assertThat(changed).isPositive();
    assertThat(after.size()).isGreaterThan(before.size());
    // The voided appointment's resource is entered-in-error; the corrected result carries the new value.
    String system = world.mapping.uris().eventSystem();
    Resource voided = one(reader, "Appointment?identifier=" + UrlUtil.escapeUrlParam(system + "|s6/" + appointment.value()));
    assertThat(voided.getNamedProperty("status").getValues().get(0).primitiveValue()).isEqualTo("entered-in-error");
    Observation corrected = (Observation) one(reader, "Observation?identifier=" + UrlUtil.escapeUrlParam(system + "|s3/" + s3Vl.value()));
    assertThat(corrected.getValueQuantity().getValue().intValue()).isEqualTo(1800);
    assertThat(new Reconcile(reader, world).check().clean()).isTrue();
  }

  @Test
  void a_milestone_removed_by_a_risk_change_is_revoked_on_the_server(@FhirBaseUrl String baseUrl) {
    PushWorld world = new PushWorld();
    IGenericClient reader = Servers.reader(baseUrl);
    FhirPush push = push(world, baseUrl, new InMemoryPushJournal());
    assertThat(push.push().complete()).isTrue();
    // S7: the 850 copies/mL result of 2025-08-18 makes the infant high-risk; voided, the risk and its milestones go.
    CaseId s7 = CaseId.of("s7");
    CaseResources before = mapOf(world, s7);
    EventId high = world.registry.file(s7).history().stream()
        .filter(e -> e instanceof ViralLoadResulted v && v.result().toString().contains("850")).findFirst().orElseThrow().id();
    world.voidEvent(s7, high);
    List<Resource> revocations = world.mapping.revocations(before, mapOf(world, s7));
    assertThat(revocations).as("the void removes milestones").isNotEmpty();

    assertThat(push.push().complete()).isTrue();

    for (Resource r : revocations) {
      if (r instanceof ServiceRequest sr) {
        ServiceRequest onServer = (ServiceRequest) one(reader, "ServiceRequest?identifier="
            + UrlUtil.escapeUrlParam(sr.getIdentifierFirstRep().getSystem() + "|" + sr.getIdentifierFirstRep().getValue()));
        assertThat(onServer.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
      }
    }
    assertThat(new Reconcile(reader, world).check().clean()).isTrue();
  }

  // --- helpers ---------------------------------------------------------------------------------

  static CaseResources mapOf(PushWorld world, CaseId id) {
    var file = world.registry.file(id);
    return world.mapping.map(file, world.registry.protocol(file.facts().protocol().orElseThrow()).orElseThrow(), world.today());
  }

  static String systems(PushWorld world) {
    var u = world.mapping.uris();
    return String.join(",", u.caseSystem() + "|", u.eventSystem() + "|", u.milestoneSystem() + "|", u.derivedSystem() + "|",
        u.infantSystem() + "|", u.mentorSystem() + "|");
  }

  static int count(IGenericClient reader, String search) {
    int n = 0;
    Bundle page = reader.search().byUrl(search + "&_count=500").cacheControl(new CacheControlDirective().setNoCache(true))
        .returnBundle(Bundle.class).execute();
    while (true) {
      n += page.getEntry().size();
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return n;
      }
      page = reader.loadPage().next(page).execute();
    }
  }

  static Resource one(IGenericClient reader, String search) {
    Bundle b = reader.search().byUrl(search).cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
    assertThat(b.getEntry()).as(search).hasSize(1);
    return b.getEntryFirstRep().getResource();
  }

  /** Each resource of the test on the server (by type and identifier) with its version. */
  static Map<String, Integer> versions(IGenericClient reader, PushWorld world) {
    Map<String, Integer> out = new HashMap<>();
    for (String type : Reconcile.TYPES) {
      Bundle page = reader.search().byUrl(type + "?identifier=" + UrlUtil.escapeUrlParam(systems(world)) + "&_count=500")
          .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
      for (Bundle.BundleEntryComponent e : page.getEntry()) {
        Resource r = e.getResource();
        var identifier = PushWorld.FHIR.newTerser().getValues(r, type + ".identifier", org.hl7.fhir.r4.model.Identifier.class).get(0);
        out.put(type + "|" + identifier.getSystem() + "|" + identifier.getValue(), Integer.parseInt(r.getMeta().getVersionId()));
      }
    }
    return out;
  }

  /** Each resource of the library's mapping with its content (ids included: they are deterministic). */
  static Map<String, String> libraryContent(PushWorld world) {
    Map<String, String> out = new HashMap<>();
    for (CaseId id : world.cases) {
      for (Resource r : new ArrayList<>(mapOf(world, id).resources())) {
        if (r.fhirType().equals("Provenance")) {
          continue;
        }
        var identifier = PushWorld.FHIR.newTerser().getValues(r, r.fhirType() + ".identifier", org.hl7.fhir.r4.model.Identifier.class).get(0);
        out.put(r.fhirType() + "|" + identifier.getSystem() + "|" + identifier.getValue(), PushWorld.FHIR.newJsonParser().encodeResourceToString(r));
      }
    }
    return out;
  }
}
