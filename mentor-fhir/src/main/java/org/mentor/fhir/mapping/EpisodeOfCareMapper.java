package org.mentor.fhir.mapping;

import static org.mentor.fhir.mapping.MappingRow.Direction.BOTH;
import static org.mentor.fhir.mapping.MappingRow.Direction.EXPORT;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Quantity;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Phase;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.terminology.Terminology;

/**
 * The mother's programme enrolment (one per pregnancy) as an EpisodeOfCare identified by the case
 * id; the protocol, HIV status at enrolment and pregnancy dating ride as extensions (no standard
 * element holds them; LOINC 11778-8 and 18185-9 were left out as not confirmed).
 */
final class EpisodeOfCareMapper extends EventMapper<EpisodeOfCare> {
  static final String PROTOCOL = "protocol";
  static final String HIV_STATUS = "hiv-status";

  EpisodeOfCareMapper() {
    super("EpisodeOfCare", EpisodeOfCare.class);
  }

  @Override
  ImmutableSet<EventKind> kinds() {
    return ImmutableSet.of(EventKind.ENROLLED);
  }

  @Override
  EpisodeOfCare write(PathwayEvent content, MapContext ctx) {
    Enrolled e = (Enrolled) content;
    EpisodeOfCare episode = new EpisodeOfCare();
    episode.addIdentifier().setSystem(ctx.uris.caseSystem()).setValue(ctx.caseId.value());
    episode.setStatus(ctx.state.phaseStatus() == Phase.CLOSED ? EpisodeOfCareStatus.FINISHED : EpisodeOfCareStatus.ACTIVE);
    episode.addType(Concepts.mentorConcept(ctx.uris, "programme", "PMTCT"));
    if (Derived.motherPositive(ctx)) {
      episode.getTypeFirstRep().addCoding(Terminology.SMART_PREGNANCY_IN_HIV.coding());
      episode.addDiagnosis().setCondition(ctx.derived("Condition", "hiv"));
    }
    episode.setPatient(ctx.mother());
    episode.getPeriod().setStartElement(Concepts.dateTime(e.occurredOn()));
    ctx.mentorOn(ctx.asOf).ifPresent(m -> episode.setCareManager(ctx.mentor(m)));
    episode.addExtension(ctx.uris.extension(PROTOCOL), protocol(ctx.uris, e.protocol()));
    episode.addExtension(ctx.uris.extension(HIV_STATUS), Concepts.mentor(ctx.uris, HIV_STATUS, e.hivStatus().name()));
    e.lmp().ifPresent(d -> episode.addExtension(ctx.uris.extension("lmp"), Envelope.date(d)));
    e.edd().ifPresent(d -> episode.addExtension(ctx.uris.extension("edd"), Envelope.date(d)));
    e.gestationalAgeDays().ifPresent(d -> episode.addExtension(ctx.uris.extension("gestational-age"), Concepts.quantity(d, Terminology.UNIT_DAY)));
    return episode;
  }

  static Coding protocol(MentorUris uris, ProtocolRef ref) {
    return Concepts.mentor(uris, PROTOCOL, ref.id()).setVersion(ref.version());
  }

