package org.mentor.fhir.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.fhir.mapping.CaseResources;

/**
 * The transaction the push builds for a case, without a server: the same entries as the mapping's own transaction
 * builder, the mentor's shared resources left out and referenced by identifier (conditional mode) or by id (PUT mode).
 * S6 (mentor-7 from its scenario; shared/clinical/scenarios.md).
 */
class CaseBundlesTest {
  private final PushWorld world = new PushWorld();
  private final CaseFile s6 = world.registry.file(CaseId.of("s6"));

  private CaseBundles.Plan plan(PushMode mode) {
    return new CaseBundles(world.mapping, mode).plan(s6, f -> world.registry.protocol(f.facts().protocol().orElseThrow()).orElseThrow(),
        world.today(), List.of());
  }

  /** The bundle as sent (HAPI's parser would otherwise give each entry's resource its fullUrl as id). */
  private static Bundle parse(String json) {
    return PushWorld.FHIR.newJsonParser().setOverrideResourceIdWithBundleEntryFullUrl(false).parseResource(Bundle.class, json);
  }

  private static List<Reference> references(Resource r) {
    return PushWorld.FHIR.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class).stream().filter(Reference::hasReference).toList();
  }

  @Test
  void conditional_mode_writes_the_mapping_s_transaction_without_the_mentor_whom_it_names_by_identifier() {
    CaseBundles.Plan plan = plan(PushMode.CONDITIONAL_UPDATE);
    Bundle sent = parse(plan.json());
    CaseResources mapped = PushTest.mapOf(world, CaseId.of("s6"));
    List<Resource> own = mapped.resources().stream().filter(r -> !CaseBundles.isShared(r)).toList();
    Bundle expected = world.mapping.transaction(new CaseResources(mapped.caseId(), mapped.asOf(), com.google.common.collect.ImmutableList.copyOf(own)));

    assertThat(plan.shared()).extracting(s -> s.resource().fhirType()).containsExactlyInAnyOrder("Practitioner", "PractitionerRole");
    assertThat(plan.shared()).allSatisfy(s -> assertThat(s.group()).isEqualTo(world.mapping.uris().mentorSystem() + "|mentor-7"));
    assertThat(sent.getEntry()).hasSize(expected.getEntry().size()).hasSize(plan.resources());
    String conditionalRole = "PractitionerRole?identifier=" + ca.uhn.fhir.util.UrlUtil.escapeUrlParam(world.mapping.uris().mentorSystem() + "|mentor-7");
    Map<String, String> literalToConditional = plan.shared().stream()
        .collect(Collectors.toMap(CaseBundles.Shared::key, s -> s.resource().fhirType() + "?identifier=" + ca.uhn.fhir.util.UrlUtil.escapeUrlParam(s.group())));
    int mentorReferences = 0;
    for (int i = 0; i < sent.getEntry().size(); i++) {
      Bundle.BundleEntryComponent got = sent.getEntry().get(i);
      Bundle.BundleEntryComponent want = expected.getEntry().get(i);
      assertThat(got.getFullUrl()).isEqualTo(want.getFullUrl());
      assertThat(got.getResource().hasIdElement() && got.getResource().getIdElement().hasIdPart()).as("no id in a conditional write").isFalse();
      Resource wanted = want.getResource().copy();
      wanted.setId((String) null);
      if (wanted.fhirType().equals("Provenance")) { // tagged, and written by tag (the mapping writes it by id)
        String id = want.getFullUrl().substring("urn:uuid:".length());
        wanted.getMeta().addTag(world.mapping.uris().derivedSystem(), id, null);
        assertThat(got.getRequest().getUrl()).startsWith("Provenance?_tag=");
      } else {
        assertThat(got.getRequest().getUrl()).isEqualTo(want.getRequest().getUrl());
      }
      for (Reference ref : references(wanted)) {
        String conditional = literalToConditional.get(ref.getReference());
        if (conditional != null) {
          ref.setReference(conditional);
        }
      }
      for (Reference ref : references(got.getResource())) {
        assertThat(ref.getReference()).as("only entries and shared resources by identifier").matches(r -> r.startsWith("urn:uuid:")
            || r.equals(conditionalRole));
        mentorReferences += ref.getReference().equals(conditionalRole) ? 1 : 0;
      }
      // Compared as values: encoding the parsed entry alone would contain the id-less entries it points at.
      assertThat(got.getResource().equalsDeep(wanted)).as("entry %s is the mapping's", i).isTrue();
    }
    assertThat(mentorReferences).as("CareTeam, visit Encounter, EpisodeOfCare.careManager...").isGreaterThanOrEqualTo(3);
    assertThat(plan.json()).doesNotContain("\"resourceType\":\"Practitioner\"").doesNotContain("\"resourceType\":\"PractitionerRole\"");
  }

  @Test
  void put_mode_writes_every_entry_by_its_deterministic_id_and_names_the_mentor_by_id() {
    CaseBundles.Plan plan = plan(PushMode.DETERMINISTIC_ID);
    Bundle sent = parse(plan.json());
    String roleKey = plan.shared().stream().filter(s -> s.resource().fhirType().equals("PractitionerRole")).findFirst().orElseThrow().key();
    int mentorReferences = 0;
    for (Bundle.BundleEntryComponent e : sent.getEntry()) {
      String id = e.getFullUrl().substring("urn:uuid:".length());
      assertThat(e.getRequest().getUrl()).isEqualTo(e.getResource().fhirType() + "/" + id);
      assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo(id);
      for (Reference ref : references(e.getResource())) {
        assertThat(ref.getReference()).matches(r -> r.startsWith("urn:uuid:") || r.equals(roleKey));
        mentorReferences += ref.getReference().equals(roleKey) ? 1 : 0;
      }
    }
    assertThat(mentorReferences).isGreaterThanOrEqualTo(3);
  }

  @Test
  void a_mentor_s_resources_are_planned_as_their_own_transaction() {
    CaseBundles bundles = new CaseBundles(world.mapping, PushMode.CONDITIONAL_UPDATE);
    CaseBundles.Plan plan = plan(PushMode.CONDITIONAL_UPDATE);
    Bundle shared = parse(
        bundles.planShared(plan.shared().stream().map(CaseBundles.Shared::resource).toList()));
    assertThat(shared.getEntry()).extracting(e -> e.getRequest().getUrl()).allMatch(u -> u.startsWith("Practitioner?identifier=")
        || u.startsWith("PractitionerRole?identifier="));
    Bundle.BundleEntryComponent practitioner = shared.getEntry().stream().filter(e -> e.getResource().fhirType().equals("Practitioner")).findFirst().orElseThrow();
    Bundle.BundleEntryComponent role = shared.getEntry().stream().filter(e -> e.getResource().fhirType().equals("PractitionerRole")).findFirst().orElseThrow();
    assertThat(((org.hl7.fhir.r4.model.PractitionerRole) role.getResource()).getPractitioner().getReference()).isEqualTo(practitioner.getFullUrl());
  }
}
