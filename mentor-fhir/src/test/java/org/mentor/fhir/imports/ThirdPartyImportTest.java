package org.mentor.fhir.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.InvalidFhirException;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.mapping.CaseReader.Defaults;
import org.mentor.fhir.mapping.FhirMapping;

/**
 * Resources written by other systems import into an existing case: a lab's viral load with only
 * LOINC 25836-8 and {@code <40}, a Patient known only by its national id, server-assigned ids.
 */
class ThirdPartyImportTest {
  private static final String NATIONAL_ID = "https://moh.example.org/sid/national-id";
  private static final FhirMapping MAPPING = FhirMapping.builder(Scenarios.FHIR, Scenarios.BASE).motherIdentifierSystem(NATIONAL_ID).build();
  private static final FhirImporter IMPORTER = new FhirImporter(MAPPING);
  private static final RecordedBy LAB = new RecordedBy("lab-interface", "lab-7", "lims");
  private static final Defaults DEFAULTS = new Defaults(LAB, Instant.parse("2025-12-01T08:00:00Z"));

  private static final CaseBuilder S6 = Scenarios.all().get("S6").builder();

  private CaseRegistry mentorWithS6() {
    CaseRegistry mentor = CaseRegistry.builder().build();
    IMPORTER.importInto(mentor, S6.caseId(), IMPORTER.inputs(bundle(MAPPING.transaction(MAPPING.map(S6.file(),
        org.mentor.core.protocol.Protocol.who2021(), LocalDate.of(2025, 11, 20))))), DEFAULTS);
    return mentor;
  }

  private static org.hl7.fhir.r4.model.Resource bundle(org.hl7.fhir.r4.model.Bundle b) {
    return b;
  }

  private static final String LAB_VL = """
      {"resourceType":"Bundle","type":"searchset","entry":[
        {"fullUrl":"http://lab.example.org/fhir/Patient/123","resource":{"resourceType":"Patient","id":"123",
          "identifier":[{"system":"https://moh.example.org/sid/national-id","value":"mother-of-s6"}]},"search":{"mode":"include"}},
        {"fullUrl":"http://lab.example.org/fhir/Observation/9001","resource":{"resourceType":"Observation","id":"9001",
          "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"25836-8"}]},
          "subject":{"reference":"Patient/123"},"effectiveDateTime":"2025-11-24T09:30:00+02:00",
          "valueQuantity":{"value":40,"comparator":"<","unit":"copies/mL","system":"http://unitsofmeasure.org","code":"{copies}/mL"}},
          "search":{"mode":"match"}},
        {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational"}]},"search":{"mode":"outcome"}}
      ]}""";

  @Test
  void a_lab_viral_load_with_only_LOINC_and_below_40_imports() {
    CaseRegistry mentor = mentorWithS6();
    long before = mentor.file(S6.caseId()).version();
    ImportedCase imported = IMPORTER.importInto(mentor, S6.caseId(), IMPORTER.parse(LAB_VL), DEFAULTS);
    assertThat(imported.newEvents()).hasSize(1);
    ViralLoadResulted vl = (ViralLoadResulted) imported.newEvents().get(0);
    assertThat(vl.result()).isEqualTo(ViralLoad.belowLimit(40));
    assertThat(vl.sampleDate()).isEqualTo(LocalDate.of(2025, 11, 24));
    assertThat(vl.resultDate()).isEqualTo(LocalDate.of(2025, 11, 24)); // no issued: the sample date
    assertThat(vl.id().value()).isEqualTo("fhir:Observation/9001");
    assertThat(vl.recordedBy()).isEqualTo(LAB);
    assertThat(mentor.file(S6.caseId()).version()).isEqualTo(before + 1);
    // The same lab message again changes nothing.
    assertThat(IMPORTER.importInto(mentor, S6.caseId(), IMPORTER.parse(LAB_VL), DEFAULTS).newEvents()).isEmpty();
  }

  @Test
  void an_infant_NAT_by_total_nucleic_acid_and_a_text_below_limit_import() {
    CaseRegistry mentor = mentorWithS6();
    String infant = S6.infantA().toString();
    String json = """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"Observation","id":"n1","status":"final",
            "code":{"coding":[{"system":"http://loinc.org","code":"79380-2"}]},
            "subject":{"identifier":{"system":"https://fhir.example.org/mentor/sid/infant","value":"%s"}},
            "effectiveDateTime":"2025-11-14","issued":"2025-11-18T10:00:00Z",
            "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"260385009"}]}}},
          {"resource":{"resourceType":"Observation","id":"v2","status":"final",
            "code":{"coding":[{"system":"http://loinc.org","code":"20447-9"}]},
            "subject":{"identifier":{"system":"https://moh.example.org/sid/national-id","value":"mother-of-s6"}},
            "effectiveDateTime":"2025-11-17","valueString":"<20 copies/mL"}},
          {"resource":{"resourceType":"Observation","id":"h1","status":"final",
            "code":{"coding":[{"system":"http://smart.who.int/hiv/CodeSystem/HIVConcepts","code":"HIV.B.DE111"}]},
            "subject":{"identifier":{"system":"https://moh.example.org/sid/national-id","value":"mother-of-s6"}},
            "effectiveDateTime":"2025-11-17",
            "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"10828004"}]}}}
        ]}""".formatted(infant);
    ImportedCase imported = IMPORTER.importInto(mentor, S6.caseId(), IMPORTER.parse(json), DEFAULTS);
    assertThat(imported.newEvents()).hasSize(3);
    PathwayEvent nat = imported.newEvents().stream().filter(e -> e instanceof InfantHivTested).findFirst().orElseThrow();
    assertThat(((InfantHivTested) nat).testType()).isEqualTo(InfantTestType.NAT);
    assertThat(((InfantHivTested) nat).result()).isEqualTo(InfantTestResult.NEGATIVE);
    assertThat(((InfantHivTested) nat).resultDate()).contains(LocalDate.of(2025, 11, 18));
    assertThat(imported.newEvents()).anyMatch(e -> e instanceof ViralLoadResulted v && v.result().equals(ViralLoad.belowLimit(20)));
    assertThat(imported.newEvents()).anyMatch(e -> e instanceof MaternalHivTested t && t.result() == HivTestResult.POSITIVE);
  }

