package org.mentor.fhir.terminology;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apiguardian.api.API;

/**
 * Every external code system and code Mentor writes or reads, each with its source. One place: a
 * mapper never spells a system URI or a code itself.
 *
 * <p>Policy (shared/fhir/MAPPING.md, "Coding policy"): a coded element carries the WHO SMART HIV
 * concept where one exists and the standard code (LOINC for the test, SNOMED CT for the answer,
 * UCUM for units, WHO ATC and SNOMED CT substances for drugs) as further codings of the same
 * concept. Codes MAPPING.md marks "(verify)" are here only if they were confirmed (see each
 * source); the rest are left out rather than guessed, listed in {@code docs/fhir-mapping.md}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Terminology {
  private Terminology() {}

  // ---- Code-system URIs (full literals, as the R4 specification and the publishers spell them).
  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String ATC = "http://www.whocc.no/atc";
  public static final String SMART_HIV = "http://smart.who.int/hiv/CodeSystem/HIVConcepts";
  public static final String V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  public static final String V3_OBSERVATION_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  public static final String V3_DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
  public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
  public static final String PROVENANCE_PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
  public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  public static final String CONSENT_POLICY = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private static final String MAPPING = "shared/fhir/MAPPING.md (checked there)";
  private static final String THO = "HL7 Terminology (THO) source, per shared/fhir/MAPPING.md";
  private static final String SMART = "WHO SMART HIV 0.4.4 input/fsh/codesystems/HIVConcepts.fsh (read for this module)";
  private static final String R4 = "FHIR R4 4.0.1 specification";

  // ---- Security labels (MAPPING.md §5).
  public static final Code CONFIDENTIALITY_RESTRICTED = new Code(V3_CONFIDENTIALITY, "R", "restricted", THO);
  public static final Code SENSITIVITY_HIV = new Code(V3_ACT_CODE, "HIV", "HIV/AIDS information sensitivity", THO);

  // ---- People and encounters.
  public static final Code NATURAL_MOTHER = new Code(V3_ROLE_CODE, "NMTH", "natural mother", THO);
  public static final Code ENCOUNTER_HOME = new Code(V3_ACT_CODE, "HH", "home health", THO);
  public static final Code ENCOUNTER_AMBULATORY = new Code(V3_ACT_CODE, "AMB", "ambulatory", THO);
  public static final Code ENCOUNTER_VIRTUAL = new Code(V3_ACT_CODE, "VR", "virtual", THO);
  public static final Code ENCOUNTER_INPATIENT = new Code(V3_ACT_CODE, "IMP", "inpatient encounter", THO);
  public static final Code DATA_OPERATION_CREATE = new Code(V3_DATA_OPERATION, "CREATE", "create", THO);
  public static final Code PARTICIPANT_ENTERER = new Code(PROVENANCE_PARTICIPANT_TYPE, "enterer", "Enterer", R4 + " provenance-participant-type");
  public static final Code PARTICIPANT_ASSEMBLER = new Code(PROVENANCE_PARTICIPANT_TYPE, "assembler", "Assembler", R4 + " provenance-participant-type");
  public static final Code CONSENT_PATIENT_PRIVACY = new Code(CONSENT_SCOPE, "patient-privacy", "Privacy Consent", R4 + " consentscope");
  public static final Code CONSENT_OPT_IN = new Code(CONSENT_POLICY, "OPTIN", "opt-in", THO + " (v3-ActCode, consent directive type)");

  // ---- Categories and statuses.
  public static final Code CATEGORY_LABORATORY = new Code(OBSERVATION_CATEGORY, "laboratory", "Laboratory", THO);
  public static final Code CATEGORY_SOCIAL_HISTORY = new Code(OBSERVATION_CATEGORY, "social-history", "Social History", THO);
  public static final Code CATEGORY_SURVEY = new Code(OBSERVATION_CATEGORY, "survey", "Survey", THO);
  public static final Code CONDITION_ACTIVE = new Code(CONDITION_CLINICAL, "active", "Active", THO);
  public static final Code CONDITION_CONFIRMED = new Code(CONDITION_VERIFICATION, "confirmed", "Confirmed", THO);
  public static final Code CONDITION_ENCOUNTER_DIAGNOSIS = new Code(CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis", THO);
  public static final Code INTERPRETATION_NOT_DETECTED = new Code(V3_OBSERVATION_INTERPRETATION, "ND", "Not detected", THO);

  // ---- HIV diagnosis and status.
  public static final Code HIV_INFECTION = new Code(SNOMED, "86406008", "Human immunodeficiency virus infection (disorder)", MAPPING + ": VSAC expansion");
  public static final Code SMART_HIV_STATUS_POSITIVE = new Code(SMART_HIV, "HIV.B.DE116", "HIV-positive", SMART);
  public static final Code SMART_HIV_TEST_RESULT = new Code(SMART_HIV, "HIV.B.DE111", "HIV test result", SMART);
  public static final Code SMART_TEST_POSITIVE = new Code(SMART_HIV, "HIV.B.DE112", "HIV-positive", SMART);
  public static final Code SMART_TEST_NEGATIVE = new Code(SMART_HIV, "HIV.B.DE113", "HIV-negative", SMART);
  public static final Code SMART_TEST_INCONCLUSIVE = new Code(SMART_HIV, "HIV.B.DE114", "HIV-inconclusive", SMART);
  public static final Code SMART_PREGNANCY_IN_HIV = new Code(SMART_HIV, "HIV.E.DE37", "Pregnancy in HIV-infected woman", SMART);
  public static final Code SMART_HIV_EXPOSED = new Code(SMART_HIV, "HIV.E.DE110", "HIV-exposed", SMART);
  public static final Code SMART_INFANT_HIV_STATUS = new Code(SMART_HIV, "HIV.E.DE225", "Infant HIV status", SMART);
  public static final Code SMART_INFANT_POSITIVE = new Code(SMART_HIV, "HIV.E.DE226", "HIV-positive", SMART);

  // ---- Results (answers).
  public static final Code POSITIVE = new Code(SNOMED, "10828004", "Positive (qualifier value)",
      "HL7 COVID-19 Library IG ValueSet covid19-pos-neg-eqvs (SNOMED CT expansion), found with the docs search");
  public static final Code NEGATIVE = new Code(SNOMED, "260385009", "Negative (qualifier value)",
      "HL7 COVID-19 Library IG ValueSet covid19-pos-neg-eqvs (SNOMED CT expansion), found with the docs search");
  public static final Code INCONCLUSIVE = new Code(SNOMED, "419984006", "Inconclusive (qualifier value)", MAPPING + ": HL7 COVID-19 library IG");
  public static final Code NOT_DETECTED = new Code(SNOMED, "260415000", "Not detected (qualifier value)", MAPPING + ": HL7 COVID-19 library IG");
  public static final Code REACTIVE = new Code(SNOMED, "11214006", "Reactive (qualifier value)", MAPPING + ": LOINC answer list LL2888-7");
  public static final Code NON_REACTIVE = new Code(SNOMED, "131194007", "Non-reactive (qualifier value)", MAPPING + ": LOINC answer list LL2888-7");
  public static final Code SMART_NAT_POSITIVE = new Code(SMART_HIV, "HIV.E.DE187", "Positive", SMART);
  public static final Code SMART_NAT_NEGATIVE = new Code(SMART_HIV, "HIV.E.DE188", "Negative", SMART);
  public static final Code SMART_NAT_INDETERMINATE = new Code(SMART_HIV, "HIV.E.DE189", "Indeterminate", SMART);
  public static final Code SMART_REACTIVE = new Code(SMART_HIV, "HIV.E.DE201", "Reactive", SMART);
  public static final Code SMART_NON_REACTIVE = new Code(SMART_HIV, "HIV.E.DE202", "Non-reactive", SMART);

  // ---- Tests.
  public static final Code VL_PLASMA = new Code(LOINC, "20447-9",
      "HIV 1 RNA [#/volume] (viral load) in Serum or Plasma by NAA with probe detection", MAPPING + ": VSAC expansion, NACHC hiv-cds");
  public static final Code VL_UNSPECIFIED = new Code(LOINC, "25836-8",
      "HIV 1 RNA [#/volume] (viral load) in Unspecified specimen by NAA with probe detection", MAPPING + ": VSAC expansion; Jembi-RW vs-test-types");
  public static final Code SMART_VL_RESULT = new Code(SMART_HIV, "HIV.G.DE12", "Viral load test result", SMART);
  public static final Code NAT_DNA = new Code(LOINC, "44871-2",
      "HIV 1 proviral DNA [Presence] in Blood by NAA with probe detection", MAPPING + ": VSAC expansion, NACHC hiv-cds");
  public static final Code NAT_TOTAL_NUCLEIC_ACID = new Code(LOINC, "79380-2",
      "HIV 1 RNA+proviral DNA [Presence] in Blood by NAA with probe detection", MAPPING + ": LOINC mirror page");
  public static final Code NAT_RNA_PLASMA = new Code(LOINC, "25835-0",
      "HIV 1 RNA [Presence] in Serum or Plasma by NAA with probe detection", MAPPING + ": VSAC expansion, NACHC hiv-cds");
  public static final Code NAT_PROVIRAL_DNA_OLD = new Code(LOINC, "9836-8",
      "HIV proviral DNA [Presence] in Blood by Probe with amplification", MAPPING + ": tx.fhir.org expansion, LOINC 2.81 (Jembi-ET)");
  public static final Code SMART_NAT = new Code(SMART_HIV, "HIV.E.DE171", "Nucleic acid test for HIV", SMART);
  public static final Code ANTIBODY_RAPID = new Code(LOINC, "49580-4",
      "HIV 1+2 Ab [Presence] in Unspecified specimen by Rapid immunoassay", MAPPING + ": VSAC expansion, NACHC hiv-cds");
  public static final Code ANTIBODY_HIV1_RAPID = new Code(LOINC, "68961-2",
      "HIV 1 Ab [Presence] in Serum, Plasma or Blood by Rapid immunoassay", MAPPING + ": VSAC expansion, NACHC hiv-cds");
  public static final Code SMART_RDT = new Code(SMART_HIV, "HIV.E.DE169", "Rapid diagnostic test for HIV", SMART);

  // ---- Feeding, adherence, outcomes.
  public static final Code SMART_FEEDING_PRACTICE = new Code(SMART_HIV, "HIV.E.DE127", "Infant feeding practice", SMART);
  public static final Code SMART_EXCLUSIVE_BREASTFEEDING = new Code(SMART_HIV, "HIV.E.DE128", "Exclusively breastfeeding", SMART);
  public static final Code SMART_REPLACEMENT_FEEDING = new Code(SMART_HIV, "HIV.E.DE129", "Replacement feeding", SMART);
  public static final Code SMART_MIXED_FEEDING = new Code(SMART_HIV, "HIV.E.DE130", "Mixed feeding", SMART);
  public static final Code SMART_STOPPED_BREASTFEEDING = new Code(SMART_HIV, "HIV.E.DE132", "Stopped breastfeeding", SMART);
  public static final Code CURRENTLY_BREASTFEEDING = new Code(LOINC, "LA29252-6", "Currently breastfeeding",
      "tx.fhir.org expansion, LOINC 2.81 (Jembi Starter IG breastfeeding-status-value-set), found with the docs search");
  public static final Code NOT_CURRENTLY_BREASTFEEDING = new Code(LOINC, "LA29253-4", "Not currently breastfeeding",
      "tx.fhir.org expansion, LOINC 2.81 (Jembi Starter IG breastfeeding-status-value-set), found with the docs search");
  public static final Code SMART_ADHERENCE_ASSESSMENT = new Code(SMART_HIV, "HIV.H.DE52", "Adherence assessment", SMART);
  public static final Code SMART_ADHERENCE_COUNSELLING = new Code(SMART_HIV, "HIV.C.DE123", "Adherence counselling provided", SMART);
  public static final Code SMART_COMMUNICATION_CONSENT = new Code(SMART_HIV, "HIV.A.DE44", "Communication consent", SMART);
  public static final Code SMART_FINAL_DIAGNOSIS = new Code(SMART_HIV, "HIV.E.DE230", "Final diagnosis of HIV-exposed infant", SMART);
  public static final Code SMART_FINAL_POSITIVE = new Code(SMART_HIV, "HIV.E.DE231", "HIV-positive", SMART);
  public static final Code SMART_FINAL_NEGATIVE = new Code(SMART_HIV, "HIV.E.DE232", "HIV-negative and no longer breastfeeding", SMART);
  public static final Code SMART_FINAL_UNKNOWN = new Code(SMART_HIV, "HIV.E.DE233", "HIV status unknown", SMART);
  public static final Code SMART_DEATH = new Code(SMART_HIV, "HIV.E.DE237", "Death (documented)", SMART);
  public static final Code DEAD = new Code(SNOMED, "419099009", "Dead (finding)",
      "HL7 C-CDA 4.0 Deceased Observation example (value 419099009 \"Dead\"), found with the docs search");
  public static final Code SMART_PREGNANCY_OUTCOME = new Code(SMART_HIV, "HIV.E.DE47", "Pregnancy outcome", SMART);
  public static final Code SMART_LIVE_BIRTH = new Code(SMART_HIV, "HIV.E.DE48", "Live birth", SMART);
  public static final Code SMART_STILLBIRTH = new Code(SMART_HIV, "HIV.E.DE51", "Stillbirth", SMART);
  public static final Code SMART_DELIVERY_DATE = new Code(SMART_HIV, "HIV.E.DE46", "Delivery date", SMART);
  public static final Code SMART_TRANSFER_IN = new Code(SMART_HIV, "HIV.D.DE50", "Transfer in for HIV care", SMART);
  public static final Code SMART_TRANSFERRED_OUT = new Code(SMART_HIV, "HIV.E.DE236", "Transferred out", SMART);
  public static final Code SMART_MISSED_VISIT = new Code(SMART_HIV, "HIV.H.DE2", "Missed care visit", SMART);
  public static final Code SMART_HOME_VISIT = new Code(SMART_HIV, "HIV.H.DE14", "Home visit", SMART);
  public static final Code SMART_TEXT_MESSAGE = new Code(SMART_HIV, "HIV.H.DE15", "Text message", SMART);
  public static final Code SMART_PHONE = new Code(SMART_HIV, "HIV.H.DE16", "Phone", SMART);

  // ---- Medicines.
  public static final Code SMART_ON_ART = new Code(SMART_HIV, "HIV.D.DE38", "On ART", SMART);
  public static final Code SMART_TLD = new Code(SMART_HIV, "HIV.D.DE109", "TDF + 3TC + DTG", SMART);
  public static final Code SMART_TLE = new Code(SMART_HIV, "HIV.D.DE110", "TDF + 3TC + EFV", SMART);
  public static final Code SMART_NVP = new Code(SMART_HIV, "HIV.D.DE138", "NVP", SMART);
  public static final Code SMART_AZT = new Code(SMART_HIV, "HIV.D.DE132", "AZT", SMART);
  public static final Code SMART_INFANT_PROPHYLAXIS = new Code(SMART_HIV, "HIV.E.DE166", "Infant ARV prophylaxis", SMART);
  public static final Code ATC_NEVIRAPINE = new Code(ATC, "J05AG01", "nevirapine", MAPPING + ": IeDEA/HICDEP ATC list (also read with the docs search)");
  public static final Code ATC_ZIDOVUDINE = new Code(ATC, "J05AF01", "zidovudine", MAPPING + ": IeDEA/HICDEP ATC list (also read with the docs search)");
  public static final Code ATC_COTRIMOXAZOLE = new Code(ATC, "J01EE01", "sulfamethoxazole and trimethoprim", MAPPING + ": IeDEA/HICDEP ATC list (also read with the docs search)");
  public static final Code SNOMED_NEVIRAPINE = new Code(SNOMED, "386898005", "Nevirapine",
      "Jembi Rwanda HIV IG vs-arv-regimen expansion (SNOMED CT International), found with the docs search");
  public static final Code SNOMED_ZIDOVUDINE = new Code(SNOMED, "387151007", "Zidovudine",
      "Jembi Rwanda HIV IG vs-arv-regimen expansion (SNOMED CT International), found with the docs search");

  // ---- Units (UCUM).
  public static final Code UNIT_COPIES_PER_ML = new Code(UCUM, "{copies}/mL", "copies/mL", MAPPING + ": HAPI validator accepts it");
  public static final Code UNIT_TABLET = new Code(UCUM, "{tbl}", "tablets", MAPPING);
  public static final Code UNIT_DAY = new Code(UCUM, "d", "days", "UCUM");
  public static final Code UNIT_GRAM = new Code(UCUM, "g", "g", "UCUM");
  public static final Code UNIT_PERCENT = new Code(UCUM, "%", "%", "UCUM");
  public static final Code UNIT_DOSE_PER_DAY = new Code(UCUM, "{dose}/d", "doses per day", "UCUM annotation");

  /** Every code above, in declaration order (for the published table and its tests). */
  public static ImmutableList<Code> all() {
    ImmutableList.Builder<Code> all = ImmutableList.builder();
    for (Field field : Terminology.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Code.class) {
        try {
          all.add((Code) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return all.build();
  }
}
