package org.mentor.fhir.mapping;

import static org.mentor.fhir.mapping.MappingRow.Direction.EXPORT;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Died;
import org.mentor.core.pathway.FinalOutcome;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.fhir.terminology.Code;
import org.mentor.fhir.terminology.Terminology;

/**
 * Resources derived from the case and its evaluation as of the mapping date, written on export
 * only (import rebuilds them from the events): the HIV Conditions, the infants' follow-up
 * episodes, the mother–infant link, final outcomes, the care plans with one request per
 * milestone and a Task for each late or missed one, opt-in Patients, and Provenance.
 */
final class Derived {
  static final String MILESTONE = "milestone";
  static final String MILESTONE_STATE = "milestone-state";

  private Derived() {}

  static boolean motherPositive(MapContext ctx) {
    return ctx.facts.enrolment().map(e -> e.hivStatus() == HivStatus.POSITIVE).orElse(false)
        || ctx.facts.mother().hivTests().any(t -> t.result() == HivTestResult.POSITIVE && !t.occurredOn().isAfter(ctx.asOf));
  }

  private static Optional<LocalDate> motherDiagnosedOn(MapContext ctx) {
    Optional<LocalDate> test = ctx.facts.mother().hivTests()
        .earliest(t -> t.result() == HivTestResult.POSITIVE && !t.occurredOn().isAfter(ctx.asOf)).map(t -> t.occurredOn());
    if (ctx.facts.enrolment().map(e -> e.hivStatus() == HivStatus.POSITIVE).orElse(false)) {
      LocalDate enrolled = ctx.facts.enrolment().get().occurredOn();
      return Optional.of(test.filter(d -> d.isBefore(enrolled)).orElse(enrolled));
    }
    return test;
  }

  private static <R extends DomainResource> R identify(R resource, String type, MapContext ctx, String system, String value, List<Identifier> identifiers) {
    resource.setId(Ids.resourceId(type, system, value));
    identifiers.add(new Identifier().setSystem(system).setValue(value));
    return Labels.apply(resource);
  }

  private static String derivedValue(MapContext ctx, String what) {
    return Ids.value(ctx.caseId.value(), what);
  }

  /** Everything derived, in a fixed order. */
  static List<Resource> write(MapContext ctx, boolean writePatients) {
    List<Resource> out = new ArrayList<>();
    if (writePatients) {
      out.addAll(patients(ctx));
    }
    conditions(ctx, out);
    for (InfantState infant : ctx.state.infants()) {
      out.add(relatedPerson(ctx, infant.infantId()));
      out.add(infantEpisode(ctx, infant));
      infant.outcome().ifPresent(outcome -> out.add(finalOutcome(ctx, infant.infantId(), outcome)));
    }
    out.addAll(plans(ctx));
    out.addAll(mentors(ctx)); // last: the plans' Tasks name mentors too
    return out;
  }

  /** The words for a mentor's role: no occupation code is universal (MAPPING.md §1 proposes none). */
  static final String MENTOR_ROLE_TEXT = "Mentor mother";

  /**
   * A Practitioner and a PractitionerRole for each mentor a resource names. Mentor holds only the
   * mentor's id (no name, no facility of her own), so both say no more; they are the same in every
   * case that names the mentor, so every case's transaction can carry them without conflict.
   */
  private static List<Resource> mentors(MapContext ctx) {
    List<Resource> out = new ArrayList<>();
    for (String mentor : ctx.mentorsReferenced) {
      Practitioner practitioner = new Practitioner();
      identify(practitioner, "Practitioner", ctx, ctx.uris.mentorSystem(), mentor, practitioner.getIdentifier());
      practitioner.setActive(true);
      PractitionerRole role = new PractitionerRole();
      identify(role, "PractitionerRole", ctx, ctx.uris.mentorSystem(), mentor, role.getIdentifier());
      role.setActive(true);
      role.setPractitioner(ctx.literal("Practitioner", ctx.uris.mentorSystem(), mentor));
      role.addCode().setText(MENTOR_ROLE_TEXT);
      out.add(practitioner);
      out.add(role);
    }
    return out;
  }

