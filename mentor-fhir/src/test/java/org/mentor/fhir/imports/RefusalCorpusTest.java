package org.mentor.fhir.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mentor.core.CaseId;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.InvalidFhirException;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.mapping.CaseReader.Defaults;
import org.mentor.fhir.mapping.FhirMapping;

/**
 * A corpus of malformed inputs, each refused whole with the expected element path and rule, and
 * the target CaseRegistry left unchanged (no case enrolled, nothing recorded). Each case starts from a
 * valid export (S6 or S8 of shared/clinical/scenarios.md) and breaks one thing.
 */
class RefusalCorpusTest {
  private static final FhirMapping MAPPING = Scenarios.mapping();
  private static final Defaults DEFAULTS = new Defaults(new RecordedBy("importer", "facility-x", "fhir"), Instant.parse("2030-01-01T00:00:00Z"));
  private static final String U = Scenarios.BASE;

  private record Refusal(String name, String scenario, Consumer<Bundle> breakIt, String element, String rule) {}

  private static Bundle export(String scenario) {
    var s = Scenarios.all().get(scenario);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (Resource r : MAPPING.map(s.builder().file(), Protocol.who2021(), s.asOf()).resources()) {
      bundle.addEntry().setFullUrl(U + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
    }
    return bundle;
  }

  private static <R extends Resource> Consumer<Bundle> on(Class<R> type, String kind, Consumer<R> change) {
    return bundle -> {
      for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
        if (type.isInstance(e.getResource()) && e.getResource().getMeta().getTag().stream().anyMatch(t -> t.getCode().equals(kind))) {
          change.accept(type.cast(e.getResource()));
          return;
        }
      }
      throw new AssertionError("no " + kind + " in the fixture");
    };
  }

  private static Consumer<Bundle> remove(Predicate<Resource> which) {
    return bundle -> bundle.getEntry().removeIf(e -> which.test(e.getResource()));
  }

  private static Consumer<Bundle> add(Resource r) {
    return bundle -> bundle.addEntry().setResource(r);
  }

  private static Extension ext(DomainResource r, String name) {
    return r.getExtensionByUrl(U + "/StructureDefinition/" + name);
  }