  /**
   * The mentor a CareTeam names imports in every form a sender may use: the mentor identifier
   * alone with no Practitioner sent (exports before Practitioner/PractitionerRole were written,
   * and systems that know only the id), a literal reference alone to the PractitionerRole, or a
   * literal reference alone to the Practitioner.
   */
  @Test
  void a_mentor_named_by_identifier_only_or_by_a_literal_reference_only_imports() {
    org.mentor.core.pathway.CaseFile original = S6.file();
    org.hl7.fhir.r4.model.Bundle sent = MAPPING.transaction(MAPPING.map(original, org.mentor.core.protocol.Protocol.who2021(), LocalDate.of(2025, 11, 20)));
    String mentorSystem = Scenarios.BASE + "/sid/mentor";
    String practitionerUrl = sent.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Practitioner).findFirst().orElseThrow().getFullUrl();

    org.hl7.fhir.r4.model.Bundle identifierOnly = sent.copy();
    identifierOnly.getEntry().removeIf(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Practitioner
        || e.getResource() instanceof org.hl7.fhir.r4.model.PractitionerRole);
    org.hl7.fhir.r4.model.Bundle roleOnly = sent.copy();
    org.hl7.fhir.r4.model.Bundle practitionerOnly = sent.copy();
    int changed = 0;
    for (org.hl7.fhir.r4.model.Bundle b : java.util.List.of(identifierOnly, roleOnly, practitionerOnly)) {
      for (org.hl7.fhir.r4.model.Bundle.BundleEntryComponent e : b.getEntry()) {
        for (org.hl7.fhir.r4.model.Reference ref : Scenarios.FHIR.newTerser().getAllPopulatedChildElementsOfType(e.getResource(), org.hl7.fhir.r4.model.Reference.class)) {
          if (!mentorSystem.equals(ref.getIdentifier().getSystem())) {
            continue;
          }
          changed++;
          if (b == identifierOnly) {
            ref.setReference(null).setType("Practitioner"); // the older form
          } else {
            ref.setIdentifier(null);
            if (b == practitionerOnly) {
              ref.setReference(practitionerUrl).setType("Practitioner");
            }
          }
        }
      }
    }
    assertThat(changed).as("S6's resources name the mentor").isGreaterThan(3);
    for (org.hl7.fhir.r4.model.Bundle b : java.util.List.of(identifierOnly, roleOnly, practitionerOnly)) {
      CaseRegistry mentor = CaseRegistry.builder().build();
      String json = Scenarios.FHIR.newJsonParser().encodeResourceToString(b);
      org.mentor.core.pathway.CaseFile back = IMPORTER.importInto(mentor, S6.caseId(), IMPORTER.parse(json), DEFAULTS).file();
      assertThat(back.facts().events()).isEqualTo(original.facts().events());
      assertThat(back.facts().mentors().latest(m -> true).map(org.mentor.core.pathway.MentorAssigned::mentor))
          .contains(org.mentor.core.MentorId.of("mentor-7")); // S6 fixture: mentor-7 assigned 2024-11-04
    }
  }

  @Test
  void a_refused_third_party_resource_leaves_the_existing_case_unchanged() {
    CaseRegistry mentor = mentorWithS6();
    var before = mentor.file(S6.caseId());
    String negative = LAB_VL.replace("\"value\":40,\"comparator\":\"<\"", "\"value\":-3");
    InvalidFhirException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidFhirException.class,
        () -> IMPORTER.importInto(mentor, S6.caseId(), IMPORTER.parse(negative), DEFAULTS));
    assertThat(e.ruleId()).isEqualTo("VL-001");
    assertThat(e.resource()).isEqualTo("Observation[1]");
    assertThat(e.getMessage()).doesNotContain("-3").doesNotContain("mother-of-s6");
    assertThat(mentor.file(S6.caseId())).isSameAs(before);
  }

  @Test
  void resources_of_an_unknown_case_are_refused() {
    CaseRegistry mentor = CaseRegistry.builder().build();
    InvalidFhirException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidFhirException.class,
        () -> IMPORTER.importInto(mentor, CaseId.of("nobody"), IMPORTER.parse(LAB_VL), DEFAULTS));
    assertThat(e.ruleId()).isEqualTo("CASE-002"); // a case's first event is its enrolment
    assertThat(mentor.caseIds()).isEmpty();
  }
}