  private static void conditions(MapContext ctx, List<Resource> out) {
    if (motherPositive(ctx)) {
      out.add(condition(ctx, "hiv", ctx.mother(), motherDiagnosedOn(ctx).orElse(ctx.asOf)));
    }
    for (InfantState infant : ctx.state.infants()) {
      infant.diagnosedOn().ifPresent(on -> out.add(condition(ctx, "hiv-" + infant.infantId(), ctx.infant(infant.infantId()), on)));
    }
  }

  private static Condition condition(MapContext ctx, String what, Reference subject, LocalDate onset) {
    Condition c = new Condition();
    identify(c, "Condition", ctx, ctx.uris.derivedSystem(), derivedValue(ctx, what), c.getIdentifier());
    c.setClinicalStatus(Concepts.of(Terminology.CONDITION_ACTIVE));
    c.setVerificationStatus(Concepts.of(Terminology.CONDITION_CONFIRMED));
    c.addCategory(Concepts.of(Terminology.CONDITION_ENCOUNTER_DIAGNOSIS));
    c.setCode(Concepts.of(Terminology.HIV_INFECTION, Terminology.SMART_HIV_STATUS_POSITIVE));
    c.setSubject(subject);
    c.setOnset(Concepts.dateTime(onset));
    return c;
  }

  private static RelatedPerson relatedPerson(MapContext ctx, InfantId infant) {
    RelatedPerson r = new RelatedPerson();
    identify(r, "RelatedPerson", ctx, ctx.uris.derivedSystem(), derivedValue(ctx, "mother-of-" + infant), r.getIdentifier());
    r.addIdentifier().setSystem(ctx.uris.motherSystem()).setValue(ctx.motherId.value());
    r.setPatient(ctx.infant(infant));
    r.addRelationship(Concepts.of(Terminology.NATURAL_MOTHER));
    return r;
  }

  private static EpisodeOfCare infantEpisode(MapContext ctx, InfantState infant) {
    EpisodeOfCare e = new EpisodeOfCare();
    identify(e, "EpisodeOfCare", ctx, ctx.uris.derivedSystem(), derivedValue(ctx, "follow-up-" + infant.infantId()), e.getIdentifier());
    e.addIdentifier().setSystem(ctx.uris.caseSystem()).setValue(ctx.caseId.value());
    e.setStatus(infant.outcome().isPresent() ? EpisodeOfCareStatus.FINISHED : EpisodeOfCareStatus.ACTIVE);
    e.addType(Concepts.of(Terminology.SMART_HIV_EXPOSED));
    e.setPatient(ctx.infant(infant.infantId()));
    e.getPeriod().setStartElement(Concepts.dateTime(infant.bornOn()));
    infant.outcome().ifPresent(o -> e.getPeriod().setEndElement(Concepts.dateTime(o.on())));
    return e;
  }

  private static Observation finalOutcome(MapContext ctx, InfantId infant, FinalOutcome outcome) {
    Observation o = new Observation();
    identify(o, "Observation", ctx, ctx.uris.derivedSystem(), derivedValue(ctx, "final-outcome-" + infant), o.getIdentifier());
    o.setStatus(ObservationStatus.FINAL);
    o.setCode(Concepts.of(Terminology.SMART_FINAL_DIAGNOSIS));
    o.setSubject(ctx.infant(infant));
    o.setEffective(Concepts.dateTime(outcome.on()));
    Code smart = switch (outcome.category()) {
      case HIV_POSITIVE -> Terminology.SMART_FINAL_POSITIVE;
      case HIV_NEGATIVE -> Terminology.SMART_FINAL_NEGATIVE;
      default -> Terminology.SMART_FINAL_UNKNOWN;
    };
    CodeableConcept value = Concepts.mentorConcept(ctx.uris, "final-outcome", outcome.category().name(), smart);
    o.setValue(value);
    return o;
  }

