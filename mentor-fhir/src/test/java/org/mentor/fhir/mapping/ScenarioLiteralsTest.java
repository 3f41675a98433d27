package org.mentor.fhir.mapping;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.mentor.core.EventId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.Scenarios;
import org.mentor.fhir.Scenarios.Scenario;
import org.mentor.fhir.Validation;

/**
 * Literal codes, values, dates, references and labels of the worked scenarios S4, S6 and S7
 * (shared/clinical/scenarios.md, step cited on each assertion) as shared/fhir/MAPPING.md maps
 * them. Every expected value is written out here, never read from the production constants.
 */
class ScenarioLiteralsTest {
  private static final FhirMapping MAPPING = Scenarios.mapping();
  private static final String BASE = "https://fhir.example.org/mentor";
  private static final String LOINC = "http://loinc.org";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String UCUM = "http://unitsofmeasure.org";
  private static final String ATC = "http://www.whocc.no/atc";
  private static final String SMART = "http://smart.who.int/hiv/CodeSystem/HIVConcepts";
  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final List<String> LABELS = List.of("http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R", ACT_CODE + "|HIV");

  // The infants' UUIDs (CaseBuilder names them from the case id), spelled out so a change shows.
  private static final String S4_INFANT = "070c97e5-8a21-3172-808d-6ea69dc78a16";
  private static final String S6_INFANT = "a5480760-6c16-3f07-baac-514432c4dd7f";
  private static final String S7_INFANT = "abff413e-4026-391c-bc55-7e545ffcf39d";

  private static CaseResources map(String name) {
    Scenario s = Scenarios.all().get(name);
    return MAPPING.map(s.builder().file(), Protocol.who2021(), s.asOf());
  }

