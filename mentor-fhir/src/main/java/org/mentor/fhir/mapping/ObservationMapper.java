package org.mentor.fhir.mapping;

import static org.mentor.fhir.mapping.MappingRow.Direction.BOTH;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.mentor.core.adherence.PillCountAdherence;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Died;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.terminology.Code;
import org.mentor.fhir.terminology.Terminology;

/**
 * Observations: maternal HIV test result, viral load (with "below the limit" as a comparator),
 * infant NAT and antibody tests, pill-count adherence, infant feeding, death. Third-party
 * Observations (a lab's viral load or infant test with only LOINC codes) are recognised by code.
 */
final class ObservationMapper extends EventMapper<Observation> {
  static final String ADHERENCE = "adherence";
  private static final List<Code> VL_CODES = List.of(Terminology.VL_PLASMA, Terminology.VL_UNSPECIFIED, Terminology.SMART_VL_RESULT);
  private static final List<Code> NAT_CODES = List.of(Terminology.NAT_DNA, Terminology.NAT_TOTAL_NUCLEIC_ACID,
      Terminology.NAT_RNA_PLASMA, Terminology.NAT_PROVIRAL_DNA_OLD, Terminology.SMART_NAT);
  private static final List<Code> ANTIBODY_CODES = List.of(Terminology.ANTIBODY_RAPID, Terminology.ANTIBODY_HIV1_RAPID, Terminology.SMART_RDT);
  /** Result codes, index-aligned with {@link #RESULT_MEANING}. */
  private static final List<Code> RESULT_CODES = List.of(Terminology.SMART_NAT_POSITIVE, Terminology.SMART_REACTIVE,
      Terminology.SMART_TEST_POSITIVE, Terminology.POSITIVE, Terminology.REACTIVE,
      Terminology.SMART_NAT_NEGATIVE, Terminology.SMART_NON_REACTIVE, Terminology.SMART_TEST_NEGATIVE, Terminology.NEGATIVE,
      Terminology.NON_REACTIVE, Terminology.SMART_NAT_INDETERMINATE, Terminology.SMART_TEST_INCONCLUSIVE, Terminology.INCONCLUSIVE);
  private static final List<Integer> RESULT_MEANING = List.of(1, 1, 1, 1, 1, -1, -1, -1, -1, -1, 0, 0, 0);
  private static final List<Code> FEEDING_CODES = List.of(Terminology.SMART_EXCLUSIVE_BREASTFEEDING, Terminology.SMART_MIXED_FEEDING,
      Terminology.SMART_REPLACEMENT_FEEDING, Terminology.SMART_STOPPED_BREASTFEEDING);
  private static final Pattern BELOW_TEXT = Pattern.compile("\\s*<\\s*(\\d{1,9})\\s*(copies/mL)?\\s*");

  ObservationMapper() {
    super("Observation", Observation.class);
  }

  @Override
  ImmutableSet<EventKind> kinds() {
    return ImmutableSet.of(EventKind.MATERNAL_HIV_TESTED, EventKind.VIRAL_LOAD_RESULTED, EventKind.INFANT_HIV_TESTED,
        EventKind.PILL_COUNTED, EventKind.FEEDING_RECORDED, EventKind.DIED);
  }