  static ProtocolRef protocol(Extension ext, ReadContext rc, String element) {
    if (ext == null || !(ext.getValue() instanceof Coding coding) || !coding.hasCode() || !coding.hasVersion()) {
      throw rc.refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    return new ProtocolRef(coding.getCode(), coding.getVersion());
  }

  @Override
  PathwayEvent read(EpisodeOfCare episode, EventKind kind, ReadContext rc) {
    Identifier mother = episode.getPatient().getIdentifier();
    if (!rc.uris.motherSystem().equals(mother.getSystem()) || !mother.hasValue()) {
      throw rc.refuse("EpisodeOfCare.patient.identifier", FhirRule.DANGLING_REFERENCE);
    }
    ProtocolRef protocol = protocol(episode.getExtensionByUrl(rc.uris.extension(PROTOCOL)), rc, "EpisodeOfCare.extension:protocol");
    Extension status = episode.getExtensionByUrl(rc.uris.extension(HIV_STATUS));
    if (status == null || !(status.getValue() instanceof Coding coding)) {
      throw rc.refuse("EpisodeOfCare.extension:hiv-status", FhirRule.REQUIRED_ELEMENT);
    }
    HivStatus hiv;
    try {
      hiv = HivStatus.valueOf(coding.getCode());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw rc.refuse("EpisodeOfCare.extension:hiv-status", FhirRule.UNKNOWN_CODE);
    }
    return new Enrolled(rc.id, rc.date(episode.getPeriod().getStartElement(), "EpisodeOfCare.period.start"), rc.recordedAt, rc.recordedBy,
        MotherId.of(mother.getValue()), protocol, hiv,
        dateExt(episode, rc, "lmp"), dateExt(episode, rc, "edd"), days(episode, rc));
  }

  private static Optional<java.time.LocalDate> dateExt(EpisodeOfCare episode, ReadContext rc, String name) {
    Extension ext = episode.getExtensionByUrl(rc.uris.extension(name));
    if (ext == null) {
      return Optional.empty();
    }
    return Optional.of(rc.date(ext.getValue() instanceof DateType d ? d : null, "EpisodeOfCare.extension:" + name));
  }

  private static Optional<Integer> days(EpisodeOfCare episode, ReadContext rc) {
    Extension ext = episode.getExtensionByUrl(rc.uris.extension("gestational-age"));
    if (ext == null) {
      return Optional.empty();
    }
    if (!(ext.getValue() instanceof Quantity q) || !q.hasValue() || !"d".equals(q.getCode())) {
      throw rc.refuse("EpisodeOfCare.extension:gestational-age", FhirRule.INVALID_VALUE);
    }
    try {
      return Optional.of(q.getValue().intValueExact());
    } catch (ArithmeticException e) {
      throw rc.refuse("EpisodeOfCare.extension:gestational-age", FhirRule.INVALID_VALUE);
    }
  }

  @Override
  List<Identifier> identifiers(EpisodeOfCare resource) {
    return resource.getIdentifier();
  }

  @Override
  void enteredInError(EpisodeOfCare resource) {
    resource.setStatus(EpisodeOfCareStatus.ENTEREDINERROR);
  }

  @Override
  boolean isEnteredInError(EpisodeOfCare resource) {
    return resource.getStatus() == EpisodeOfCareStatus.ENTEREDINERROR;
  }

  @Override
  String element(EventKind kind, String coreField) {
    if (coreField.endsWith("gestationalAgeDays")) {
      return "EpisodeOfCare.extension:gestational-age";
    }
    if (coreField.endsWith("edd")) {
      return "EpisodeOfCare.extension:edd";
    }
    return coreField.endsWith("protocol") ? "EpisodeOfCare.extension:protocol" : type;
  }

  @Override
  ImmutableList<MappingRow> rows() {
    return ImmutableList.of(
        new MappingRow("ENROLLED", "—", "EpisodeOfCare", "identifier (case id and event); period.start; patient (mother, by identifier)",
            "programme|PMTCT (+ " + Terminology.SMART_PREGNANCY_IN_HIV + " once she is known positive)", BOTH, "one per pregnancy"),
        new MappingRow("ENROLLED", "protocol id and version", "extension", "EpisodeOfCare.extension:protocol (Coding with version)", "protocol|<id>", BOTH, ""),
        new MappingRow("ENROLLED", "HIV status at enrolment", "extension", "EpisodeOfCare.extension:hiv-status", "hiv-status|POSITIVE, NEGATIVE, UNKNOWN", BOTH, ""),
        new MappingRow("ENROLLED", "LMP, EDD, gestational age", "extension", "EpisodeOfCare.extension:lmp, :edd, :gestational-age", Terminology.UNIT_DAY.toString(), BOTH,
            "LOINC 11778-8 / 18185-9 not confirmed, so no Observation"),
        new MappingRow("(evaluation)", "phase, mentor, diagnosis", "EpisodeOfCare", "status (active; finished when CLOSED); careManager → the current mentor's PractitionerRole; diagnosis.condition", "", EXPORT,
            "as of the mapping date"));
  }
}
