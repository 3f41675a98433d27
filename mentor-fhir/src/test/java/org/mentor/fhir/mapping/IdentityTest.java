package org.mentor.fhir.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.mentor.core.EventId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.Scenarios;

/** MAPPING.md §7: a correction updates its root's resource; a void becomes entered-in-error; a vanished milestone is revoked. Literal values from S1 and S7. */
class IdentityTest {
  private static final FhirMapping MAPPING = Scenarios.mapping();
  private final CaseBuilder s1 = Scenarios.all().get("S1").builder();
  private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);

  private static Observation vl(CaseResources r) {
    return (Observation) r.resources().stream().filter(x -> x instanceof Observation o && o.getCode().getCodingFirstRep().getCode().equals("20447-9"))
        .findFirst().orElseThrow();
  }

  @Test
  void a_correction_updates_the_resource_of_its_root() {
    CaseFile file = s1.file();
    ViralLoadResulted first = (ViralLoadResulted) file.event(EventId.of("s1-e4")).orElseThrow();
    CaseFile corrected = file.record(new Corrected(first.id(), new ViralLoadResulted(EventId.of("fix-1"), first.occurredOn(),
        Instant.parse("2025-07-30T09:00:00Z"), first.recordedBy(), first.resultDate(), ViralLoad.copies(55))));
    Observation before = vl(MAPPING.map(file, Protocol.who2021(), AS_OF));
    Observation after = vl(MAPPING.map(corrected, Protocol.who2021(), AS_OF));
    assertThat(after.getIdElement().getIdPart()).isEqualTo(before.getIdElement().getIdPart());
    assertThat(after.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.example.org/mentor/sid/event");
    assertThat(after.getIdentifierFirstRep().getValue()).isEqualTo("s1/s1-e4");
    assertThat(after.getValueQuantity().getValue().intValue()).isEqualTo(55);
    assertThat(after.getExtensionByUrl("https://fhir.example.org/mentor/StructureDefinition/event-id").getValue().primitiveValue()).isEqualTo("fix-1");
    assertThat(before.getValueQuantity().getValue().intValue()).isEqualTo(45);
    assertThat(before.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(before.getValueQuantity().getCode()).isEqualTo("{copies}/mL");
    assertThat(before.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-07-28");
    assertThat(before.getMeta().getSecurity()).extracting(c -> c.getSystem() + "|" + c.getCode())
        .containsExactly("http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R", "http://terminology.hl7.org/CodeSystem/v3-ActCode|HIV");
  }

  @Test
  void a_void_marks_the_resource_entered_in_error() {
    CaseFile file = s1.file();
    CaseFile voided = file.record(new Voided(EventId.of("void-1"), LocalDate.of(2025, 7, 29), Instant.parse("2025-07-29T10:00:00Z"),
        CaseBuilder.CLINIC, EventId.of("s1-e4"), "wrong patient"));
    Observation before = vl(MAPPING.map(file, Protocol.who2021(), AS_OF));
    Observation after = vl(MAPPING.map(voided, Protocol.who2021(), AS_OF));
    assertThat(after.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
    assertThat(after.getIdElement().getIdPart()).isEqualTo(before.getIdElement().getIdPart());
    assertThat(after.getExtensionByUrl("https://fhir.example.org/mentor/StructureDefinition/voided").getExtensionByUrl("reason").getValue()
        .primitiveValue()).isEqualTo("wrong patient");
  }

  /**
   * S7 up to step 5 (shared/clinical/scenarios.md): the positive NAT of 2025-11-03 (result 2025-11-17)
   * creates the confirmatory NAT and the infant ART start, both due 2025-11-17 (E1). Voiding that
   * result removes their anchor, so both milestones disappear: the requests sent before come back
   * withdrawn under the same identity (ServiceRequest revoked, MedicationRequest cancelled).
   */
  @Test
  void a_voided_positive_nat_revokes_the_confirmatory_nat_and_infant_art_requests() {
    CaseBuilder s7 = aCase("s7").lmp(LocalDate.of(2024, 12, 16)).enrolledAtAnc(LocalDate.of(2025, 7, 14)).startedArt(LocalDate.of(2025, 7, 14))
        .viralLoad(LocalDate.of(2025, 8, 18), ViralLoad.copies(850)).delivered(LocalDate.of(2025, 9, 22)).breastfed()
        .viralLoad(LocalDate.of(2025, 9, 22), ViralLoad.belowLimit(50)).prophylaxisStarted(LocalDate.of(2025, 9, 22))
        .nat(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 17), InfantTestResult.POSITIVE);
    CaseFile file = s7.file();
    LocalDate asOf = LocalDate.of(2025, 11, 20);
    CaseFile voided = file.record(new Voided(EventId.of("void-nat"), LocalDate.of(2025, 11, 18), Instant.parse("2025-11-18T10:00:00Z"),
        CaseBuilder.CLINIC, EventId.of("s7-e8"), "result of another infant"));
    CaseResources before = MAPPING.map(file, Protocol.who2021(), asOf);
    CaseResources now = MAPPING.map(voided, Protocol.who2021(), asOf);

    List<Resource> revoked = MAPPING.revocations(before, now);
    String infant = "abff413e-4026-391c-bc55-7e545ffcf39d";
    assertThat(revoked).extracting(r -> r.fhirType() + " " + ((Identifier) Scenarios.FHIR.newTerser().getValues(r, r.fhirType() + ".identifier").get(0)).getValue())
        .containsExactlyInAnyOrder("ServiceRequest s7/CONFIRMATORY_NAT@" + infant, "MedicationRequest s7/INFANT_ART_START@" + infant);
    ServiceRequest nat = (ServiceRequest) revoked.stream().filter(r -> r instanceof ServiceRequest).findFirst().orElseThrow();
    assertThat(nat.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
    assertThat(nat.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.example.org/mentor/sid/milestone");
    assertThat(nat.getExtensionByUrl("https://fhir.example.org/mentor/StructureDefinition/milestone-due").getValue().primitiveValue()).isEqualTo("2025-11-17");
    MedicationRequest art = (MedicationRequest) revoked.stream().filter(r -> r instanceof MedicationRequest).findFirst().orElseThrow();
    assertThat(art.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.CANCELLED);
    assertThat(art.getExtensionByUrl("https://fhir.example.org/mentor/StructureDefinition/milestone-due").getValue().primitiveValue()).isEqualTo("2025-11-17");
    // The same identity as the requests sent before, and gone from the new mapping.
    for (Resource r : revoked) {
      assertThat(before.resources()).anyMatch(b -> b.fhirType().equals(r.fhirType()) && b.getIdElement().getIdPart().equals(r.getIdElement().getIdPart()));
      assertThat(now.resources()).noneMatch(n -> n.fhirType().equals(r.fhirType()) && n.getIdElement().getIdPart().equals(r.getIdElement().getIdPart()));
      assertThat(Labels.carried(r)).isTrue();
    }
    // The positive result itself stays, withdrawn.
    Observation result = (Observation) now.resources().stream().filter(r -> r instanceof Observation o
        && o.getIdentifierFirstRep().getValue().equals("s7/s7-e8")).findFirst().orElseThrow();
    assertThat(result.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
    assertThat(MAPPING.revocations(before, before)).isEmpty();
  }

  @Test
  void the_s1_viral_load_milestone_is_a_completed_service_request_the_result_is_based_on() {
    CaseResources r = MAPPING.map(s1.file(), Protocol.who2021(), AS_OF);
    ServiceRequest art3m = (ServiceRequest) r.resources().stream().filter(x -> x instanceof ServiceRequest s
        && s.getIdentifierFirstRep().getValue().equals("s1/VL_ART_3M")).findFirst().orElseThrow();
    assertThat(art3m.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED); // S1 step 1: DONE 2025-07-28
    assertThat(art3m.getOccurrencePeriod().getStartElement().getValueAsString()).isEqualTo("2025-07-14");
    assertThat(art3m.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2025-07-28");
    assertThat(vl(r).getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + art3m.getIdElement().getIdPart());
    assertThat(Optional.of(art3m.getCode().getCoding()).orElseThrow()).anyMatch(c -> c.getSystem().equals("http://loinc.org") && c.getCode().equals("20447-9"));
  }
}
