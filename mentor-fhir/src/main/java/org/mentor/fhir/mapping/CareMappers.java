package org.mentor.fhir.mapping;

import static org.mentor.fhir.mapping.MappingRow.Direction.BOTH;
import static org.mentor.fhir.mapping.MappingRow.Direction.EXPORT;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamStatus;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.ReturnedToCare;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.TracingAttempted;
import org.mentor.core.pathway.TransferredIn;
import org.mentor.core.pathway.TransferredOut;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.terminology.Code;
import org.mentor.fhir.terminology.Terminology;

/** The mappers of care-process events: assignment, contacts, delivery, appointments, tracing, transfers. */
final class CareMappers {
  static final String CONTACT_MODE = "contact-mode";

  private CareMappers() {}

  static CodeableConcept contactMode(MapContext ctx, ContactMode mode) {
    Code smart = switch (mode) {
      case HOME -> Terminology.SMART_HOME_VISIT;
      case PHONE -> Terminology.SMART_PHONE;
      case SMS -> Terminology.SMART_TEXT_MESSAGE;
      case CLINIC -> null;
    };
    return smart == null ? Concepts.mentorConcept(ctx.uris, CONTACT_MODE, mode.name())
        : Concepts.mentorConcept(ctx.uris, CONTACT_MODE, mode.name(), smart);
  }

  /** A mentor's assignment to the case. */
  static final class Assignment extends EventMapper<CareTeam> {
    Assignment() {
      super("CareTeam", CareTeam.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.MENTOR_ASSIGNED);
    }

    @Override
    CareTeam write(PathwayEvent content, MapContext ctx) {
      MentorAssigned a = (MentorAssigned) content;
      CareTeam team = new CareTeam();
      team.setStatus(CareTeamStatus.ACTIVE);
      team.setSubject(ctx.mother());
      team.getPeriod().setStartElement(Concepts.dateTime(a.occurredOn()));
      var participant = team.addParticipant();
      participant.addRole().setText("Mentor mother");
      participant.setMember(ctx.mentor(a.mentor()));
      participant.getPeriod().setStartElement(Concepts.dateTime(a.occurredOn()));
      return team;
    }

    @Override
    PathwayEvent read(CareTeam team, EventKind kind, ReadContext rc) {
      SmallMappers.mother(team.getSubject(), rc, "CareTeam.subject");
      MentorId mentor = rc.mentor(team.getParticipantFirstRep().getMember(), "CareTeam.participant.member");
      return new MentorAssigned(rc.id, rc.date(team.getPeriod().getStartElement(), "CareTeam.period.start"), rc.recordedAt, rc.recordedBy, mentor);
    }

    @Override
    List<Identifier> identifiers(CareTeam resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(CareTeam resource) {
      resource.setStatus(CareTeamStatus.ENTEREDINERROR);
    }

    @Override
    boolean isEnteredInError(CareTeam resource) {
      return resource.getStatus() == CareTeamStatus.ENTEREDINERROR;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(new MappingRow("MENTOR_ASSIGNED", "mentor, date", "CareTeam",
          "participant.member → the mentor's PractitionerRole (literal reference and the mentor identifier); participant.role.text \"Mentor mother\"; period.start; subject (mother)", "", BOTH,
          "the assignment history is one CareTeam per assignment; EpisodeOfCare.careManager names the current mentor; no occupation code is universal; "
              + "import takes the mentor from the reference's identifier, or from the Practitioner or PractitionerRole a literal reference resolves to in the same input"));
    }
  }

  /** Encounters: mentor visits, kept appointments, returns to care and the delivery (with each birth). */
  static final class Encounters extends EventMapper<Encounter> {
    Encounters() {
      super("Encounter", Encounter.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.MENTOR_VISITED, EventKind.APPOINTMENT_KEPT, EventKind.RETURNED_TO_CARE, EventKind.DELIVERED);
    }

