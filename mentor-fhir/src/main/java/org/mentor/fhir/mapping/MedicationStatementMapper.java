package org.mentor.fhir.mapping;

import static org.mentor.fhir.mapping.MappingRow.Direction.BOTH;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.r4.model.Period;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.Codes.RegimenChangeReason;
import org.mentor.core.pathway.CotrimoxazoleStarted;
import org.mentor.core.pathway.CotrimoxazoleStopped;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.InfantArtStarted;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.InfantProphylaxisStopped;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.RegimenChanged;
import org.mentor.core.pathway.Subject;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.terminology.Code;
import org.mentor.fhir.terminology.Terminology;

/**
 * What a person takes, as MedicationStatements: the mother's ART start and regimen changes, the
 * infant's ARV prophylaxis, cotrimoxazole and ART. A start is {@code active} from
 * {@code effectivePeriod.start}; a stop is {@code stopped} with {@code effectivePeriod.end}.
 */
final class MedicationStatementMapper extends EventMapper<MedicationStatement> {
  static final String REGIMEN = "regimen";
  static final String PROPHYLAXIS = "prophylaxis";
  static final String MEDICATION = "medication";

  MedicationStatementMapper() {
    super("MedicationStatement", MedicationStatement.class);
  }

  @Override
  ImmutableSet<EventKind> kinds() {
    return ImmutableSet.of(EventKind.ART_STARTED, EventKind.REGIMEN_CHANGED, EventKind.INFANT_PROPHYLAXIS_STARTED,
        EventKind.INFANT_PROPHYLAXIS_STOPPED, EventKind.COTRIMOXAZOLE_STARTED, EventKind.COTRIMOXAZOLE_STOPPED, EventKind.INFANT_ART_STARTED);
  }

  @Override
  MedicationStatement write(PathwayEvent content, MapContext ctx) {
    MedicationStatement m = new MedicationStatement();
    boolean stop = content.kind() == EventKind.INFANT_PROPHYLAXIS_STOPPED || content.kind() == EventKind.COTRIMOXAZOLE_STOPPED;
    m.setStatus(stop ? MedicationStatementStatus.STOPPED : MedicationStatementStatus.ACTIVE);
    Period period = new Period();
    if (stop) {
      period.setEndElement(Concepts.dateTime(content.occurredOn()));
    } else {
      period.setStartElement(Concepts.dateTime(content.occurredOn()));
    }
    m.setEffective(period);
    m.setDateAssertedElement(Concepts.dateTime(content.occurredOn()));
    switch (content.kind()) {
      case ART_STARTED -> art(m, ((ArtStarted) content).regimen(), ctx);
      case REGIMEN_CHANGED -> {
        RegimenChanged change = (RegimenChanged) content;
        art(m, change.regimen(), ctx);
        m.addStatusReason(Concepts.mentorConcept(ctx.uris, "regimen-change-reason", change.reason().name()));
      }
      case INFANT_PROPHYLAXIS_STARTED -> {
        InfantProphylaxisStarted start = (InfantProphylaxisStarted) content;
        prophylaxis(m, start.regimen(), ctx);
        m.setSubject(ctx.infant(start.infantId()));
      }
      case INFANT_PROPHYLAXIS_STOPPED -> {
        InfantProphylaxisStopped stopped = (InfantProphylaxisStopped) content;
        ProphylaxisRegimen regimen = ctx.facts.infants().containsKey(stopped.infantId())
            ? ctx.facts.infants().get(stopped.infantId()).prophylaxis()
                .latest(e -> e.kind() == EventKind.INFANT_PROPHYLAXIS_STARTED && !e.occurredOn().isAfter(stopped.occurredOn()))
                .map(e -> ((InfantProphylaxisStarted) e).regimen()).orElse(ProphylaxisRegimen.NVP)
            : ProphylaxisRegimen.NVP;
        prophylaxis(m, regimen, ctx);
        m.setSubject(ctx.infant(stopped.infantId()));
      }
      case COTRIMOXAZOLE_STARTED -> cotrimoxazole(m, ((CotrimoxazoleStarted) content).infantId(), ctx);
      case COTRIMOXAZOLE_STOPPED -> cotrimoxazole(m, ((CotrimoxazoleStopped) content).infantId(), ctx);
      case INFANT_ART_STARTED -> {
        m.setMedication(Concepts.mentorConcept(ctx.uris, MEDICATION, "INFANT_ART").setText("Antiretroviral therapy"));
        m.addReasonCode(Concepts.of(Terminology.SMART_ON_ART));
        m.setSubject(ctx.infant(((InfantArtStarted) content).infantId()));
      }
      default -> throw new IllegalArgumentException("not a MedicationStatement event: " + content.kind());
    }
    return m;
  }