  @Override
  Observation write(PathwayEvent content, MapContext ctx) {
    Observation o = new Observation();
    o.setStatus(ObservationStatus.FINAL);
    o.setEffective(Concepts.dateTime(content.occurredOn()));
    switch (content.kind()) {
      case MATERNAL_HIV_TESTED -> {
        MaternalHivTested test = (MaternalHivTested) content;
        o.addCategory(Concepts.of(Terminology.CATEGORY_LABORATORY));
        o.setCode(Concepts.of(Terminology.SMART_HIV_TEST_RESULT));
        o.setSubject(ctx.mother());
        o.setValue(switch (test.result()) {
          case POSITIVE -> Concepts.of(Terminology.SMART_TEST_POSITIVE, Terminology.POSITIVE);
          case NEGATIVE -> Concepts.of(Terminology.SMART_TEST_NEGATIVE, Terminology.NEGATIVE);
          case INCONCLUSIVE -> Concepts.of(Terminology.SMART_TEST_INCONCLUSIVE, Terminology.INCONCLUSIVE);
        });
      }
      case VIRAL_LOAD_RESULTED -> {
        ViralLoadResulted vl = (ViralLoadResulted) content;
        o.addCategory(Concepts.of(Terminology.CATEGORY_LABORATORY));
        o.setCode(Concepts.of(Terminology.VL_PLASMA, Terminology.SMART_VL_RESULT));
        o.setSubject(ctx.mother());
        o.setIssuedElement(issued(vl.resultDate(), ctx));
        switch (vl.result().qualifier()) {
          case EXACT -> o.setValue(Concepts.quantity(vl.result().copiesPerMl(), Terminology.UNIT_COPIES_PER_ML));
          case BELOW_LIMIT -> o.setValue(Concepts.quantity(vl.result().copiesPerMl(), Terminology.UNIT_COPIES_PER_ML)
              .setComparator(Quantity.QuantityComparator.LESS_THAN));
          case NOT_DETECTED -> {
            o.setValue(Concepts.of(Terminology.NOT_DETECTED));
            o.addInterpretation(Concepts.of(Terminology.INTERPRETATION_NOT_DETECTED));
          }
        }
        basedOn(o, content, ctx);
      }
      case INFANT_HIV_TESTED -> {
        InfantHivTested test = (InfantHivTested) content;
        o.addCategory(Concepts.of(Terminology.CATEGORY_LABORATORY));
        boolean nat = test.testType() == InfantTestType.NAT;
        o.setCode(nat ? Concepts.of(Terminology.NAT_DNA, Terminology.SMART_NAT) : Concepts.of(Terminology.ANTIBODY_RAPID, Terminology.SMART_RDT));
        o.setSubject(ctx.infant(test.infantId()));
        if (test.result() == InfantTestResult.PENDING) {
          o.setStatus(ObservationStatus.REGISTERED);
        } else {
          o.setIssuedElement(issued(test.resultDate().orElseThrow(), ctx));
          o.setValue(switch (test.result()) {
            case POSITIVE -> nat ? Concepts.of(Terminology.SMART_NAT_POSITIVE, Terminology.POSITIVE) : Concepts.of(Terminology.SMART_REACTIVE, Terminology.REACTIVE);
            case NEGATIVE -> nat ? Concepts.of(Terminology.SMART_NAT_NEGATIVE, Terminology.NEGATIVE) : Concepts.of(Terminology.SMART_NON_REACTIVE, Terminology.NON_REACTIVE);
            case INDETERMINATE -> nat ? Concepts.of(Terminology.SMART_NAT_INDETERMINATE, Terminology.INCONCLUSIVE) : Concepts.of(Terminology.INCONCLUSIVE);
            case PENDING -> throw new AssertionError();
          });
        }
        basedOn(o, content, ctx);
      }
      case PILL_COUNTED -> {
        PillCounted count = (PillCounted) content;
        o.setCode(Concepts.mentorConcept(ctx.uris, ADHERENCE, "pill-count", Terminology.SMART_ADHERENCE_ASSESSMENT));
        o.getCode().setText("Pill-count adherence");
        o.setSubject(ctx.mother());
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(PillCountAdherence.percent(count)).setScale(1, java.math.RoundingMode.HALF_UP))
            .setUnit("%").setSystem(Terminology.UCUM).setCode("%"));
        component(o, ctx, "pills-dispensed", count.pillsDispensed(), Terminology.UNIT_TABLET);
        component(o, ctx, "pills-remaining", count.pillsRemaining(), Terminology.UNIT_TABLET);
        component(o, ctx, "days-since-dispensing", count.daysSinceDispensing(), Terminology.UNIT_DAY);
        component(o, ctx, "daily-doses", count.dailyDoses(), Terminology.UNIT_DOSE_PER_DAY);
      }
      case FEEDING_RECORDED -> {
        FeedingRecorded feeding = (FeedingRecorded) content;
        o.addCategory(Concepts.of(Terminology.CATEGORY_SOCIAL_HISTORY));
        o.setCode(Concepts.of(Terminology.SMART_FEEDING_PRACTICE));
        o.setSubject(ctx.infant(feeding.infantId()));
        o.setValue(switch (feeding.mode()) {
          case EXCLUSIVE_BREASTFEEDING -> Concepts.of(Terminology.SMART_EXCLUSIVE_BREASTFEEDING, Terminology.CURRENTLY_BREASTFEEDING);
          case MIXED_FEEDING -> Concepts.of(Terminology.SMART_MIXED_FEEDING, Terminology.CURRENTLY_BREASTFEEDING);
          case REPLACEMENT_FEEDING -> Concepts.of(Terminology.SMART_REPLACEMENT_FEEDING, Terminology.NOT_CURRENTLY_BREASTFEEDING);
          case BREASTFEEDING_STOPPED -> Concepts.of(Terminology.SMART_STOPPED_BREASTFEEDING, Terminology.NOT_CURRENTLY_BREASTFEEDING);
        });
      }
      case DIED -> {
        Died died = (Died) content;
        o.setCode(Concepts.of(Terminology.SMART_DEATH));
        o.setSubject(ctx.subject(died.subject()));
        o.setValue(Concepts.of(Terminology.DEAD));
      }
      default -> throw new IllegalArgumentException("not an Observation event: " + content.kind());
    }
    return o;
  }

  private static InstantType issued(LocalDate date, MapContext ctx) {
    InstantType issued = new InstantType(Concepts.startOfDay(date, ctx.zone));
    issued.setTimeZone(java.util.TimeZone.getTimeZone(ctx.zone));
    return issued;
  }

  private static void basedOn(Observation o, PathwayEvent content, MapContext ctx) {
    String request = ctx.requestBySatisfyingEvent.get(content.id());
    if (request != null) {
      o.addBasedOn(new Reference(request));
    }
  }

  private static void component(Observation o, MapContext ctx, String code, int value, Code unit) {
    ObservationComponentComponent c = o.addComponent();
    c.setCode(new CodeableConcept(Concepts.mentor(ctx.uris, ADHERENCE, code)));
    c.setValue(Concepts.quantity(value, unit));
  }

  @Override
  Optional<EventKind> infer(Observation o, ReadContext rc) {
    if (ReadContext.find(o.getCode(), VL_CODES).isPresent()) {
      return Optional.of(EventKind.VIRAL_LOAD_RESULTED);
    }
    if (ReadContext.find(o.getCode(), List.of(Terminology.SMART_HIV_TEST_RESULT)).isPresent()) {
      return Optional.of(EventKind.MATERNAL_HIV_TESTED);
    }
    if (ReadContext.find(o.getCode(), NAT_CODES).isPresent() || ReadContext.find(o.getCode(), ANTIBODY_CODES).isPresent()) {
      return Optional.of(EventKind.INFANT_HIV_TESTED);
    }
    if (ReadContext.find(o.getCode(), List.of(Terminology.SMART_FEEDING_PRACTICE)).isPresent()) {
      return Optional.of(EventKind.FEEDING_RECORDED);
    }
    return Optional.empty();
  }

  @Override
  PathwayEvent read(Observation o, EventKind kind, ReadContext rc) {
    LocalDate on = rc.date(o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType() : null, "Observation.effectiveDateTime");
    return switch (kind) {
      case MATERNAL_HIV_TESTED -> {
        rc.oneOf(o.getCode(), "Observation.code", List.of(Terminology.SMART_HIV_TEST_RESULT));
        mother(o, rc);
        int meaning = RESULT_MEANING.get(rc.oneOf(value(o, rc), "Observation.valueCodeableConcept", RESULT_CODES));
        yield new MaternalHivTested(rc.id, on, rc.recordedAt, rc.recordedBy,
            meaning > 0 ? HivTestResult.POSITIVE : meaning < 0 ? HivTestResult.NEGATIVE : HivTestResult.INCONCLUSIVE);
      }
      case VIRAL_LOAD_RESULTED -> {
        rc.oneOf(o.getCode(), "Observation.code", VL_CODES);
        mother(o, rc);
        LocalDate resultOn = o.hasIssued() ? issuedDate(o, rc) : on;
        yield new ViralLoadResulted(rc.id, on, rc.recordedAt, rc.recordedBy, resultOn, viralLoad(o, rc));
      }
      case INFANT_HIV_TESTED -> {
        InfantTestType type;
        if (ReadContext.find(o.getCode(), NAT_CODES).isPresent()) {
          type = InfantTestType.NAT;
        } else {
          rc.oneOf(o.getCode(), "Observation.code", ANTIBODY_CODES);
          type = InfantTestType.ANTIBODY;
        }
        Subject subject = rc.person(o.getSubject(), "Observation.subject");
        if (subject.isMother()) {
          throw rc.refuse("Observation.subject", FhirRule.WRONG_REFERENCE_TYPE);
        }
        if (!o.hasValue() && (o.getStatus() == ObservationStatus.REGISTERED || o.getStatus() == ObservationStatus.PRELIMINARY
            || o.getStatus() == ObservationStatus.ENTEREDINERROR)) { // a withdrawn pending test keeps no value
          yield new InfantHivTested(rc.id, on, rc.recordedAt, rc.recordedBy, subject.infantId().orElseThrow(), type,
              InfantTestResult.PENDING, Optional.empty());
        }
        int meaning = RESULT_MEANING.get(rc.oneOf(value(o, rc), "Observation.valueCodeableConcept", RESULT_CODES));
        LocalDate resultOn = o.hasIssued() ? issuedDate(o, rc) : on;
        yield new InfantHivTested(rc.id, on, rc.recordedAt, rc.recordedBy, subject.infantId().orElseThrow(), type,
            meaning > 0 ? InfantTestResult.POSITIVE : meaning < 0 ? InfantTestResult.NEGATIVE : InfantTestResult.INDETERMINATE,
            Optional.of(resultOn));
      }
      case PILL_COUNTED -> {
        if (rc.mentorCode(o.getCode(), ADHERENCE).filter("pill-count"::equals).isEmpty()) {
          throw rc.refuse("Observation.code", FhirRule.UNKNOWN_CODE);
        }
        mother(o, rc);
        yield new PillCounted(rc.id, on, rc.recordedAt, rc.recordedBy, count(o, rc, "pills-dispensed"),
            count(o, rc, "pills-remaining"), count(o, rc, "days-since-dispensing"), count(o, rc, "daily-doses"));
      }
      case FEEDING_RECORDED -> {
        rc.oneOf(o.getCode(), "Observation.code", List.of(Terminology.SMART_FEEDING_PRACTICE));
        Subject subject = rc.person(o.getSubject(), "Observation.subject");
        if (subject.isMother()) {
          throw rc.refuse("Observation.subject", FhirRule.WRONG_REFERENCE_TYPE);
        }
        // The LOINC answers alone cannot tell exclusive from mixed, or replacement from stopped: the SMART concept decides.
        int mode = rc.oneOf(value(o, rc), "Observation.valueCodeableConcept", FEEDING_CODES);
        yield new FeedingRecorded(rc.id, on, rc.recordedAt, rc.recordedBy, subject.infantId().orElseThrow(), switch (mode) {
          case 0 -> FeedingMode.EXCLUSIVE_BREASTFEEDING;
          case 1 -> FeedingMode.MIXED_FEEDING;
          case 2 -> FeedingMode.REPLACEMENT_FEEDING;
          default -> FeedingMode.BREASTFEEDING_STOPPED;
        });
      }
      case DIED -> {
        rc.oneOf(o.getCode(), "Observation.code", List.of(Terminology.SMART_DEATH));
        rc.oneOf(value(o, rc), "Observation.valueCodeableConcept", List.of(Terminology.DEAD));
        yield new Died(rc.id, on, rc.recordedAt, rc.recordedBy, rc.person(o.getSubject(), "Observation.subject"));
      }
      default -> throw rc.refuse("Observation.meta.tag", FhirRule.UNSUPPORTED_RESOURCE);
    };
  }

  private static CodeableConcept value(Observation o, ReadContext rc) {
    if (!o.hasValue()) {
      throw rc.refuse("Observation.value[x]", FhirRule.REQUIRED_ELEMENT);
    }
    if (!o.hasValueCodeableConcept()) {
      throw rc.refuse("Observation.value[x]", FhirRule.INVALID_VALUE);
    }
    return o.getValueCodeableConcept();
  }

  private static void mother(Observation o, ReadContext rc) {
    if (!rc.person(o.getSubject(), "Observation.subject").isMother()) {
      throw rc.refuse("Observation.subject", FhirRule.WRONG_REFERENCE_TYPE);
    }
  }

  private static LocalDate issuedDate(Observation o, ReadContext rc) {
    return o.getIssued().toInstant().atZone(rc.zone).toLocalDate();
  }

  private static ViralLoad viralLoad(Observation o, ReadContext rc) {
    if (!o.hasValue()) {
      throw rc.refuse("Observation.value[x]", FhirRule.REQUIRED_ELEMENT);
    }
    if (o.hasValueCodeableConcept()) {
      rc.oneOf(o.getValueCodeableConcept(), "Observation.valueCodeableConcept", List.of(Terminology.NOT_DETECTED));
      return ViralLoad.notDetected();
    }
    if (o.hasValueStringType()) {
      Matcher below = BELOW_TEXT.matcher(((StringType) o.getValue()).getValue());
      if (!below.matches()) {
        throw rc.refuse("Observation.valueString", FhirRule.INVALID_VALUE);
      }
      return ViralLoad.belowLimit(Integer.parseInt(below.group(1)));
    }
    if (!o.hasValueQuantity()) {
      throw rc.refuse("Observation.value[x]", FhirRule.INVALID_VALUE);
    }
    Quantity q = o.getValueQuantity();
    boolean copies = (Terminology.UCUM.equals(q.getSystem()) && ("{copies}/mL".equals(q.getCode()) || "/mL".equals(q.getCode())))
        || (!q.hasSystem() && !q.hasCode() && "copies/mL".equals(q.getUnit()));
    if (!copies) {
      throw rc.refuse("Observation.valueQuantity.code", FhirRule.INVALID_VALUE);
    }
    int count = integer(q, rc, "Observation.valueQuantity.value");
    if (!q.hasComparator()) {
      return ViralLoad.copies(count);
    }
    return switch (q.getComparator()) {
      case LESS_THAN, LESS_OR_EQUAL -> ViralLoad.belowLimit(count);
      default -> throw rc.refuse("Observation.valueQuantity.comparator", FhirRule.INVALID_VALUE);
    };
  }

  private static int integer(Quantity q, ReadContext rc, String element) {
    if (!q.hasValue()) {
      throw rc.refuse(element, FhirRule.REQUIRED_ELEMENT);
    }
    BigDecimal value = q.getValue();
    try {
      return value.stripTrailingZeros().scale() <= 0 ? value.intValueExact() : reject(rc, element);
    } catch (ArithmeticException e) {
      throw rc.refuse(element, FhirRule.INVALID_VALUE);
    }
  }

  private static int reject(ReadContext rc, String element) {
    throw rc.refuse(element, FhirRule.INVALID_VALUE);
  }

  private static int count(Observation o, ReadContext rc, String code) {
    for (ObservationComponentComponent c : o.getComponent()) {
      if (rc.mentorCode(c.getCode(), ADHERENCE).filter(code::equals).isPresent()) {
        if (!c.hasValueQuantity()) {
          throw rc.refuse("Observation.component.value[x]", FhirRule.REQUIRED_ELEMENT);
        }
        return integer(c.getValueQuantity(), rc, "Observation.component.valueQuantity.value");
      }
    }
    throw rc.refuse("Observation.component", FhirRule.REQUIRED_ELEMENT);
  }

  @Override
  List<Identifier> identifiers(Observation resource) {
    return resource.getIdentifier();
  }

  @Override
  void enteredInError(Observation resource) {
    resource.setStatus(ObservationStatus.ENTEREDINERROR);
  }

  @Override
  boolean isEnteredInError(Observation resource) {
    return resource.getStatus() == ObservationStatus.ENTEREDINERROR;
  }

  @Override
  String element(EventKind kind, String coreField) {
    if (coreField.endsWith("sampleDate") || coreField.endsWith("occurredOn")) {
      return "Observation.effectiveDateTime";
    }
    if (coreField.endsWith("resultDate")) {
      return "Observation.issued";
    }
    if (coreField.endsWith("copiesPerMl")) {
      return "Observation.valueQuantity.value";
    }
    if (coreField.startsWith("pillCount.")) {
      return "Observation.component.valueQuantity.value";
    }
    if (coreField.endsWith("infantId")) {
      return "Observation.subject";
    }
    return type;
  }

  @Override
  ImmutableList<MappingRow> rows() {
    String lab = "category " + Terminology.CATEGORY_LABORATORY;
    return ImmutableList.of(
        new MappingRow("MATERNAL_HIV_TESTED", "—", "Observation", "code; effectiveDateTime; subject (mother)", Terminology.SMART_HIV_TEST_RESULT + "; " + lab, BOTH,
            "the result after the national testing algorithm (HivHivTest family)"),
        new MappingRow("MATERNAL_HIV_TESTED", "result", "Observation", "valueCodeableConcept",
            Terminology.SMART_TEST_POSITIVE + " + " + Terminology.POSITIVE + "; " + Terminology.SMART_TEST_NEGATIVE + " + " + Terminology.NEGATIVE
                + "; " + Terminology.SMART_TEST_INCONCLUSIVE + " + " + Terminology.INCONCLUSIVE, BOTH, ""),
        new MappingRow("VIRAL_LOAD_RESULTED", "sample date", "Observation", "effectiveDateTime; code", Terminology.VL_PLASMA + " + " + Terminology.SMART_VL_RESULT + "; " + lab, BOTH,
            "import also reads " + Terminology.VL_UNSPECIFIED + " (a lab's code)"),
        new MappingRow("VIRAL_LOAD_RESULTED", "result date", "Observation", "issued", "start of the clinic-local day", BOTH,
            "import without issued: the sample date"),
        new MappingRow("VIRAL_LOAD_RESULTED", "result", "Observation", "valueQuantity (comparator `<` for below the limit); valueCodeableConcept + interpretation for not detected",
            Terminology.UNIT_COPIES_PER_ML + "; " + Terminology.NOT_DETECTED + "; " + Terminology.INTERPRETATION_NOT_DETECTED, BOTH,
            "never 0 for below the limit; import also reads UCUM `/mL`, unit text `copies/mL` and valueString `<40`"),
        new MappingRow("VIRAL_LOAD_RESULTED", "milestone", "Observation", "basedOn → ServiceRequest", "", MappingRow.Direction.EXPORT, "the milestone it satisfied"),
        new MappingRow("INFANT_HIV_TESTED", "test type", "Observation", "code",
            "NAT: " + Terminology.NAT_DNA + " + " + Terminology.SMART_NAT + "; antibody: " + Terminology.ANTIBODY_RAPID + " + " + Terminology.SMART_RDT + "; " + lab, BOTH,
            "import also reads " + Terminology.NAT_TOTAL_NUCLEIC_ACID + ", " + Terminology.NAT_RNA_PLASMA + ", " + Terminology.NAT_PROVIRAL_DNA_OLD + ", " + Terminology.ANTIBODY_HIV1_RAPID),
        new MappingRow("INFANT_HIV_TESTED", "sample date, result date, infant", "Observation", "effectiveDateTime; issued; subject (infant)", "", BOTH,
            "a pending result: status registered, no value"),
        new MappingRow("INFANT_HIV_TESTED", "result", "Observation", "valueCodeableConcept",
            "NAT " + Terminology.SMART_NAT_POSITIVE + "/" + Terminology.SMART_NAT_NEGATIVE + "/" + Terminology.SMART_NAT_INDETERMINATE + " + " + Terminology.POSITIVE + "/" + Terminology.NEGATIVE + "/" + Terminology.INCONCLUSIVE
                + "; antibody " + Terminology.SMART_REACTIVE + "/" + Terminology.SMART_NON_REACTIVE + " + " + Terminology.REACTIVE + "/" + Terminology.NON_REACTIVE, BOTH, ""),
        new MappingRow("PILL_COUNTED", "—", "Observation", "code; valueQuantity (adherence %)", "adherence|pill-count + " + Terminology.SMART_ADHERENCE_ASSESSMENT + "; " + Terminology.UNIT_PERCENT, BOTH,
            "the percentage is derived (export only); no standard pill-count code exists"),
        new MappingRow("PILL_COUNTED", "pills dispensed, remaining, days since dispensing, daily doses", "Observation", "component (adherence|pills-dispensed, pills-remaining, days-since-dispensing, daily-doses)",
            Terminology.UNIT_TABLET + ", " + Terminology.UNIT_DAY + ", " + Terminology.UNIT_DOSE_PER_DAY, BOTH, ""),
        new MappingRow("FEEDING_RECORDED", "—", "Observation", "code; valueCodeableConcept; subject (infant)",
            Terminology.SMART_FEEDING_PRACTICE + "; " + Terminology.SMART_EXCLUSIVE_BREASTFEEDING + "/" + Terminology.SMART_MIXED_FEEDING + " + " + Terminology.CURRENTLY_BREASTFEEDING
                + "; " + Terminology.SMART_REPLACEMENT_FEEDING + "/" + Terminology.SMART_STOPPED_BREASTFEEDING + " + " + Terminology.NOT_CURRENTLY_BREASTFEEDING, BOTH,
            "import needs the SMART concept (the LOINC answers cannot tell exclusive from mixed); LOINC 63895-7 left out (not confirmed)"),
        new MappingRow("DIED", "—", "Observation", "code; valueCodeableConcept; effectiveDateTime; subject (mother or infant)",
            Terminology.SMART_DEATH + "; " + Terminology.DEAD, BOTH, "with opt-in Patients also Patient.deceasedDateTime"));
  }
}