    @Override
    Encounter write(PathwayEvent content, MapContext ctx) {
      Encounter e = new Encounter();
      e.setStatus(EncounterStatus.FINISHED);
      e.setSubject(ctx.mother());
      e.getPeriod().setStartElement(Concepts.dateTime(content.occurredOn()));
      e.addEpisodeOfCare(ctx.episode());
      e.addType(new CodeableConcept(Concepts.mentor(ctx.uris, Envelope.KIND, content.kind().name())));
      switch (content.kind()) {
        case MENTOR_VISITED -> {
          ContactMode mode = ((MentorVisited) content).mode();
          e.setClass_(switch (mode) {
            case HOME -> Terminology.ENCOUNTER_HOME.coding();
            case CLINIC -> Terminology.ENCOUNTER_AMBULATORY.coding();
            case PHONE, SMS -> Terminology.ENCOUNTER_VIRTUAL.coding();
          });
          e.addType(contactMode(ctx, mode));
          ctx.mentorOn(content.occurredOn()).ifPresent(m -> e.addParticipant().setIndividual(ctx.mentor(m)));
        }
        case APPOINTMENT_KEPT -> {
          e.setClass_(Terminology.ENCOUNTER_AMBULATORY.coding());
          e.addExtension(ctx.uris.extension("appointment-date"), Envelope.date(((AppointmentKept) content).appointmentOn()));
        }
        case RETURNED_TO_CARE -> e.setClass_(Terminology.ENCOUNTER_AMBULATORY.coding());
        case DELIVERED -> {
          e.setClass_(Terminology.ENCOUNTER_INPATIENT.coding());
          e.getTypeFirstRep().addCoding(Terminology.SMART_DELIVERY_DATE.coding());
          for (Birth birth : ((Delivered) content).births()) {
            Extension ext = e.addExtension().setUrl(ctx.uris.extension("birth"));
            ext.addExtension("infant", new Identifier().setSystem(ctx.uris.infantSystem()).setValue(birth.infantId().toString()));
            ext.addExtension("sex", new CodeType(switch (birth.sex()) {
              case FEMALE -> "female";
              case MALE -> "male";
              case UNDETERMINED -> "unknown";
            }));
            birth.birthWeightGrams().ifPresent(g -> ext.addExtension("weight", Concepts.quantity(g, Terminology.UNIT_GRAM)));
            ext.addExtension("outcome", birth.isLive() ? new Coding(Terminology.SMART_LIVE_BIRTH.system(), Terminology.SMART_LIVE_BIRTH.code(),
                Terminology.SMART_LIVE_BIRTH.display()) : Concepts.mentor(ctx.uris, "birth-outcome", birth.outcome().name()));
          }
        }
        default -> throw new IllegalArgumentException("not an Encounter event: " + content.kind());
      }
      return e;
    }

    @Override
    PathwayEvent read(Encounter e, EventKind kind, ReadContext rc) {
      SmallMappers.mother(e.getSubject(), rc, "Encounter.subject");
      LocalDate on = rc.date(e.getPeriod().getStartElement(), "Encounter.period.start");
      return switch (kind) {
        case MENTOR_VISITED -> {
          ContactMode mode = null;
          for (CodeableConcept type : e.getType()) {
            if (rc.mentorCode(type, CONTACT_MODE).isPresent()) {
              mode = rc.mentorEnum(type, CONTACT_MODE, ContactMode.class, "Encounter.type");
            }
          }
          if (mode == null) {
            throw rc.refuse("Encounter.type", FhirRule.REQUIRED_ELEMENT);
          }
          yield new MentorVisited(rc.id, on, rc.recordedAt, rc.recordedBy, mode);
        }
        case APPOINTMENT_KEPT -> {
          Extension date = e.getExtensionByUrl(rc.uris.extension("appointment-date"));
          yield new AppointmentKept(rc.id, on, rc.recordedAt, rc.recordedBy,
              rc.date(date != null && date.getValue() instanceof DateType d ? d : null, "Encounter.extension:appointment-date"));
        }
        case RETURNED_TO_CARE -> new ReturnedToCare(rc.id, on, rc.recordedAt, rc.recordedBy);
        case DELIVERED -> new Delivered(rc.id, on, rc.recordedAt, rc.recordedBy, births(e, rc));
        default -> throw rc.refuse("Encounter.meta.tag", FhirRule.UNSUPPORTED_RESOURCE);
      };
    }

