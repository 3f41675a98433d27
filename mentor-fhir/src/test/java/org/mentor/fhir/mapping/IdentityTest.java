package org.mentor.fhir.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.mentor.core.EventId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.Scenarios;

/** MAPPING.md §7: a correction updates its root's resource; a void becomes entered-in-error; a vanished milestone is revoked. Literal values from S1. */
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
  void a_void_marks_the_resource_entered_in_error_and_its_milestone_revoked() {
    CaseFile file = s1.file();
    CaseFile voided = file.record(new Voided(EventId.of("void-1"), LocalDate.of(2025, 7, 29), Instant.parse("2025-07-29T10:00:00Z"),
        CaseBuilder.CLINIC, EventId.of("s1-e4"), "wrong patient"));
    Observation after = vl(MAPPING.map(voided, Protocol.who2021(), AS_OF));
    assertThat(after.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
    CaseResources before = MAPPING.map(file, Protocol.who2021(), AS_OF);
    CaseResources now = MAPPING.map(voided, Protocol.who2021(), AS_OF);
    // With the VL gone, the follow-on occurrences anchored on it disappear: they are revoked, not left active.
    for (Resource r : MAPPING.revocations(before, now)) {
      if (r instanceof ServiceRequest sr) {
        assertThat(sr.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
      }
    }
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