  private static void art(MedicationStatement m, Regimen regimen, MapContext ctx) {
    CodeableConcept medication = Concepts.mentorConcept(ctx.uris, REGIMEN, regimen.code());
    if (regimen.code().equals(Regimen.TLD.code())) {
      medication.addCoding(Terminology.SMART_TLD.coding());
    } else if (regimen.code().equals(Regimen.TLE.code())) {
      medication.addCoding(Terminology.SMART_TLE.coding());
    }
    medication.setText(regimen.code());
    m.setMedication(medication);
    m.addReasonCode(Concepts.of(Terminology.SMART_ON_ART));
    m.setSubject(ctx.mother());
    m.addExtension(ctx.uris.extension("regimen-class"), new CodeType(regimen.anchorClass().name()));
  }

  private static void prophylaxis(MedicationStatement m, ProphylaxisRegimen regimen, MapContext ctx) {
    CodeableConcept medication = Concepts.mentorConcept(ctx.uris, PROPHYLAXIS, regimen.name());
    switch (regimen) {
      case NVP -> {
        medication.addCoding(Terminology.SMART_NVP.coding()).addCoding(Terminology.ATC_NEVIRAPINE.coding())
            .addCoding(Terminology.SNOMED_NEVIRAPINE.coding());
        medication.setText("Nevirapine (NVP)");
      }
      case AZT -> {
        medication.addCoding(Terminology.SMART_AZT.coding()).addCoding(Terminology.ATC_ZIDOVUDINE.coding())
            .addCoding(Terminology.SNOMED_ZIDOVUDINE.coding());
        medication.setText("Zidovudine (AZT)");
      }
      case AZT_NVP -> medication.setText("Zidovudine and nevirapine (AZT + NVP)");
      case THREE_DRUG -> medication.setText("Three-drug infant prophylaxis");
    }
    m.setMedication(medication);
    m.addReasonCode(Concepts.of(Terminology.SMART_INFANT_PROPHYLAXIS));
  }

  private static void cotrimoxazole(MedicationStatement m, InfantId infant, MapContext ctx) {
    m.setMedication(Concepts.mentorConcept(ctx.uris, MEDICATION, "CTX", Terminology.ATC_COTRIMOXAZOLE).setText("Co-trimoxazole"));
    m.setSubject(ctx.infant(infant));
  }

  @Override
  PathwayEvent read(MedicationStatement m, EventKind kind, ReadContext rc) {
    boolean stop = kind == EventKind.INFANT_PROPHYLAXIS_STOPPED || kind == EventKind.COTRIMOXAZOLE_STOPPED;
    LocalDate on = date(m, stop, rc);
    Subject subject = rc.person(m.getSubject(), "MedicationStatement.subject");
    if (kind == EventKind.ART_STARTED || kind == EventKind.REGIMEN_CHANGED) {
      if (!subject.isMother()) {
        throw rc.refuse("MedicationStatement.subject", FhirRule.WRONG_REFERENCE_TYPE);
      }
      Regimen regimen = regimen(m, rc);
      if (kind == EventKind.ART_STARTED) {
        return new ArtStarted(rc.id, on, rc.recordedAt, rc.recordedBy, regimen);
      }
      return new RegimenChanged(rc.id, on, rc.recordedAt, rc.recordedBy, regimen,
          rc.mentorEnum(m.getStatusReasonFirstRep(), "regimen-change-reason", RegimenChangeReason.class, "MedicationStatement.statusReason"));
    }
    InfantId infant = subject.infantId().orElseThrow(() -> rc.refuse("MedicationStatement.subject", FhirRule.WRONG_REFERENCE_TYPE));
    return switch (kind) {
      case INFANT_PROPHYLAXIS_STARTED -> new InfantProphylaxisStarted(rc.id, on, rc.recordedAt, rc.recordedBy, infant,
          rc.mentorEnum(m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null, PROPHYLAXIS, ProphylaxisRegimen.class,
              "MedicationStatement.medicationCodeableConcept"));
      case INFANT_PROPHYLAXIS_STOPPED -> new InfantProphylaxisStopped(rc.id, on, rc.recordedAt, rc.recordedBy, infant);
      case COTRIMOXAZOLE_STARTED -> new CotrimoxazoleStarted(rc.id, on, rc.recordedAt, rc.recordedBy, infant);
      case COTRIMOXAZOLE_STOPPED -> new CotrimoxazoleStopped(rc.id, on, rc.recordedAt, rc.recordedBy, infant);
      case INFANT_ART_STARTED -> new InfantArtStarted(rc.id, on, rc.recordedAt, rc.recordedBy, infant);
      default -> throw rc.refuse("MedicationStatement.meta.tag", FhirRule.UNSUPPORTED_RESOURCE);
    };
  }