    /**
     * The outcome of each birth of a delivery as an Observation (MAPPING.md §3 "Delivery": pregnancy
     * outcome HIV.E.DE47 → DE48 live birth / DE51 stillbirth), next to the delivery Encounter.
     * Written on export only: the Encounter's birth extensions are what import reads. They follow
     * the delivery's chain: a correction rewrites them, a void marks them entered-in-error.
     */
    static List<Observation> birthOutcomes(Chain chain, MapContext ctx) {
      Delivered delivered = (Delivered) chain.content();
      List<Observation> out = new ArrayList<>();
      for (Birth birth : delivered.births()) {
        Observation o = new Observation();
        String value = Ids.value(ctx.caseId.value(), "birth-outcome-" + birth.infantId());
        o.setId(Ids.resourceId("Observation", ctx.uris.derivedSystem(), value));
        o.addIdentifier().setSystem(ctx.uris.derivedSystem()).setValue(value);
        Labels.apply(o);
        o.setStatus(chain.voidedBy().isPresent() ? ObservationStatus.ENTEREDINERROR : ObservationStatus.FINAL);
        o.setCode(Concepts.of(Terminology.SMART_PREGNANCY_OUTCOME));
        o.setSubject(ctx.mother());
        if (birth.isLive()) {
          o.addFocus(ctx.infant(birth.infantId()));
        }
        o.setEncounter(ctx.event("Encounter", chain.root()));
        o.setEffective(Concepts.dateTime(delivered.occurredOn()));
        o.setValue(Concepts.of(birth.isLive() ? Terminology.SMART_LIVE_BIRTH : Terminology.SMART_STILLBIRTH));
        out.add(o);
      }
      return out;
    }

    private static ImmutableList<Birth> births(Encounter e, ReadContext rc) {
      List<Birth> births = new ArrayList<>();
      String element = "Encounter.extension:birth";
      for (Extension ext : e.getExtensionsByUrl(rc.uris.extension("birth"))) {
        if (!(value(ext, "infant") instanceof Identifier id) || !rc.uris.infantSystem().equals(id.getSystem()) || !id.hasValue()) {
          throw rc.refuse(element + ".infant", FhirRule.REQUIRED_ELEMENT);
        }
        InfantId infant;
        try {
          infant = new InfantId(UUID.fromString(id.getValue()));
        } catch (IllegalArgumentException ex) {
          throw rc.refuse(element + ".infant", FhirRule.INVALID_VALUE);
        }
        if (!(value(ext, "sex") instanceof CodeType sexCode)) {
          throw rc.refuse(element + ".sex", FhirRule.REQUIRED_ELEMENT);
        }
        Birth.Sex sex = switch (String.valueOf(sexCode.getValue())) {
          case "female" -> Birth.Sex.FEMALE;
          case "male" -> Birth.Sex.MALE;
          case "unknown" -> Birth.Sex.UNDETERMINED;
          default -> throw rc.refuse(element + ".sex", FhirRule.UNKNOWN_CODE);
        };
        Optional<Integer> weight = Optional.empty();
        if (value(ext, "weight") instanceof Quantity q) {
          weight = Optional.of(SmallMappers.integer(q, rc, element + ".weight", Terminology.UNIT_GRAM));
        }
        if (!(value(ext, "outcome") instanceof Coding outcome)) {
          throw rc.refuse(element + ".outcome", FhirRule.REQUIRED_ELEMENT);
        }
        Birth.Outcome birthOutcome;
        if (Terminology.SMART_LIVE_BIRTH.matches(outcome)) {
          birthOutcome = Birth.Outcome.LIVE_BIRTH;
        } else if (rc.uris.codeSystem("birth-outcome").equals(outcome.getSystem()) && "STILLBIRTH".equals(outcome.getCode())) {
          birthOutcome = Birth.Outcome.STILLBIRTH;
        } else {
          throw rc.refuse(element + ".outcome", FhirRule.UNKNOWN_CODE);
        }
        births.add(new Birth(infant, sex, weight, birthOutcome));
      }
      return ImmutableList.copyOf(births);
    }

    private static org.hl7.fhir.r4.model.Type value(Extension ext, String url) {
      Extension part = ext.getExtensionByUrl(url);
      return part == null ? null : part.getValue();
    }