  private static List<Resource> patients(MapContext ctx) {
    List<Resource> out = new ArrayList<>();
    Patient mother = new Patient();
    identify(mother, "Patient", ctx, ctx.uris.motherSystem(), ctx.motherId.value(), mother.getIdentifier());
    mother.setGender(AdministrativeGender.FEMALE);
    ctx.facts.mother().death().filter(d -> !d.occurredOn().isAfter(ctx.asOf)).ifPresent(d -> mother.setDeceased(Concepts.dateTime(d.occurredOn())));
    out.add(mother);
    ctx.facts.delivery().ifPresent(delivery -> {
      for (Birth birth : delivery.births()) {
        if (!birth.isLive()) {
          continue;
        }
        Patient infant = new Patient();
        identify(infant, "Patient", ctx, ctx.uris.infantSystem(), birth.infantId().toString(), infant.getIdentifier());
        infant.setGender(switch (birth.sex()) {
          case FEMALE -> AdministrativeGender.FEMALE;
          case MALE -> AdministrativeGender.MALE;
          case UNDETERMINED -> AdministrativeGender.UNKNOWN;
        });
        infant.setBirthDateElement(Envelope.date(delivery.occurredOn()));
        Optional.ofNullable(ctx.facts.infants().get(birth.infantId())).flatMap(f -> f.death()).map(Died::occurredOn)
            .filter(d -> !d.isAfter(ctx.asOf)).ifPresent(d -> infant.setDeceased(Concepts.dateTime(d)));
        out.add(infant);
      }
    });
    return out;
  }

  /** One CarePlan per subject (the mother, each infant) with a request per milestone and a Task when late or missed. */
  private static List<Resource> plans(MapContext ctx) {
    Map<String, List<Milestone>> bySubject = new LinkedHashMap<>();
    bySubject.put("mother", new ArrayList<>());
    for (Milestone m : ctx.schedule.milestones()) {
      bySubject.computeIfAbsent(m.infantId().map(i -> "infant-" + i).orElse("mother"), k -> new ArrayList<>()).add(m);
    }
    List<Resource> out = new ArrayList<>();
    List<Resource> requests = new ArrayList<>();
    for (Map.Entry<String, List<Milestone>> entry : bySubject.entrySet()) {
      if (entry.getValue().isEmpty() && !entry.getKey().equals("mother")) {
        continue;
      }
      CarePlan plan = new CarePlan();
      identify(plan, "CarePlan", ctx, ctx.uris.derivedSystem(), derivedValue(ctx, "plan-" + entry.getKey()), plan.getIdentifier());
      plan.addIdentifier().setSystem(ctx.uris.caseSystem()).setValue(ctx.caseId.value());
      boolean open = entry.getValue().stream().anyMatch(m -> m.state() != MilestoneState.DONE && m.state() != MilestoneState.MISSED
          && m.state() != MilestoneState.CANCELLED);
      plan.setStatus(open ? CarePlanStatus.ACTIVE : CarePlanStatus.COMPLETED);
      plan.setIntent(CarePlanIntent.PLAN);
      plan.setTitle("PMTCT pathway (" + ctx.protocol.ref() + ")");
      Reference subject = entry.getValue().isEmpty() || entry.getValue().get(0).infantId().isEmpty() ? ctx.mother()
          : ctx.infant(entry.getValue().get(0).infantId().get());
      plan.setSubject(subject);
      plan.addSupportingInfo(ctx.episode());
      if (entry.getKey().equals("mother") && motherPositive(ctx)) {
        plan.addAddresses(ctx.derived("Condition", "hiv"));
      }
      for (Milestone m : entry.getValue()) {
        DomainResource request = request(ctx, m, subject);
        plan.addActivity().setReference(new Reference(request.fhirType() + "/" + request.getIdElement().getIdPart()));
        requests.add(request);
        task(ctx, m, request, subject).ifPresent(requests::add);
      }
      out.add(plan);
    }
    out.addAll(requests);
    return out;
  }