  private static List<Refusal> corpus() {
    List<Refusal> c = new ArrayList<>();
    String vl = "VIRAL_LOAD_RESULTED";
    c.add(new Refusal("negative viral load", "S6", on(Observation.class, vl, o -> o.getValueQuantity().setValue(-5)), "Observation.valueQuantity.value", "VL-001"));
    c.add(new Refusal("viral load in mg", "S6", on(Observation.class, vl, o -> o.getValueQuantity().setCode("mg")), "Observation.valueQuantity.code", "FHIR-009"));
    c.add(new Refusal("viral load above a limit", "S6", on(Observation.class, vl, o -> o.getValueQuantity().setComparator(Quantity.QuantityComparator.GREATER_THAN)), "Observation.valueQuantity.comparator", "FHIR-009"));
    c.add(new Refusal("fractional viral load", "S6", on(Observation.class, vl, o -> o.getValueQuantity().setValue(new BigDecimal("45.5"))), "Observation.valueQuantity.value", "FHIR-009"));
    c.add(new Refusal("viral load without value", "S6", on(Observation.class, vl, o -> o.setValue(null)), "Observation.value[x]", "FHIR-005"));
    c.add(new Refusal("viral load with an unknown coded value", "S6", on(Observation.class, vl, o -> o.setValue(new CodeableConcept(new Coding("http://snomed.info/sct", "1234", null)))), "Observation.valueCodeableConcept", "FHIR-006"));
    c.add(new Refusal("viral load with an unknown code", "S6", on(Observation.class, vl, o -> o.setCode(new CodeableConcept(new Coding("http://loinc.org", "12345-6", null)))), "Observation.code", "FHIR-006"));
    c.add(new Refusal("viral load without a sample date", "S6", on(Observation.class, vl, o -> o.setEffective(null)), "Observation.effectiveDateTime", "FHIR-005"));
    c.add(new Refusal("viral load dated by year only", "S6", on(Observation.class, vl, o -> o.setEffective(new DateTimeType("2025"))), "Observation.effectiveDateTime", "FHIR-009"));
    c.add(new Refusal("viral load of an infant", "S6", on(Observation.class, vl, o -> o.getSubject().getIdentifier().setSystem(U + "/sid/infant").setValue("93376f3e-6abe-3c73-a160-18e8754247f5")), "Observation.subject", "FHIR-008"));
    c.add(new Refusal("viral load of a missing Patient", "S6", on(Observation.class, vl, o -> o.setSubject(new Reference("Patient/nope"))), "Observation.subject", "FHIR-007"));
    c.add(new Refusal("viral load of a Practitioner", "S6", on(Observation.class, vl, o -> o.setSubject(new Reference("Practitioner/1"))), "Observation.subject", "FHIR-008"));
    c.add(new Refusal("viral load of an unknown identifier system", "S6", on(Observation.class, vl, o -> o.getSubject().getIdentifier().setSystem("urn:other")), "Observation.subject", "FHIR-007"));
    c.add(new Refusal("viral load of another mother", "S6", on(Observation.class, vl, o -> o.getSubject().getIdentifier().setValue("someone-else")), "Observation.subject", "FHIR-007"));
    c.add(new Refusal("viral load resulted before its sample", "S6", on(Observation.class, vl, o -> o.getIssuedElement().setValueAsString("2020-01-01T00:00:00Z")), "Observation.issued", "LAB-001"));
    String nat = "INFANT_HIV_TESTED";
    c.add(new Refusal("infant test before birth", "S6", on(Observation.class, nat, o -> o.setEffective(new DateTimeType("2025-01-01"))), "Observation.effectiveDateTime", "EID-001"));
    c.add(new Refusal("infant test with an unknown result", "S6", on(Observation.class, nat, o -> o.setValue(new CodeableConcept(new Coding("urn:lab", "POS", null)))), "Observation.valueCodeableConcept", "FHIR-006"));
    c.add(new Refusal("infant test of the mother", "S6", on(Observation.class, nat, o -> o.getSubject().getIdentifier().setSystem(U + "/sid/mother").setValue("mother-of-s6")), "Observation.subject", "FHIR-008"));
    c.add(new Refusal("infant test of an unknown infant", "S6", on(Observation.class, nat, o -> o.getSubject().getIdentifier().setValue("00000000-0000-0000-0000-000000000001")), "Observation.subject", "INF-001"));
    c.add(new Refusal("infant test of a non-UUID infant", "S6", on(Observation.class, nat, o -> o.getSubject().getIdentifier().setValue("infant-1")), "Observation.subject", "FHIR-009"));
    c.add(new Refusal("infant test with a result and no value type", "S6", on(Observation.class, nat, o -> o.setValue(new Quantity(1))), "Observation.value[x]", "FHIR-009"));
    c.add(new Refusal("feeding with only the LOINC answer", "S6", on(Observation.class, "FEEDING_RECORDED", o -> o.getValueCodeableConcept().getCoding().remove(0)), "Observation.valueCodeableConcept", "FHIR-006"));
    c.add(new Refusal("more pills remaining than dispensed", "S6", on(Observation.class, "PILL_COUNTED", o -> o.getComponent().get(1).getValueQuantity().setValue(500)), "Observation.component.valueQuantity.value", "ADH-002"));
    c.add(new Refusal("negative pill count", "S6", on(Observation.class, "PILL_COUNTED", o -> o.getComponent().get(0).getValueQuantity().setValue(-1)), "Observation.component.valueQuantity.value", "ADH-001"));
    c.add(new Refusal("pill count without components", "S6", on(Observation.class, "PILL_COUNTED", o -> o.getComponent().clear()), "Observation.component", "FHIR-005"));
    c.add(new Refusal("unknown event kind tag", "S6", on(Observation.class, vl, o -> o.getMeta().getTagFirstRep().setCode("FOO")), "Observation.meta.tag", "FHIR-006"));
    c.add(new Refusal("event kind another type carries", "S6", on(Observation.class, vl, o -> o.getMeta().getTagFirstRep().setCode("ART_STARTED")), "Observation.meta.tag", "FHIR-004"));
    c.add(new Refusal("enrolment without protocol", "S6", on(EpisodeOfCare.class, "ENROLLED", e -> e.getExtension().remove(ext(e, "protocol"))), "EpisodeOfCare.extension:protocol", "FHIR-005"));
    c.add(new Refusal("enrolment with an unknown HIV status", "S6", on(EpisodeOfCare.class, "ENROLLED", e -> ((Coding) ext(e, "hiv-status").getValue()).setCode("MAYBE")), "EpisodeOfCare.extension:hiv-status", "FHIR-006"));
    c.add(new Refusal("enrolment at 57 weeks", "S6", on(EpisodeOfCare.class, "ENROLLED", e -> e.addExtension(U + "/StructureDefinition/gestational-age", new Quantity().setValue(400).setCode("d").setSystem("http://unitsofmeasure.org"))), "EpisodeOfCare.extension:gestational-age", "ENR-001"));
    c.add(new Refusal("enrolment of an unknown patient system", "S6", on(EpisodeOfCare.class, "ENROLLED", e -> e.getPatient().getIdentifier().setSystem("urn:other")), "EpisodeOfCare.patient.identifier", "FHIR-007"));
    c.add(new Refusal("enrolment without a start", "S6", on(EpisodeOfCare.class, "ENROLLED", e -> e.setPeriod(null)), "EpisodeOfCare.period.start", "FHIR-005"));
    c.add(new Refusal("no enrolment", "S6", remove(r -> r instanceof EpisodeOfCare && !r.getMeta().getTag().isEmpty()), "CareTeam", "CASE-002"));
    c.add(new Refusal("ART with an unknown regimen", "S6", on(MedicationStatement.class, "ART_STARTED", m -> m.setMedication(new CodeableConcept(new Coding("urn:emr", "R1", null)))), "MedicationStatement.medicationCodeableConcept", "FHIR-006"));
    c.add(new Refusal("ART without a regimen class", "S6", on(MedicationStatement.class, "ART_STARTED", m -> m.getExtension().remove(ext(m, "regimen-class"))), "MedicationStatement.extension:regimen-class", "FHIR-005"));
    c.add(new Refusal("ART with an unknown regimen class", "S6", on(MedicationStatement.class, "ART_STARTED", m -> ((CodeType) ext(m, "regimen-class").getValue()).setValue("XYZ")), "MedicationStatement.extension:regimen-class", "FHIR-006"));
    c.add(new Refusal("ART of an infant", "S6", on(MedicationStatement.class, "ART_STARTED", m -> m.getSubject().getIdentifier().setSystem(U + "/sid/infant").setValue("93376f3e-6abe-3c73-a160-18e8754247f5")), "MedicationStatement.subject", "FHIR-008"));
    c.add(new Refusal("prophylaxis with an unknown regimen", "S6", on(MedicationStatement.class, "INFANT_PROPHYLAXIS_STARTED", m -> m.getMedicationCodeableConcept().getCodingFirstRep().setCode("ABC")), "MedicationStatement.medicationCodeableConcept", "FHIR-006"));
    c.add(new Refusal("prophylaxis without a start", "S6", on(MedicationStatement.class, "INFANT_PROPHYLAXIS_STARTED", m -> m.setEffective(null)), "MedicationStatement.effective[x]", "FHIR-005"));
    c.add(new Refusal("no tablets dispensed", "S6", on(MedicationDispense.class, "ARVS_DISPENSED", m -> m.getQuantity().setValue(0)), "MedicationDispense.quantity", "ARV-001"));
    c.add(new Refusal("dispensing in mg", "S6", on(MedicationDispense.class, "ARVS_DISPENSED", m -> m.getQuantity().setCode("mg")), "MedicationDispense.quantity", "FHIR-009"));
    c.add(new Refusal("counselling of an unknown kind", "S6", on(Procedure.class, "ADHERENCE_COUNSELLED", p -> p.getCode().getCodingFirstRep().setCode("INTENSIVE")), "Procedure.code", "FHIR-006"));
    c.add(new Refusal("consent without the disclosure fact", "S6", on(Consent.class, "CONSENT_RECORDED", x -> x.getExtension().clear()), "Consent.extension:disclosed-to-partner", "FHIR-005"));
    c.add(new Refusal("consent without a channel", "S6", on(Consent.class, "CONSENT_RECORDED", x -> x.getProvision().getProvision().remove(2)), "Consent.provision.provision", "FHIR-005"));
    c.add(new Refusal("mentor of an unknown system", "S6", on(org.hl7.fhir.r4.model.CareTeam.class, "MENTOR_ASSIGNED", t -> t.getParticipantFirstRep().getMember().getIdentifier().setSystem("urn:x")), "CareTeam.participant.member.identifier", "FHIR-007"));
    String team = "MENTOR_ASSIGNED";
    c.add(new Refusal("mentor by a literal reference to nothing", "S6", on(org.hl7.fhir.r4.model.CareTeam.class, team,
        t -> t.getParticipantFirstRep().setMember(new Reference("PractitionerRole/not-in-the-input"))), "CareTeam.participant.member", "FHIR-007"));
    c.add(new Refusal("mentor by a literal reference to a RelatedPerson", "S6", bundle -> {
      String person = bundle.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.RelatedPerson).findFirst().orElseThrow().getFullUrl();
      on(org.hl7.fhir.r4.model.CareTeam.class, team, t -> t.getParticipantFirstRep().setMember(new Reference(person))).accept(bundle);
    }, "CareTeam.participant.member", "FHIR-008"));
    c.add(new Refusal("mentor's role and Practitioner without a mentor identifier", "S6", bundle -> {
      bundle.getEntry().forEach(e -> {
        if (e.getResource() instanceof org.hl7.fhir.r4.model.PractitionerRole r) {
          r.getIdentifierFirstRep().setSystem("urn:x");
        } else if (e.getResource() instanceof org.hl7.fhir.r4.model.Practitioner p) {
          p.getIdentifierFirstRep().setSystem("urn:x");
        }
      });
      on(org.hl7.fhir.r4.model.CareTeam.class, team, t -> t.getParticipantFirstRep().getMember().setIdentifier(null)).accept(bundle);
    }, "CareTeam.participant.member", "FHIR-007"));
    c.add(new Refusal("mentor not named", "S6", on(org.hl7.fhir.r4.model.CareTeam.class, team, t -> t.getParticipantFirstRep().setMember(null)),
        "CareTeam.participant.member", "FHIR-005"));
    c.add(new Refusal("visit without a contact mode", "S6", on(Encounter.class, "MENTOR_VISITED", e -> e.getType().remove(1)), "Encounter.type", "FHIR-005"));
    c.add(new Refusal("birth of a non-UUID infant", "S6", on(Encounter.class, "DELIVERED", e -> ((Identifier) ext(e, "birth").getExtensionByUrl("infant").getValue()).setValue("twin-1")), "Encounter.extension:birth.infant", "FHIR-009"));
    c.add(new Refusal("birth of an unknown sex code", "S6", on(Encounter.class, "DELIVERED", e -> ext(e, "birth").getExtensionByUrl("sex").setValue(new CodeType("x"))), "Encounter.extension:birth.sex", "FHIR-006"));
    c.add(new Refusal("birth weight of 100 g", "S6", on(Encounter.class, "DELIVERED", e -> ((Quantity) ext(e, "birth").getExtensionByUrl("weight").getValue()).setValue(100)), "Encounter.extension:birth", "DEL-004"));
    c.add(new Refusal("delivery without births", "S6", on(Encounter.class, "DELIVERED", e -> e.getExtension().remove(ext(e, "birth"))), "Encounter.extension:birth", "DEL-002"));
    c.add(new Refusal("appointment without a start", "S6", on(org.hl7.fhir.r4.model.Appointment.class, "APPOINTMENT_SET", a -> a.setStart(null)), "Appointment.start", "FHIR-005"));
    c.add(new Refusal("appointment of an unknown purpose", "S6", on(org.hl7.fhir.r4.model.Appointment.class, "APPOINTMENT_SET", a -> a.getServiceTypeFirstRep().getCodingFirstRep().setCode("DENTAL")), "Appointment.serviceType", "FHIR-006"));
    c.add(new Refusal("tracing with an unknown outcome", "S6", on(Task.class, "TRACING_ATTEMPTED", t -> t.getBusinessStatus().getCodingFirstRep().setCode("GONE")), "Task.businessStatus", "FHIR-006"));
    c.add(new Refusal("tracing without a mode", "S6", on(Task.class, "TRACING_ATTEMPTED", t -> t.getInput().clear()), "Task.input", "FHIR-005"));
    c.add(new Refusal("a Claim", "S6", add(new Claim().setId("c1")), "Claim", "FHIR-004"));
    c.add(new Refusal("an Observation of an unknown kind", "S6", add(new Observation().setCode(new CodeableConcept(new Coding("http://loinc.org", "8310-5", null))).setId("o1")), "Observation.code", "FHIR-004"));
    c.add(new Refusal("a third-party Observation without id", "S6", add(new Observation().setCode(new CodeableConcept(new Coding("http://loinc.org", "25836-8", null)))), "Observation.id", "FHIR-005"));
    c.add(new Refusal("two versions of one event", "S6", bundle -> {
      Observation copy = (Observation) bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(r -> r instanceof Observation && r.getMeta().getTag().stream().anyMatch(t -> t.getCode().equals(vl))).findFirst().orElseThrow().copy();
      copy.getValueQuantity().setValue(99);
      bundle.addEntry().setResource(copy);
    }, "Observation.identifier", "FHIR-012"));
    c.add(new Refusal("an event of another case", "S6", on(Observation.class, vl, o -> o.getIdentifierFirstRep().setValue("other-case/e1")), "Observation.identifier", "FHIR-010"));
    c.add(new Refusal("an event identifier of another shape", "S6", on(Observation.class, vl, o -> o.getIdentifierFirstRep().setValue("no-slash")), "Observation.identifier", "FHIR-009"));
    c.add(new Refusal("Provenance without its agents", "S6", bundle -> bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r instanceof Provenance).forEach(r -> ((Provenance) r).getAgent().clear()), "Provenance.agent", "FHIR-005"));
    c.add(new Refusal("an incomplete void", "S8", bundle -> {
      Observation o = (Observation) bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(r -> r instanceof Observation && r.getMeta().getTag().stream().anyMatch(t -> t.getCode().equals("MATERNAL_HIV_TESTED"))).findFirst().orElseThrow();
      o.addExtension().setUrl(U + "/StructureDefinition/voided").addExtension("id", new org.hl7.fhir.r4.model.StringType("v1"));
    }, "Observation.extension:voided", "FHIR-005"));
    c.add(new Refusal("maternal HIV test with an unknown result", "S8", on(Observation.class, "MATERNAL_HIV_TESTED", o -> o.setValue(new CodeableConcept(new Coding("urn:x", "y", null)))), "Observation.valueCodeableConcept", "FHIR-006"));
    c.add(new Refusal("cotrimoxazole of the mother", "S8", on(MedicationStatement.class, "COTRIMOXAZOLE_STARTED", m -> m.getSubject().getIdentifier().setSystem(U + "/sid/mother").setValue("mother-of-s8")), "MedicationStatement.subject", "FHIR-008"));
    c.add(new Refusal("transfer without a date", "S8", bundle -> bundle.addEntry().setResource(transfer()), "Basic.created", "FHIR-005"));
    return c;
  }

  private static Basic transfer() {
    Basic b = new Basic();
    b.getMeta().addTag(U + "/CodeSystem/event-kind", "TRANSFERRED_OUT", null);
    b.addIdentifier().setSystem(U + "/sid/event").setValue("s8/t1");
    b.setCode(new CodeableConcept(new Coding(U + "/CodeSystem/event-kind", "TRANSFERRED_OUT", null)));
    b.setSubject(new Reference().setIdentifier(new Identifier().setSystem(U + "/sid/mother").setValue("mother-of-s8")));
    return b;
  }

  @TestFactory
  List<DynamicTest> each_malformed_bundle_is_refused_whole() {
    FhirImporter importer = new FhirImporter(MAPPING);
    List<DynamicTest> tests = new ArrayList<>();
    for (Refusal r : corpus()) {
      tests.add(DynamicTest.dynamicTest(r.name(), () -> {
        Bundle bundle = export(r.scenario());
        r.breakIt().accept(bundle);
        String json = Scenarios.FHIR.newJsonParser().encodeResourceToString(bundle);
        CaseRegistry mentor = CaseRegistry.builder().build();
        CaseId caseId = CaseId.of(r.scenario().toLowerCase());
        InvalidFhirException e = catchThrowableOfType(InvalidFhirException.class,
            () -> importer.importInto(mentor, caseId, importer.parse(json), DEFAULTS));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.ruleId()).isEqualTo(r.rule());
        assertThat(e.element()).isEqualTo(r.element());
        assertThat(mentor.caseIds()).as("the target is unchanged").isEmpty();
      }));
    }
    return tests;
  }

  private record TextRefusal(String name, String input, int maxResources, String rule) {}

  @TestFactory
  List<DynamicTest> each_malformed_document_is_refused() {
    String valid = Scenarios.FHIR.newJsonParser().encodeResourceToString(export("S6"));
    List<TextRefusal> corpus = List.of(
        new TextRefusal("not JSON", "{\"resourceType\": \"Bundle\", ", 10_000, "FHIR-001"),
        new TextRefusal("an element R4 does not define", "{\"resourceType\":\"Observation\",\"id\":\"x\",\"colour\":\"red\"}", 10_000, "FHIR-001"),
        new TextRefusal("a resource type R4 does not define", "{\"resourceType\":\"Spaceship\"}", 10_000, "FHIR-001"),
        new TextRefusal("XML with an external entity", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"&e;\"/></Observation>", 10_000, "FHIR-002"),
        new TextRefusal("XML with a DOCTYPE only", "<!DOCTYPE Observation><Observation xmlns=\"http://hl7.org/fhir\"/>", 10_000, "FHIR-002"),
        new TextRefusal("a document Bundle", "{\"resourceType\":\"Bundle\",\"type\":\"document\"}", 10_000, "FHIR-011"),
        new TextRefusal("a bundle over the size limit", valid, 5, "FHIR-003"));
    List<DynamicTest> tests = new ArrayList<>();
    for (TextRefusal r : corpus) {
      tests.add(DynamicTest.dynamicTest(r.name(), () -> {
        FhirImporter importer = new FhirImporter(MAPPING, r.maxResources(), 50_000_000L);
        InvalidFhirException e = catchThrowableOfType(InvalidFhirException.class, () -> importer.parse(r.input()));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.ruleId()).isEqualTo(r.rule());
      }));
    }
    tests.add(DynamicTest.dynamicTest("input over the character limit", () -> {
      InvalidFhirException e = catchThrowableOfType(InvalidFhirException.class, () -> new FhirImporter(MAPPING, 10_000, 100).parse(valid));
      assertThat(e.ruleId()).isEqualTo("FHIR-003");
    }));
    tests.add(DynamicTest.dynamicTest("an NDJSON line that is not a resource", () -> {
      InvalidFhirException e = catchThrowableOfType(InvalidFhirException.class,
          () -> new FhirImporter(MAPPING).parseNdjson(new StringReader("{\"resourceType\":\"Observation\",\"status\":\"final\"}\nnot json\n")));
      assertThat(e.ruleId()).isEqualTo("FHIR-001");
      assertThat(e.resource()).isEqualTo("line 2");
    }));
    return tests;
  }
}