    @Override
    List<Identifier> identifiers(Encounter resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(Encounter resource) {
      resource.setStatus(EncounterStatus.ENTEREDINERROR);
    }

    @Override
    boolean isEnteredInError(Encounter resource) {
      return resource.getStatus() == EncounterStatus.ENTEREDINERROR;
    }

    @Override
    String element(EventKind kind, String coreField) {
      if (coreField.startsWith("birth.") || coreField.startsWith("delivered.births")) {
        return "Encounter.extension:birth";
      }
      return coreField.endsWith("occurredOn") ? "Encounter.period.start" : type;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(
          new MappingRow("MENTOR_VISITED", "mode, date", "Encounter", "class; type; period.start; participant.individual → PractitionerRole of the mentor assigned then; episodeOfCare; subject (mother)",
              "HOME " + Terminology.ENCOUNTER_HOME + " + " + Terminology.SMART_HOME_VISIT + "; CLINIC " + Terminology.ENCOUNTER_AMBULATORY + "; PHONE "
                  + Terminology.ENCOUNTER_VIRTUAL + " + " + Terminology.SMART_PHONE + "; SMS " + Terminology.ENCOUNTER_VIRTUAL + " + " + Terminology.SMART_TEXT_MESSAGE
                  + "; contact-mode|<mode>", BOTH, "SNOMED 439708006 etc. left out (FSNs only from the DAK)"),
          new MappingRow("APPOINTMENT_KEPT", "date kept, appointment date", "Encounter", "class; period.start; extension:appointment-date",
              Terminology.ENCOUNTER_AMBULATORY.toString(), BOTH, "the kept appointment is named by its date, as in the core"),
          new MappingRow("RETURNED_TO_CARE", "date", "Encounter", "class; type; period.start", Terminology.ENCOUNTER_AMBULATORY + "; event-kind|RETURNED_TO_CARE", BOTH, ""),
          new MappingRow("DELIVERED", "date", "Encounter", "class; type; period.start", Terminology.ENCOUNTER_INPATIENT + "; " + Terminology.SMART_DELIVERY_DATE, BOTH,
              "no Procedure: MAPPING.md names one, but Mentor records no mode of delivery (HIV.E.DE52–DE55) and no SNOMED delivery procedure code is confirmed, "
                  + "so a Procedure would say nothing the Encounter does not"),
          new MappingRow("DELIVERED", "births (outcome)", "Observation", "one per birth: code; valueCodeableConcept; effectiveDateTime (delivery date); subject (mother); "
              + "focus (the infant, live births); encounter → the delivery Encounter; status final (entered-in-error when the delivery is voided)",
              Terminology.SMART_PREGNANCY_OUTCOME + "; " + Terminology.SMART_LIVE_BIRTH + " / " + Terminology.SMART_STILLBIRTH, EXPORT,
              "identifier <case>/birth-outcome-<infant uuid> (derived); import reads the Encounter's births; SMART ChildDeliveryObservation not claimed "
                  + "(its value is the place of delivery, which Mentor does not record); SNOMED 169826009 left out (FSN only from the DAK)"),
          new MappingRow("DELIVERED", "births (infant id, sex, weight, outcome)", "extension", "Encounter.extension:birth (infant Identifier, sex code, weight Quantity g, outcome Coding)",
              Terminology.SMART_LIVE_BIRTH + "; birth-outcome|STILLBIRTH; " + Terminology.UNIT_GRAM, BOTH,
              "infants are UUIDs, never ordinals; opt-in Patients, RelatedPerson and the infant EpisodeOfCare derive from it"));
    }
  }

  /** An appointment set for the mother. */
  static final class Appointments extends EventMapper<Appointment> {
    Appointments() {
      super("Appointment", Appointment.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.APPOINTMENT_SET);
    }

    @Override
    Appointment write(PathwayEvent content, MapContext ctx) {
      AppointmentSet set = (AppointmentSet) content;
      Appointment a = new Appointment();
      a.setStatus(AppointmentStatus.BOOKED);
      a.addServiceType(Concepts.mentorConcept(ctx.uris, "appointment-purpose", set.purpose().name()));
      a.setStart(Concepts.startOfDay(set.appointmentOn(), ctx.zone));
      a.setEnd(Concepts.startOfDay(set.appointmentOn().plusDays(1), ctx.zone));
      a.setCreatedElement(Concepts.dateTime(set.occurredOn()));
      a.addParticipant().setActor(ctx.mother()).setStatus(ParticipationStatus.ACCEPTED);
      return a;
    }

    @Override
    PathwayEvent read(Appointment a, EventKind kind, ReadContext rc) {
      SmallMappers.mother(a.getParticipantFirstRep().getActor(), rc, "Appointment.participant.actor");
      if (!a.hasStart()) {
        throw rc.refuse("Appointment.start", FhirRule.REQUIRED_ELEMENT);
      }
      return new AppointmentSet(rc.id, rc.date(a.getCreatedElement(), "Appointment.created"), rc.recordedAt, rc.recordedBy,
          a.getStart().toInstant().atZone(rc.zone).toLocalDate(),
          rc.mentorEnum(a.getServiceTypeFirstRep(), "appointment-purpose", AppointmentPurpose.class, "Appointment.serviceType"));
    }