  private static boolean medication(MapContext ctx, Milestone m) {
    String event = ctx.protocol.milestones().stream().filter(r -> r.id().equals(m.ruleId())).findFirst()
        .map(MilestoneRule::satisfiedBy).map(MilestoneRule.Satisfaction::event).orElse("");
    return event.startsWith("INFANT_PROPHYLAXIS") || event.equals("INFANT_ART_STARTED") || event.equals("COTRIMOXAZOLE_STARTED");
  }

  static String requestReference(MapContext ctx, Milestone m) {
    String type = medication(ctx, m) ? "MedicationRequest" : "ServiceRequest";
    return type + "/" + Ids.resourceId(type, ctx.uris.milestoneSystem(), Ids.value(ctx.caseId.value(), m.key()));
  }

  private static DomainResource request(MapContext ctx, Milestone m, Reference subject) {
    String value = Ids.value(ctx.caseId.value(), m.key());
    CodeableConcept code = Concepts.mentorConcept(ctx.uris, MILESTONE, m.ruleId());
    code.setText(m.ruleId());
    if (medication(ctx, m)) {
      MedicationRequest r = new MedicationRequest();
      identify(r, "MedicationRequest", ctx, ctx.uris.milestoneSystem(), value, r.getIdentifier());
      r.setStatus(switch (m.state()) {
        case UPCOMING -> MedicationRequestStatus.DRAFT;
        case DUE, LATE, OVERDUE -> MedicationRequestStatus.ACTIVE;
        case DONE -> MedicationRequestStatus.COMPLETED;
        case MISSED, CANCELLED -> MedicationRequestStatus.CANCELLED;
      });
      r.setIntent(MedicationRequestIntent.PLAN);
      r.setMedication(code);
      r.setSubject(subject);
      milestoneExtensions(ctx, m, r);
      return r;
    }
    ServiceRequest r = new ServiceRequest();
    identify(r, "ServiceRequest", ctx, ctx.uris.milestoneSystem(), value, r.getIdentifier());
    r.setStatus(switch (m.state()) {
      case UPCOMING -> ServiceRequestStatus.DRAFT;
      case DUE, LATE, OVERDUE -> ServiceRequestStatus.ACTIVE;
      case DONE -> ServiceRequestStatus.COMPLETED;
      case MISSED, CANCELLED -> ServiceRequestStatus.REVOKED;
    });
    r.setIntent(ServiceRequestIntent.PLAN);
    String expected = m.expectedTest().orElse("");
    if (m.ruleId().startsWith("VL")) {
      code.addCoding(Terminology.VL_PLASMA.coding());
    } else if (expected.equals("NAT")) {
      code.addCoding(Terminology.NAT_DNA.coding()).addCoding(Terminology.SMART_NAT.coding());
    } else if (expected.equals("ANTIBODY")) {
      code.addCoding(Terminology.ANTIBODY_RAPID.coding()).addCoding(Terminology.SMART_RDT.coding());
    }
    r.setCode(code);
    r.setSubject(subject);
    r.setOccurrence(new Period().setStartElement(Concepts.dateTime(m.windowStart())).setEndElement(Concepts.dateTime(m.due())));
    milestoneExtensions(ctx, m, r);
    return r;
  }

  private static void milestoneExtensions(MapContext ctx, Milestone m, DomainResource r) {
    r.addExtension(ctx.uris.extension("milestone-due"), Envelope.date(m.due()));
    m.overdueFrom().ifPresent(d -> r.addExtension(ctx.uris.extension("milestone-overdue-from"), Envelope.date(d)));
    r.addExtension(ctx.uris.extension(MILESTONE_STATE), Concepts.mentor(ctx.uris, MILESTONE_STATE, m.state().name()));
    m.cancelReason().ifPresent(c -> r.addExtension(ctx.uris.extension("cancel-reason"), Concepts.mentor(ctx.uris, "cancel-reason", c.name())));
  }