  private static LocalDate date(MedicationStatement m, boolean stop, ReadContext rc) {
    if (m.hasEffectivePeriod()) {
      return stop ? rc.date(m.getEffectivePeriod().getEndElement(), "MedicationStatement.effectivePeriod.end")
          : rc.date(m.getEffectivePeriod().getStartElement(), "MedicationStatement.effectivePeriod.start");
    }
    return rc.date(m.hasEffectiveDateTimeType() ? m.getEffectiveDateTimeType() : null, "MedicationStatement.effective[x]");
  }

  private static Regimen regimen(MedicationStatement m, ReadContext rc) {
    if (!m.hasMedicationCodeableConcept()) {
      throw rc.refuse("MedicationStatement.medication[x]", FhirRule.REQUIRED_ELEMENT);
    }
    CodeableConcept medication = m.getMedicationCodeableConcept();
    var code = rc.mentorCode(medication, REGIMEN);
    if (code.isEmpty()) {
      int known = rc.oneOf(medication, "MedicationStatement.medicationCodeableConcept", List.<Code>of(Terminology.SMART_TLD, Terminology.SMART_TLE));
      return known == 0 ? Regimen.TLD : Regimen.TLE;
    }
    Extension cls = m.getExtensionByUrl(rc.uris.extension("regimen-class"));
    if (cls == null || !(cls.getValue() instanceof CodeType type)) {
      throw rc.refuse("MedicationStatement.extension:regimen-class", FhirRule.REQUIRED_ELEMENT);
    }
    try {
      return new Regimen(code.get(), Regimen.DrugClass.valueOf(type.getValue()));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw rc.refuse("MedicationStatement.extension:regimen-class", FhirRule.UNKNOWN_CODE);
    }
  }

  @Override
  List<Identifier> identifiers(MedicationStatement resource) {
    return resource.getIdentifier();
  }

  @Override
  void enteredInError(MedicationStatement resource) {
    resource.setStatus(MedicationStatementStatus.ENTEREDINERROR);
  }

  @Override
  boolean isEnteredInError(MedicationStatement resource) {
    return resource.getStatus() == MedicationStatementStatus.ENTEREDINERROR;
  }

  @Override
  String element(EventKind kind, String coreField) {
    if (coreField.endsWith("infantId")) {
      return "MedicationStatement.subject";
    }
    if (coreField.endsWith("occurredOn")) {
      return "MedicationStatement.effectivePeriod";
    }
    return type;
  }

  @Override
  ImmutableList<MappingRow> rows() {
    return ImmutableList.of(
        new MappingRow("ART_STARTED", "—", "MedicationStatement", "status active; effectivePeriod.start; subject (mother); reasonCode",
            Terminology.SMART_ON_ART.toString(), BOTH, "SMART HivOnArt shape"),
        new MappingRow("ART_STARTED, REGIMEN_CHANGED", "regimen", "MedicationStatement", "medicationCodeableConcept; extension:regimen-class",
            "regimen|<code> + " + Terminology.SMART_TLD + " (TLD) or " + Terminology.SMART_TLE + " (TLE)", BOTH,
            "ATC J05AR27 and RxNorm left out (not confirmed); import without a Mentor code reads the SMART TLD/TLE concepts"),
        new MappingRow("REGIMEN_CHANGED", "reason", "MedicationStatement", "statusReason", "regimen-change-reason|<reason>", BOTH, ""),
        new MappingRow("INFANT_PROPHYLAXIS_STARTED", "regimen, infant", "MedicationStatement", "medicationCodeableConcept; effectivePeriod.start; subject (infant); reasonCode",
            "prophylaxis|NVP + " + Terminology.SMART_NVP + " + " + Terminology.ATC_NEVIRAPINE + " + " + Terminology.SNOMED_NEVIRAPINE
                + "; prophylaxis|AZT + " + Terminology.SMART_AZT + " + " + Terminology.ATC_ZIDOVUDINE + " + " + Terminology.SNOMED_ZIDOVUDINE
                + "; prophylaxis|AZT_NVP, THREE_DRUG (text); reason " + Terminology.SMART_INFANT_PROPHYLAXIS, BOTH, ""),
        new MappingRow("INFANT_PROPHYLAXIS_STOPPED", "—", "MedicationStatement", "status stopped; effectivePeriod.end; subject (infant)", "the course's regimen", BOTH, ""),
        new MappingRow("COTRIMOXAZOLE_STARTED, COTRIMOXAZOLE_STOPPED", "—", "MedicationStatement", "medicationCodeableConcept; effectivePeriod.start / .end; subject (infant)",
            "medication|CTX + " + Terminology.ATC_COTRIMOXAZOLE, BOTH, "SNOMED code for CTX left out (none confirmed)"),
        new MappingRow("INFANT_ART_STARTED", "—", "MedicationStatement", "medicationCodeableConcept; effectivePeriod.start; subject (infant); reasonCode",
            "medication|INFANT_ART; " + Terminology.SMART_ON_ART, BOTH, ""));
  }
}