    @Override
    List<Identifier> identifiers(Appointment resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(Appointment resource) {
      resource.setStatus(AppointmentStatus.ENTEREDINERROR);
    }

    @Override
    boolean isEnteredInError(Appointment resource) {
      return resource.getStatus() == AppointmentStatus.ENTEREDINERROR;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(new MappingRow("APPOINTMENT_SET", "date set, appointment date, purpose", "Appointment",
          "created; start/end (the clinic-local day); serviceType; participant.actor (mother, accepted); status booked", "appointment-purpose|<purpose>", BOTH,
          "missed appointments are not stored: retention is evaluated, and tracing is its own Task"));
    }
  }

  /** A tracing attempt after a missed visit. */
  static final class Tracing extends EventMapper<Task> {
    Tracing() {
      super("Task", Task.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.TRACING_ATTEMPTED);
    }

    @Override
    Task write(PathwayEvent content, MapContext ctx) {
      TracingAttempted t = (TracingAttempted) content;
      Task task = new Task();
      task.setStatus(TaskStatus.COMPLETED);
      task.setIntent(TaskIntent.ORDER);
      task.setCode(new CodeableConcept(Concepts.mentor(ctx.uris, Envelope.KIND, EventKind.TRACING_ATTEMPTED.name())).setText("Tracing attempt"));
      task.setReasonCode(Concepts.of(Terminology.SMART_MISSED_VISIT));
      task.setFor(ctx.mother());
      task.setAuthoredOnElement(Concepts.dateTime(t.occurredOn()));
      task.getExecutionPeriod().setStartElement(Concepts.dateTime(t.occurredOn()));
      task.setBusinessStatus(Concepts.mentorConcept(ctx.uris, "tracing-outcome", t.outcome().name()));
      task.addInput().setType(new CodeableConcept(Concepts.mentor(ctx.uris, CONTACT_MODE, "mode"))).setValue(contactMode(ctx, t.mode()));
      return task;
    }

    @Override
    PathwayEvent read(Task task, EventKind kind, ReadContext rc) {
      SmallMappers.mother(task.getFor(), rc, "Task.for");
      if (!task.hasInput() || !(task.getInputFirstRep().getValue() instanceof CodeableConcept mode)) {
        throw rc.refuse("Task.input", FhirRule.REQUIRED_ELEMENT);
      }
      return new TracingAttempted(rc.id, rc.date(task.getExecutionPeriod().getStartElement(), "Task.executionPeriod.start"), rc.recordedAt, rc.recordedBy,
          rc.mentorEnum(mode, CONTACT_MODE, ContactMode.class, "Task.input.valueCodeableConcept"),
          rc.mentorEnum(task.getBusinessStatus(), "tracing-outcome", TracingOutcome.class, "Task.businessStatus"));
    }

    @Override
    List<Identifier> identifiers(Task resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(Task resource) {
      resource.setStatus(TaskStatus.ENTEREDINERROR);
    }

    @Override
    boolean isEnteredInError(Task resource) {
      return resource.getStatus() == TaskStatus.ENTEREDINERROR;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(new MappingRow("TRACING_ATTEMPTED", "mode, outcome, date", "Task",
          "status completed; code; reasonCode; businessStatus (outcome); input (contact mode); executionPeriod.start; for (mother)",
          "event-kind|TRACING_ATTEMPTED; " + Terminology.SMART_MISSED_VISIT + "; tracing-outcome|<outcome>; contact-mode|<mode>", BOTH,
          "SNOMED/LOINC missed-visit codes left out (count questions, names only from the DAK)"));
    }
  }

  /** Events with no FHIR resource of their own: protocol changes and transfers, as Basic. */
  static final class Basics extends EventMapper<Basic> {
    Basics() {
      super("Basic", Basic.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.PROTOCOL_CHANGED, EventKind.TRANSFERRED_IN, EventKind.TRANSFERRED_OUT);
    }