  private static Optional<Task> task(MapContext ctx, Milestone m, DomainResource request, Reference subject) {
    boolean lateDone = m.state() == MilestoneState.DONE && m.satisfiedOn().map(d -> d.isAfter(m.due())).orElse(false);
    TaskStatus status = switch (m.state()) {
      case LATE, OVERDUE -> TaskStatus.INPROGRESS;
      case MISSED -> TaskStatus.FAILED;
      case DONE -> lateDone ? TaskStatus.COMPLETED : null;
      default -> null;
    };
    if (status == null) {
      return Optional.empty();
    }
    Task task = new Task();
    identify(task, "Task", ctx, ctx.uris.milestoneSystem(), Ids.value(ctx.caseId.value(), m.key() + "/follow-up"), task.getIdentifier());
    task.setStatus(status);
    task.setIntent(TaskIntent.ORDER);
    task.setCode(Concepts.mentorConcept(ctx.uris, MILESTONE, m.ruleId()));
    task.setFocus(new Reference(request.fhirType() + "/" + request.getIdElement().getIdPart()));
    task.setFor(subject);
    String business = m.state() == MilestoneState.DONE ? "done late" : m.state() == MilestoneState.MISSED ? "missed" : m.state() == MilestoneState.OVERDUE ? "overdue" : "late";
    task.setBusinessStatus(Concepts.mentorConcept(ctx.uris, MILESTONE_STATE, m.state().name()).setText(business));
    task.getExecutionPeriod().setStartElement(Concepts.dateTime(m.due().plusDays(1)));
    m.satisfiedOn().ifPresent(d -> task.getExecutionPeriod().setEndElement(Concepts.dateTime(d)));
    ctx.mentorOn(ctx.asOf).ifPresent(mentor -> task.setOwner(ctx.mentor(mentor)));
    return Optional.of(task);
  }

  /** One Provenance per recorder, naming the resources of the events it recorded. */
  static List<Resource> provenance(MapContext ctx, Map<String, RecordedBy> recorderByResource, Map<String, java.time.Instant> recordedAt) {
    Map<RecordedBy, List<String>> byRecorder = new TreeMap<>(Comparator.comparing(RecordedBy::user)
        .thenComparing(RecordedBy::facility).thenComparing(RecordedBy::sourceSystem));
    recorderByResource.forEach((ref, by) -> byRecorder.computeIfAbsent(by, k -> new ArrayList<>()).add(ref));
    List<Resource> out = new ArrayList<>();
    for (Map.Entry<RecordedBy, List<String>> entry : byRecorder.entrySet()) {
      RecordedBy by = entry.getKey();
      Provenance p = new Provenance();
      String what = "provenance/" + by.user() + "/" + by.facility() + "/" + by.sourceSystem();
      p.setId(Ids.resourceId("Provenance", ctx.uris.derivedSystem(), derivedValue(ctx, what)));
      Labels.apply(p);
      java.time.Instant latest = java.time.Instant.EPOCH;
      for (String ref : entry.getValue().stream().sorted().toList()) { // sorted: independent of recording order
        p.addTarget(new Reference(ref));
        java.time.Instant at = recordedAt.get(ref);
        if (at != null && at.isAfter(latest)) {
          latest = at;
        }
      }
      p.setRecordedElement(Envelope.instant(latest));
      p.setActivity(Concepts.of(Terminology.DATA_OPERATION_CREATE));
      Provenance.ProvenanceAgentComponent user = p.addAgent();
      user.setType(Concepts.of(Terminology.PARTICIPANT_ENTERER));
      user.setWho(new Reference().setType("Practitioner").setIdentifier(new Identifier().setSystem(ctx.uris.userSystem()).setValue(by.user())));
      user.setOnBehalfOf(new Reference().setType("Organization").setIdentifier(new Identifier().setSystem(ctx.uris.facilitySystem()).setValue(by.facility())));
      Provenance.ProvenanceAgentComponent source = p.addAgent();
      source.setType(Concepts.of(Terminology.PARTICIPANT_ASSEMBLER));
      source.setWho(new Reference().setType("Device").setIdentifier(new Identifier().setSystem(ctx.uris.sourceSystemSystem()).setValue(by.sourceSystem())));
      out.add(p);
    }
    return out;
  }

