package org.mentor.fhir.mapping;

import static org.mentor.fhir.mapping.MappingRow.Direction.BOTH;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationDispense.MedicationDispenseStatus;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.mentor.core.pathway.AdherenceCounselled;
import org.mentor.core.pathway.ArvsDispensed;
import org.mentor.core.pathway.Codes.CounsellingKind;
import org.mentor.core.pathway.ConsentRecorded;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.terminology.Code;
import org.mentor.fhir.terminology.Terminology;

/** The mappers of resource types that carry a single event kind with few fields. */
final class SmallMappers {
  private SmallMappers() {}

  static void mother(org.hl7.fhir.r4.model.Reference ref, ReadContext rc, String element) {
    if (!rc.person(ref, element).isMother()) {
      throw rc.refuse(element, FhirRule.WRONG_REFERENCE_TYPE);
    }
  }

  static int integer(Quantity q, ReadContext rc, String element, Code unit) {
    if (q == null || !q.hasValue()) {
      throw rc.refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    if (!unit.code().equals(q.getCode())) {
      throw rc.refuse(element, FhirRule.INVALID_VALUE);
    }
    try {
      return q.getValue().intValueExact();
    } catch (ArithmeticException e) {
      throw rc.refuse(element, FhirRule.INVALID_VALUE);
    }
  }

  /** ARVs handed to the mother. */
  static final class Dispense extends EventMapper<MedicationDispense> {
    Dispense() {
      super("MedicationDispense", MedicationDispense.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.ARVS_DISPENSED);
    }

    @Override
    MedicationDispense write(PathwayEvent content, MapContext ctx) {
      ArvsDispensed d = (ArvsDispensed) content;
      MedicationDispense m = new MedicationDispense();
      m.setStatus(MedicationDispenseStatus.COMPLETED);
      m.setMedication(Concepts.mentorConcept(ctx.uris, MedicationStatementMapper.MEDICATION, "ARV").setText("Antiretroviral medicines"));
      m.setSubject(ctx.mother());
      m.setQuantity(Concepts.quantity(d.quantity(), Terminology.UNIT_TABLET));
      m.setDaysSupply(Concepts.quantity(d.daysSupply(), Terminology.UNIT_DAY));
      m.setWhenHandedOverElement(Concepts.dateTime(d.occurredOn()));
      return m;
    }

    @Override
    PathwayEvent read(MedicationDispense m, EventKind kind, ReadContext rc) {
      mother(m.getSubject(), rc, "MedicationDispense.subject");
      return new ArvsDispensed(rc.id, rc.date(m.getWhenHandedOverElement(), "MedicationDispense.whenHandedOver"), rc.recordedAt, rc.recordedBy,
          integer(m.getQuantity(), rc, "MedicationDispense.quantity", Terminology.UNIT_TABLET),
          integer(m.getDaysSupply(), rc, "MedicationDispense.daysSupply", Terminology.UNIT_DAY));
    }

    @Override
    List<Identifier> identifiers(MedicationDispense resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(MedicationDispense resource) {
      resource.setStatus(MedicationDispenseStatus.ENTEREDINERROR);
    }

    @Override
    boolean isEnteredInError(MedicationDispense resource) {
      return resource.getStatus() == MedicationDispenseStatus.ENTEREDINERROR;
    }

    @Override
    String element(EventKind kind, String coreField) {
      return coreField.endsWith("daysSupply") ? "MedicationDispense.daysSupply" : coreField.endsWith("quantity") ? "MedicationDispense.quantity" : type;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(new MappingRow("ARVS_DISPENSED", "quantity, days' supply, date", "MedicationDispense",
          "quantity; daysSupply; whenHandedOver; subject (mother)", "medication|ARV; " + Terminology.UNIT_TABLET + "; " + Terminology.UNIT_DAY, BOTH, ""));
    }
  }

  /** Adherence counselling sessions. */
  static final class Counselling extends EventMapper<Procedure> {
    Counselling() {
      super("Procedure", Procedure.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.ADHERENCE_COUNSELLED);
    }

    @Override
    Procedure write(PathwayEvent content, MapContext ctx) {
      AdherenceCounselled c = (AdherenceCounselled) content;
      Procedure p = new Procedure();
      p.setStatus(ProcedureStatus.COMPLETED);
      p.setCode(Concepts.mentorConcept(ctx.uris, "counselling", c.counselling().name(), Terminology.SMART_ADHERENCE_COUNSELLING));
      p.setSubject(ctx.mother());
      p.setPerformed(Concepts.dateTime(c.occurredOn()));
      return p;
    }

    @Override
    PathwayEvent read(Procedure p, EventKind kind, ReadContext rc) {
      mother(p.getSubject(), rc, "Procedure.subject");
      return new AdherenceCounselled(rc.id, rc.date(p.hasPerformedDateTimeType() ? p.getPerformedDateTimeType() : null, "Procedure.performedDateTime"),
          rc.recordedAt, rc.recordedBy, rc.mentorEnum(p.getCode(), "counselling", CounsellingKind.class, "Procedure.code"));
    }

    @Override
    List<Identifier> identifiers(Procedure resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(Procedure resource) {
      resource.setStatus(ProcedureStatus.ENTEREDINERROR);
    }

    @Override
    boolean isEnteredInError(Procedure resource) {
      return resource.getStatus() == ProcedureStatus.ENTEREDINERROR;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(new MappingRow("ADHERENCE_COUNSELLED", "kind, date", "Procedure", "code; performedDateTime; subject (mother)",
          "counselling|ROUTINE, ENHANCED + " + Terminology.SMART_ADHERENCE_COUNSELLING, BOTH, ""));
    }
  }

  /** Which contact channels the mother agreed to, and whether she disclosed to her partner. */
  static final class ConsentMapper extends EventMapper<Consent> {
    private static final String CHANNEL = "consent-channel";

    ConsentMapper() {
      super("Consent", Consent.class);
    }

    @Override
    ImmutableSet<EventKind> kinds() {
      return ImmutableSet.of(EventKind.CONSENT_RECORDED);
    }

    @Override
    Consent write(PathwayEvent content, MapContext ctx) {
      ConsentRecorded c = (ConsentRecorded) content;
      Consent consent = new Consent();
      consent.setStatus(ConsentState.ACTIVE);
      consent.setScope(Concepts.of(Terminology.CONSENT_PATIENT_PRIVACY));
      consent.addCategory(Concepts.of(Terminology.SMART_COMMUNICATION_CONSENT));
      consent.setPatient(ctx.mother());
      consent.setDateTimeElement(Concepts.dateTime(c.occurredOn()));
      consent.setPolicyRule(Concepts.of(Terminology.CONSENT_OPT_IN));
      ProvisionComponent root = consent.getProvision().setType(ConsentProvisionType.DENY);
      channel(root, ctx, "HOME_VISIT", c.homeVisits());
      channel(root, ctx, "PHONE", c.phoneCalls());
      channel(root, ctx, "SMS", c.sms());
      consent.addExtension(ctx.uris.extension("disclosed-to-partner"), new BooleanType(c.disclosedToPartner()));
      return consent;
    }

    private static void channel(ProvisionComponent root, MapContext ctx, String code, boolean permitted) {
      root.addProvision().setType(permitted ? ConsentProvisionType.PERMIT : ConsentProvisionType.DENY)
          .addCode(Concepts.mentorConcept(ctx.uris, CHANNEL, code));
    }

    @Override
    PathwayEvent read(Consent consent, EventKind kind, ReadContext rc) {
      mother(consent.getPatient(), rc, "Consent.patient");
      Extension disclosed = consent.getExtensionByUrl(rc.uris.extension("disclosed-to-partner"));
      if (disclosed == null || !(disclosed.getValue() instanceof BooleanType b) || !b.hasValue()) {
        throw rc.refuse("Consent.extension:disclosed-to-partner", FhirRule.REQUIRED_ELEMENT);
      }
      return new ConsentRecorded(rc.id, rc.date(consent.getDateTimeElement(), "Consent.dateTime"), rc.recordedAt, rc.recordedBy,
          permitted(consent, rc, "HOME_VISIT"), permitted(consent, rc, "PHONE"), permitted(consent, rc, "SMS"), b.booleanValue());
    }

    private static boolean permitted(Consent consent, ReadContext rc, String code) {
      for (ProvisionComponent p : consent.getProvision().getProvision()) {
        for (var concept : p.getCode()) {
          if (rc.mentorCode(concept, CHANNEL).filter(code::equals).isPresent()) {
            if (!p.hasType()) {
              throw rc.refuse("Consent.provision.provision.type", FhirRule.REQUIRED_ELEMENT);
            }
            return p.getType() == ConsentProvisionType.PERMIT;
          }
        }
      }
      throw rc.refuse("Consent.provision.provision", FhirRule.REQUIRED_ELEMENT);
    }

    @Override
    List<Identifier> identifiers(Consent resource) {
      return resource.getIdentifier();
    }

    @Override
    void enteredInError(Consent resource) {
      resource.setStatus(ConsentState.ENTEREDINERROR);
    }

    @Override
    boolean isEnteredInError(Consent resource) {
      return resource.getStatus() == ConsentState.ENTEREDINERROR;
    }

    @Override
    ImmutableList<MappingRow> rows() {
      return ImmutableList.of(
          new MappingRow("CONSENT_RECORDED", "home visits, phone calls, SMS", "Consent",
              "provision (deny by default) with one nested provision per channel, permit or deny; scope; category; policyRule; dateTime; patient (mother)",
              "consent-channel|HOME_VISIT, PHONE, SMS; " + Terminology.CONSENT_PATIENT_PRIVACY + "; " + Terminology.SMART_COMMUNICATION_CONSENT + "; " + Terminology.CONSENT_OPT_IN,
              BOTH, "tracing never proposes a channel she has not agreed to"),
          new MappingRow("CONSENT_RECORDED", "disclosed to partner", "extension", "Consent.extension:disclosed-to-partner", "", BOTH,
              "disclosure is a fact, not a consent; no standard element"));
    }
  }
}