    @Override
    Basic write(PathwayEvent content, MapContext ctx) {
      Basic b = new Basic();
      b.setCode(new CodeableConcept(Concepts.mentor(ctx.uris, Envelope.KIND, content.kind().name())));
      b.setCreatedElement(Envelope.date(content.occurredOn()));
      switch (content.kind()) {
        case PROTOCOL_CHANGED -> {
          b.setSubject(ctx.mother());
          b.addExtension(ctx.uris.extension(EpisodeOfCareMapper.PROTOCOL), EpisodeOfCareMapper.protocol(ctx.uris, ((ProtocolChanged) content).protocol()));
        }
        case TRANSFERRED_IN -> {
          b.setSubject(ctx.subject(((TransferredIn) content).subject()));
          b.getCode().addCoding(Terminology.SMART_TRANSFER_IN.coding());
        }
        case TRANSFERRED_OUT -> {
          b.setSubject(ctx.subject(((TransferredOut) content).subject()));
          b.getCode().addCoding(Terminology.SMART_TRANSFERRED_OUT.coding());
        }
        default -> throw new IllegalArgumentException("not a Basic event: " + content.kind());
      }
      return b;
    }

    @Override
    PathwayEvent read(Basic b, EventKind kind, ReadContext rc) {
      LocalDate on = rc.date(b.getCreatedElement(), "Basic.created");
      Subject subject = rc.person(b.getSubject(), "Basic.subject");
      return switch (kind) {
        case PROTOCOL_CHANGED -> new ProtocolChanged(rc.id, on, rc.recordedAt, rc.recordedBy,
            EpisodeOfCareMapper.protocol(b.getExtensionByUrl(rc.uris.extension(EpisodeOfCareMapper.PROTOCOL)), rc, "Basic.extension:protocol"));
        case TRANSFERRED_IN -> new TransferredIn(rc.id, on, rc.recordedAt, rc.recordedBy, subject);
        case TRANSFERRED_OUT -> new TransferredOut(rc.id, on, rc.recordedAt, rc.recordedBy, subject);
        default -> throw rc.refuse("Basic.code", FhirRule.UNSUPPORTED_RESOURCE);
      };
    }

    @Override
    List<Identifier> identifiers(Basic resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(Basic resource) {
      // Basic has no status: the void extension alone marks it.
    }

    @Override
    boolean isEnteredInError(Basic resource) {
      return false;
    }

    @Override
    String element(EventKind kind, String coreField) {
      return coreField.endsWith("protocol") ? "Basic.extension:protocol" : type;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(
          new MappingRow("PROTOCOL_CHANGED", "protocol, date", "Basic", "code; created; subject (mother); extension:protocol", "event-kind|PROTOCOL_CHANGED; protocol|<id> (version)", BOTH,
              "a protocol migration has no FHIR resource; the enrolment's EpisodeOfCare keeps the protocol enrolled under"),
          new MappingRow("TRANSFERRED_IN", "subject, date", "Basic", "code; created; subject (mother or infant)", "event-kind|TRANSFERRED_IN + " + Terminology.SMART_TRANSFER_IN, BOTH,
              "no FHIR resource records a programme transfer by itself"),
          new MappingRow("TRANSFERRED_OUT", "subject, date", "Basic", "code; created; subject (mother or infant)", "event-kind|TRANSFERRED_OUT + " + Terminology.SMART_TRANSFERRED_OUT, BOTH,
              "SNOMED 266751003 left out (a transfer between departments)"));
    }
  }

  /** Rows for what is not a resource of its own. */
  static ImmutableList<MappingRow> envelopeRows() {
    return ImmutableList.of(
        new MappingRow("CORRECTED", "—", "(the corrected event's resource)", "identifier <case>/<root id> unchanged; content replaced; extension:event-id = the correction's id",
            "", BOTH, "a correction updates, never duplicates"),
        new MappingRow("VOIDED", "—", "(the voided event's resource)", "status entered-in-error (Basic: none); extension:voided (id, date, recordedAt, user, facility, source, reason)",
            "", BOTH, "resources are never deleted"),
        new MappingRow("(every event)", "id, kind, recordedAt", "(every event resource)", "identifier; meta.tag; extension:recorded-at",
            "event-kind|<kind>", BOTH, "third-party resources without the tag are read by code (Observation)"),
        new MappingRow("(every event)", "recordedBy", "Provenance", "target; recorded; agent (enterer: user; onBehalfOf: facility), agent (assembler: source system)",
            Terminology.PARTICIPANT_ENTERER + "; " + Terminology.PARTICIPANT_ASSEMBLER + "; " + Terminology.DATA_OPERATION_CREATE, BOTH,
            "one Provenance per recorder; imported resources without one get the importer's recorder"),
        new MappingRow("(every resource)", "—", "(every resource)", "meta.security", Terminology.CONFIDENTIALITY_RESTRICTED + "; " + Terminology.SENSITIVITY_HIV, EXPORT,
            "the HIV security labels"));
  }
}