  static ImmutableList<MappingRow> rows() {
    return ImmutableList.of(
        new MappingRow("(evaluation)", "maternal HIV diagnosis", "Condition", "code; clinicalStatus; verificationStatus; category; onsetDateTime; subject",
            Terminology.HIV_INFECTION + " + " + Terminology.SMART_HIV_STATUS_POSITIVE + "; " + Terminology.CONDITION_ACTIVE + "; " + Terminology.CONDITION_CONFIRMED
                + "; " + Terminology.CONDITION_ENCOUNTER_DIAGNOSIS, EXPORT, "also for an infant's confirmed diagnosis (onset = first positive sample)"),
        new MappingRow("(evaluation)", "mother–infant link", "RelatedPerson", "patient (infant); relationship; identifier (the mother's)", Terminology.NATURAL_MOTHER.toString(), EXPORT,
            "not Patient.link, which joins records of one person"),
        new MappingRow("(evaluation)", "infant follow-up", "EpisodeOfCare", "type; status; period (birth to final outcome); patient (infant)", Terminology.SMART_HIV_EXPOSED.toString(), EXPORT,
            "SNOMED 444356002 left out (FSN only from the DAK)"),
        new MappingRow("(evaluation)", "final outcome", "Observation", "code; valueCodeableConcept; effectiveDateTime; subject (infant)",
            Terminology.SMART_FINAL_DIAGNOSIS + "; " + Terminology.SMART_FINAL_POSITIVE + "/" + Terminology.SMART_FINAL_NEGATIVE + "/" + Terminology.SMART_FINAL_UNKNOWN + " + final-outcome|<category>",
            EXPORT, ""),
        new MappingRow("(evaluation)", "pathway instance", "CarePlan", "one per subject: status; intent plan; activity.reference → requests; supportingInfo → EpisodeOfCare; addresses → Condition",
            "", EXPORT, "identifier <case>/plan-mother, plan-infant-<uuid>"),
        new MappingRow("(evaluation)", "milestone (tests)", "ServiceRequest", "status (UPCOMING draft, DUE/LATE/OVERDUE active, DONE completed, MISSED/CANCELLED revoked); intent plan; code; occurrencePeriod (window start – due); extension:milestone-state, -due, -overdue-from, cancel-reason",
            "milestone|<rule id> + " + Terminology.VL_PLASMA + " / " + Terminology.NAT_DNA + " / " + Terminology.ANTIBODY_RAPID, EXPORT,
            "identifier <case>/<milestone key>; a milestone that disappears becomes revoked (Revocations)"),
        new MappingRow("(evaluation)", "milestone (medicines)", "MedicationRequest", "status (draft, active, completed, cancelled); intent plan; medicationCodeableConcept; milestone extensions",
            "milestone|<rule id>", EXPORT, "prophylaxis start/stop, infant ART, cotrimoxazole"),
        new MappingRow("(evaluation)", "late / overdue / missed milestone", "Task", "status (in-progress, failed; completed when done late); focus → request; businessStatus; executionPeriod; owner → the mentor's PractitionerRole",
            "milestone-state|<state>", EXPORT, ""),
        new MappingRow("(evaluation)", "mentor", "Practitioner", "identifier (the mentor id); active", "", EXPORT,
            "one per mentor a resource names, the same in every case (conditional PUT on the identifier); no name: Mentor holds none"),
        new MappingRow("(evaluation)", "mentor's role", "PractitionerRole", "identifier (the mentor id); practitioner; code.text \"" + MENTOR_ROLE_TEXT + "\"; active", "", EXPORT,
            "the target of every reference to the mentor (CareTeam, Encounter, Task, EpisodeOfCare.careManager); no occupation code is universal, so text only; "
                + "no organization or location: Mentor records no facility of the mentor's own (a recording facility is per event and would make a shared resource differ between cases)"),
        new MappingRow("(evaluation)", "mother and infants (opt-in)", "Patient", "identifier; gender; birthDate (infant); deceasedDateTime", "", EXPORT,
            "off by default: the Patient is the EMR's; referenced by identifier otherwise"));
  }
}