  /** The resource of a type whose first identifier is {@code system|value}. */
  private static <R extends Resource> R byIdentifier(CaseResources resources, Class<R> type, String system, String value) {
    return resources.resources().stream().filter(type::isInstance).map(type::cast)
        .filter(r -> identifiers(r).stream().anyMatch(i -> system.equals(i.getSystem()) && value.equals(i.getValue())))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + value));
  }

  private static List<Identifier> identifiers(Resource r) {
    return Scenarios.FHIR.newTerser().getValues(r, r.fhirType() + ".identifier", Identifier.class);
  }

  private static <R extends Resource> R event(CaseResources resources, Class<R> type, String value) {
    return byIdentifier(resources, type, BASE + "/sid/event", value);
  }

  private static <R extends Resource> R milestone(CaseResources resources, Class<R> type, String value) {
    return byIdentifier(resources, type, BASE + "/sid/milestone", value);
  }

  private static List<String> codes(CodeableConcept concept) {
    return concept.getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList();
  }

  private static String ext(DomainResource r, String name) {
    return r.getExtensionByUrl(BASE + "/StructureDefinition/" + name).getValue().primitiveValue();
  }

  private static String ref(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }

  private static void labelled(Resource r) {
    assertThat(r.getMeta().getSecurity()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactlyElementsOf(LABELS);
  }

  // ---- S4: high-risk infant because of high maternal VL near delivery.

  @Test
  void s4_viral_load_15400_near_delivery_is_a_quantity_in_copies_per_ml() {
    CaseResources r = map("S4");
    Observation vl = event(r, Observation.class, "s4/s4-e4"); // S4 facts: VL 2025-10-22 (36w2d) = 15 400
    assertThat(codes(vl.getCode())).containsExactly(LOINC + "|20447-9", SMART + "|HIV.G.DE12");
    assertThat(vl.getValueQuantity().getValue().intValue()).isEqualTo(15_400);
    assertThat(vl.getValueQuantity().hasComparator()).isFalse();
    assertThat(vl.getValueQuantity().getSystem()).isEqualTo(UCUM);
    assertThat(vl.getValueQuantity().getCode()).isEqualTo("{copies}/mL");
    assertThat(vl.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-10-22");
    labelled(vl);
    // Step 3: the 2025-10-22 VL satisfies V10 (and V4): the result is based on a completed request.
    assertThat(vl.getBasedOnFirstRep().getReference()).isEqualTo(ref(milestone(r, ServiceRequest.class, "s4/VL_FOLLOW_UP#1")));
    // Step 4: repeat VL due 2026-01-22, window 2026-01-08, overdue from 2026-02-19.
    ServiceRequest repeat = milestone(r, ServiceRequest.class, "s4/VL_FOLLOW_UP#2");
    assertThat(repeat.getOccurrencePeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-08");
    assertThat(repeat.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2026-01-22");
    assertThat(ext(repeat, "milestone-overdue-from")).isEqualTo("2026-02-19");
    // Step 8: VL 2026-01-22 <50, breastfeeding → next VL due 2026-07-22.
    assertThat(ext(milestone(r, ServiceRequest.class, "s4/VL_BREASTFEEDING#2"), "milestone-due")).isEqualTo("2026-07-22");
  }

  @Test
  void s4_prophylaxis_is_a_medication_statement_and_its_start_and_stop_are_medication_requests() {
    CaseResources r = map("S4");
    // Step 6: prophylaxis from 2025-11-10 (the fixture records the NVP course the event names).
    MedicationStatement given = event(r, MedicationStatement.class, "s4/s4-e7");
    assertThat(codes(given.getMedicationCodeableConcept()))
        .contains(SMART + "|HIV.D.DE138", ATC + "|J05AG01", SNOMED + "|386898005");
    assertThat(codes(given.getReasonCodeFirstRep())).containsExactly(SMART + "|HIV.E.DE166");
    assertThat(given.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2025-11-10");
    assertThat(given.getSubject().getIdentifier().getSystem()).isEqualTo(BASE + "/sid/infant");
    assertThat(given.getSubject().getIdentifier().getValue()).isEqualTo(S4_INFANT);
    labelled(given);
    MedicationRequest start = milestone(r, MedicationRequest.class, "s4/PROPHYLAXIS_START@" + S4_INFANT);
    assertThat(start.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.PLAN);
    assertThat(start.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.COMPLETED);
    assertThat(ext(start, "milestone-due")).isEqualTo("2025-11-10");
    // Step 6: NVP stops 2026-02-02; on 2026-02-01 that is still ahead (draft).
    MedicationRequest stop = milestone(r, MedicationRequest.class, "s4/PROPHYLAXIS_STOP@" + S4_INFANT);
    assertThat(ext(stop, "milestone-due")).isEqualTo("2026-02-02");
    assertThat(stop.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);
    labelled(stop);
  }

  @Test
  void s4_nat_6w_is_a_service_request_with_the_scenario_dates_and_a_task_once_overdue() {
    CaseResources r = map("S4");
    // Step 7: NAT_6W window 2025-12-08, due 2025-12-22, overdue from 2026-01-19; no NAT by 2026-02-01.
    ServiceRequest nat = milestone(r, ServiceRequest.class, "s4/NAT_6W@" + S4_INFANT);
    assertThat(nat.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.PLAN);
    assertThat(codes(nat.getCode())).contains(LOINC + "|44871-2", SMART + "|HIV.E.DE171");
    assertThat(nat.getOccurrencePeriod().getStartElement().getValueAsString()).isEqualTo("2025-12-08");
    assertThat(nat.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2025-12-22");
    assertThat(ext(nat, "milestone-overdue-from")).isEqualTo("2026-01-19");
    assertThat(nat.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
    assertThat(nat.getSubject().getIdentifier().getValue()).isEqualTo(S4_INFANT);
    labelled(nat);
    Task overdue = milestone(r, Task.class, "s4/NAT_6W@" + S4_INFANT + "%2Ffollow-up");
    assertThat(overdue.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
    assertThat(overdue.getFocus().getReference()).isEqualTo(ref(nat));
    assertThat(overdue.getExecutionPeriod().getStartElement().getValueAsString()).isEqualTo("2025-12-23");
  }

  // ---- S6: missed visit → tracing → return, VL 24 000.

  @Test
  void s6_appointment_tracing_tasks_and_return() {
    CaseResources r = map("S6");
    // Facts: visit 2025-08-11 with next appointment 2025-09-08.
    Appointment appointment = event(r, Appointment.class, "s6/s6-e8");
    assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
    assertThat(appointment.getCreatedElement().getValueAsString()).isEqualTo("2025-08-11");
    assertThat(appointment.getStart().toInstant()).isEqualTo(Instant.parse("2025-09-08T00:00:00Z"));
    assertThat(appointment.getParticipantFirstRep().getActor().getIdentifier().getValue()).isEqualTo("mother-of-s6");
    labelled(appointment);
    // Facts / step 1: tracing by phone 2025-09-10 not reached, home visit 2025-09-15 not located.
    Task phone = event(r, Task.class, "s6/s6-e9");
    Task home = event(r, Task.class, "s6/s6-e10");
    for (Task t : List.of(phone, home)) {
      assertThat(t.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
      assertThat(codes(t.getReasonCode())).containsExactly(SMART + "|HIV.H.DE2");
      assertThat(t.getFor().getIdentifier().getValue()).isEqualTo("mother-of-s6");
      labelled(t);
    }
    assertThat(phone.getExecutionPeriod().getStartElement().getValueAsString()).isEqualTo("2025-09-10");
    assertThat(codes((CodeableConcept) phone.getInputFirstRep().getValue())).contains(SMART + "|HIV.H.DE16");
    assertThat(codes(phone.getBusinessStatus())).containsExactly(BASE + "/CodeSystem/tracing-outcome|NOT_REACHED");
    assertThat(home.getExecutionPeriod().getStartElement().getValueAsString()).isEqualTo("2025-09-15");
    assertThat(codes((CodeableConcept) home.getInputFirstRep().getValue())).contains(SMART + "|HIV.H.DE14");
    assertThat(codes(home.getBusinessStatus())).containsExactly(BASE + "/CodeSystem/tracing-outcome|NOT_LOCATED");
    // Return 2025-11-03: an ambulatory Encounter.
    Encounter returned = event(r, Encounter.class, "s6/s6-e11");
    assertThat(returned.getClass_().getSystem() + "|" + returned.getClass_().getCode()).isEqualTo(ACT_CODE + "|AMB");
    assertThat(returned.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-11-03");
  }

  @Test
  void s6_viral_load_24000_on_return_and_its_repeat() {
    CaseResources r = map("S6");
    // Facts: VL on return 2025-11-03, result 2025-11-10 = 24 000.
    Observation vl = r.resources().stream().filter(x -> x instanceof Observation o && o.hasValueQuantity()
        && o.getCode().getCoding().stream().anyMatch(c -> c.getCode().equals("20447-9"))).map(Observation.class::cast).findFirst().orElseThrow();
    assertThat(vl.getValueQuantity().getValue().intValue()).isEqualTo(24_000);
    assertThat(vl.getValueQuantity().hasComparator()).isFalse();
    assertThat(vl.getValueQuantity().getUnit()).isEqualTo("copies/mL");
    assertThat(vl.getValueQuantity().getSystem()).isEqualTo(UCUM);
    assertThat(vl.getValueQuantity().getCode()).isEqualTo("{copies}/mL");
    assertThat(vl.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-11-03");
    assertThat(vl.getIssued().toInstant()).isEqualTo(Instant.parse("2025-11-10T00:00:00Z"));
    assertThat(codes(vl.getCategoryFirstRep())).containsExactly("http://terminology.hl7.org/CodeSystem/observation-category|laboratory");
    labelled(vl);
    // Step 2: repeat VL due 2026-02-03, window 2026-01-20, overdue from 2026-03-03.
    ServiceRequest repeat = r.resources().stream().filter(x -> x instanceof ServiceRequest s && s.getIdentifierFirstRep().getValue().startsWith("s6/VL_FOLLOW_UP"))
        .map(ServiceRequest.class::cast).findFirst().orElseThrow();
    assertThat(repeat.getOccurrencePeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-20");
    assertThat(repeat.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2026-02-03");
    assertThat(ext(repeat, "milestone-overdue-from")).isEqualTo("2026-03-03");
    assertThat(codes(repeat.getCode())).contains(LOINC + "|20447-9");
  }

  @Test
  void s6_the_mentor_is_a_practitioner_with_a_mentor_mother_role_that_every_reference_names() {
    CaseResources r = map("S6");
    // S6 fixture: mentor "mentor-7" assigned 2024-11-04, home visit 2024-12-02.
    Practitioner practitioner = byIdentifier(r, Practitioner.class, BASE + "/sid/mentor", "mentor-7");
    assertThat(practitioner.hasName()).isFalse();
    labelled(practitioner);
    PractitionerRole role = byIdentifier(r, PractitionerRole.class, BASE + "/sid/mentor", "mentor-7");
    assertThat(role.getCodeFirstRep().getText()).isEqualTo("Mentor mother"); // MAPPING.md §1
    assertThat(role.getPractitioner().getReference()).isEqualTo(ref(practitioner));
    labelled(role);
    assertThat(r.ofType("Practitioner")).hasSize(1);
    assertThat(r.ofType("PractitionerRole")).hasSize(1);

    CareTeam team = event(r, CareTeam.class, "s6/s6-e14");
    Encounter visit = event(r, Encounter.class, "s6/s6-e15");
    EpisodeOfCare episode = event(r, EpisodeOfCare.class, "s6/s6-e1");
    assertThat(visit.getClass_().getSystem() + "|" + visit.getClass_().getCode()).isEqualTo(ACT_CODE + "|HH"); // MAPPING.md §3 home visit
    assertThat(visit.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-12-02");
    List<Reference> toMentor = new java.util.ArrayList<>(List.of(team.getParticipantFirstRep().getMember(),
        visit.getParticipantFirstRep().getIndividual(), episode.getCareManager()));
    r.resources().stream().filter(x -> x instanceof Task t && t.hasOwner()).forEach(t -> toMentor.add(((Task) t).getOwner()));
    assertThat(toMentor).hasSizeGreaterThan(3); // S6 has late milestones, whose Tasks name the mentor
    for (Reference reference : toMentor) {
      assertThat(reference.getReference()).isEqualTo(ref(role));
      assertThat(reference.getIdentifier().getSystem()).isEqualTo(BASE + "/sid/mentor");
      assertThat(reference.getIdentifier().getValue()).isEqualTo("mentor-7");
    }

    // MAPPING.md §7: conditional update on the identifier; references between entries as urn:uuid.
    Bundle tx = MAPPING.transaction(r);
    Bundle.BundleEntryComponent practitionerEntry = tx.getEntry().stream().filter(e -> e.getResource() instanceof Practitioner).findFirst().orElseThrow();
    assertThat(practitionerEntry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
    assertThat(practitionerEntry.getRequest().getUrl()).isEqualTo("Practitioner?identifier=https%3A%2F%2Ffhir.example.org%2Fmentor%2Fsid%2Fmentor%7Cmentor-7");
    Bundle.BundleEntryComponent roleEntry = tx.getEntry().stream().filter(e -> e.getResource() instanceof PractitionerRole).findFirst().orElseThrow();
    assertThat(roleEntry.getRequest().getUrl()).isEqualTo("PractitionerRole?identifier=https%3A%2F%2Ffhir.example.org%2Fmentor%2Fsid%2Fmentor%7Cmentor-7");
    assertThat(((PractitionerRole) roleEntry.getResource()).getPractitioner().getReference()).isEqualTo(practitionerEntry.getFullUrl());
    CareTeam sentTeam = (CareTeam) tx.getEntry().stream().filter(e -> e.getResource() instanceof CareTeam).findFirst().orElseThrow().getResource();
    assertThat(sentTeam.getParticipantFirstRep().getMember().getReference()).isEqualTo(roleEntry.getFullUrl());
    assertThat(Validation.errors(practitioner)).isEmpty();
    assertThat(Validation.errors(role)).isEmpty();
  }

  // ---- S7: positive 6-week NAT with confirmatory test.

  @Test
  void s7_positive_nat_and_confirmatory_nat_are_observations_based_on_their_milestones() {
    CaseResources r = map("S7");
    // Step 4/5: NAT sample 2025-11-03, result 2025-11-17 positive; satisfies NAT_6W (due 2025-11-03).
    Observation first = event(r, Observation.class, "s7/s7-e8");
    assertThat(codes(first.getCode())).containsExactly(LOINC + "|44871-2", SMART + "|HIV.E.DE171");
    // MAPPING.md: HIV.E.DE187 "Positive"; SNOMED 10828004 in place of the unconfirmed 165816005 (docs/fhir-mapping.md, codes left out).
    assertThat(codes(first.getValueCodeableConcept())).containsExactly(SMART + "|HIV.E.DE187", SNOMED + "|10828004");
    assertThat(first.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-11-03");
    assertThat(first.getIssued().toInstant()).isEqualTo(Instant.parse("2025-11-17T00:00:00Z"));
    assertThat(first.getSubject().getIdentifier().getValue()).isEqualTo(S7_INFANT);
    ServiceRequest nat6w = milestone(r, ServiceRequest.class, "s7/NAT_6W@" + S7_INFANT);
    assertThat(first.getBasedOnFirstRep().getReference()).isEqualTo(ref(nat6w));
    assertThat(nat6w.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
    assertThat(nat6w.getOccurrencePeriod().getStartElement().getValueAsString()).isEqualTo("2025-10-20");
    assertThat(nat6w.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2025-11-03");
    labelled(first);
    // Step 5: confirmatory NAT due 2025-11-17, overdue from 2025-12-15; step 6: sample 2025-11-17, result 2025-12-01 positive.
    ServiceRequest confirmatory = milestone(r, ServiceRequest.class, "s7/CONFIRMATORY_NAT@" + S7_INFANT);
    assertThat(ext(confirmatory, "milestone-due")).isEqualTo("2025-11-17");
    assertThat(ext(confirmatory, "milestone-overdue-from")).isEqualTo("2025-12-15");
    assertThat(confirmatory.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
    Observation second = event(r, Observation.class, "s7/s7-e10");
    assertThat(codes(second.getValueCodeableConcept())).containsExactly(SMART + "|HIV.E.DE187", SNOMED + "|10828004");
    assertThat(second.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-11-17");
    assertThat(second.getIssued().toInstant()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
    assertThat(second.getBasedOnFirstRep().getReference()).isEqualTo(ref(confirmatory));
    labelled(second);
  }

  @Test
  void s7_infant_art_diagnosis_cancelled_tests_and_final_outcome() {
    CaseResources r = map("S7");
    // Step 5: ART start due 2025-11-17 (started that day).
    MedicationStatement art = event(r, MedicationStatement.class, "s7/s7-e9");
    assertThat(art.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2025-11-17");
    assertThat(codes(art.getReasonCodeFirstRep())).containsExactly(SMART + "|HIV.D.DE38");
    assertThat(art.getSubject().getIdentifier().getValue()).isEqualTo(S7_INFANT);
    labelled(art);
    MedicationRequest artStart = milestone(r, MedicationRequest.class, "s7/INFANT_ART_START@" + S7_INFANT);
    assertThat(ext(artStart, "milestone-due")).isEqualTo("2025-11-17");
    assertThat(artStart.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.COMPLETED);
    // Step 6: HIV-positive, diagnosis date 2025-11-03 (first positive sample).
    Condition diagnosis = byIdentifier(r, Condition.class, BASE + "/sid/derived", "s7/hiv-" + S7_INFANT);
    assertThat(codes(diagnosis.getCode())).containsExactly(SNOMED + "|86406008", SMART + "|HIV.B.DE116");
    assertThat(diagnosis.getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-11-03");
    // Step 6: NAT_9M and AB_18M CANCELLED → revoked requests.
    for (String cancelled : List.of("s7/NAT_9M@" + S7_INFANT, "s7/AB_18M@" + S7_INFANT)) {
      ServiceRequest request = milestone(r, ServiceRequest.class, cancelled);
      assertThat(request.getStatus()).as(cancelled).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
      Coding reason = (Coding) request.getExtensionByUrl(BASE + "/StructureDefinition/cancel-reason").getValue();
      assertThat(reason.getSystem() + "|" + reason.getCode()).isEqualTo(BASE + "/CodeSystem/cancel-reason|CONFIRMED_POSITIVE");
    }
    // Step 6: final outcome F2 HIV-positive (HIV.E.DE230 → HIV.E.DE231), 2025-12-01.
    Observation outcome = byIdentifier(r, Observation.class, BASE + "/sid/derived", "s7/final-outcome-" + S7_INFANT);
    assertThat(codes(outcome.getCode())).containsExactly(SMART + "|HIV.E.DE230");
    assertThat(codes(outcome.getValueCodeableConcept())).contains(SMART + "|HIV.E.DE231");
    assertThat(outcome.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-12-01");
  }

  // ---- Delivery (MAPPING.md §3 "Delivery"): the Encounter and one pregnancy-outcome Observation per birth.

  @Test
  void s7_delivery_is_an_inpatient_encounter_with_a_live_birth_outcome_observation() {
    CaseResources r = map("S7");
    // S7 facts: delivery 2025-09-22.
    Encounter delivery = event(r, Encounter.class, "s7/s7-e4");
    assertThat(delivery.getClass_().getSystem() + "|" + delivery.getClass_().getCode()).isEqualTo(ACT_CODE + "|IMP");
    assertThat(delivery.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-09-22");
    Observation outcome = byIdentifier(r, Observation.class, BASE + "/sid/derived", "s7/birth-outcome-" + S7_INFANT);
    assertThat(outcome.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
    assertThat(codes(outcome.getCode())).containsExactly(SMART + "|HIV.E.DE47");
    assertThat(codes(outcome.getValueCodeableConcept())).containsExactly(SMART + "|HIV.E.DE48");
    assertThat(outcome.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-09-22");
    assertThat(outcome.getSubject().getIdentifier().getValue()).isEqualTo("mother-of-s7");
    assertThat(outcome.getFocusFirstRep().getIdentifier().getValue()).isEqualTo(S7_INFANT);
    assertThat(outcome.getEncounter().getReference()).isEqualTo(ref(delivery));
    labelled(outcome);
    assertThat(Validation.errors(outcome)).isEmpty();
    assertThat(r.ofType("Procedure")).noneMatch(p -> p.getMeta().getTag().stream().anyMatch(t -> "DELIVERED".equals(t.getCode())));
  }

  @Test
  void a_stillbirth_is_outcome_de51_without_an_infant_and_a_voided_delivery_withdraws_its_outcomes() {
    CaseBuilder b = aCase("still").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28)).stillbirth(of(2025, 9, 1));
    CaseFile file = b.file();
    Observation outcome = byIdentifier(MAPPING.map(file, Protocol.who2021(), of(2025, 9, 10)), Observation.class, BASE + "/sid/derived",
        "still/birth-outcome-" + b.infantA());
    assertThat(codes(outcome.getValueCodeableConcept())).containsExactly(SMART + "|HIV.E.DE51");
    assertThat(outcome.hasFocus()).isFalse();
    assertThat(Validation.errors(outcome)).isEmpty();
    CaseFile voided = file.record(new Voided(EventId.of("void-delivery"), of(2025, 9, 2), Instant.parse("2025-09-02T10:00:00Z"), CaseBuilder.CLINIC,
        EventId.of("still-e3"), "wrong woman"));
    Observation withdrawn = byIdentifier(MAPPING.map(voided, Protocol.who2021(), of(2025, 9, 10)), Observation.class, BASE + "/sid/derived",
        "still/birth-outcome-" + b.infantA());
    assertThat(withdrawn.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
    assertThat(withdrawn.getIdElement().getIdPart()).isEqualTo(outcome.getIdElement().getIdPart());
  }
}
