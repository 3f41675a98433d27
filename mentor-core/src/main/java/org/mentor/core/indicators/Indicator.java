package org.mentor.core.indicators;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The indicators Mentor computes, each with its source definition (shared/clinical/indicators.md
 * §1–§2), the counted units and the disaggregations. How each is read off the events is in
 * {@code docs/indicators.md}, with the computation rules K1–K9 it follows.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Indicator {
  PMTCT_STAT("PMTCT_STAT", DefinitionSet.MER_2_6_1, "Known HIV status at ANC1",
      "pregnant women with ANC1 in the period whose HIV status was known at ANC1 (known positive, or tested on the ANC1 date)",
      "new ANC clients: pregnant women with ANC1 in the period",
      Unit.Kind.PREGNANCY, ImmutableSet.of(Dimension.STATUS_AT_ANC1)),
  PMTCT_STAT_POS("PMTCT_STAT_POS", DefinitionSet.MER_2_6_1, "HIV-positive at ANC1",
      "the PMTCT_STAT numerator who are HIV-positive (known or newly tested)", null,
      Unit.Kind.PREGNANCY, ImmutableSet.of(Dimension.STATUS_AT_ANC1)),
  PMTCT_ART("PMTCT_ART", DefinitionSet.MER_2_6_1, "ART in pregnancy",
      "PMTCT_STAT_POS women with an ART start on or before delivery (or the data cut-off, if not delivered)",
      "PMTCT_STAT_POS: women HIV-positive at ANC1 in the period",
      Unit.Kind.PREGNANCY, ImmutableSet.of(Dimension.ART_TIMING)),
  PMTCT_EID("PMTCT_EID", DefinitionSet.MER_2_6_1, "Early infant diagnosis",
      "infants whose first NAT sample was collected in the period, by 12 months of age",
      "PMTCT_STAT_POS plus women newly tested positive after ANC1 in the period (HTS_TST_POS, post-ANC1 modality)",
      Unit.Kind.INFANT, ImmutableSet.of(Dimension.INFANT_AGE_AT_SAMPLE)),
  PMTCT_HEI_POS("PMTCT_HEI_POS", DefinitionSet.MER_2_6_1, "HIV-positive infants identified",
      "infants confirmed HIV-positive in the period (confirmatory sample date) whose first positive sample was taken by 12 months of age",
      null, Unit.Kind.INFANT, ImmutableSet.of(Dimension.INFANT_AGE_AT_SAMPLE, Dimension.INFANT_ART)),
  PMTCT_FO("PMTCT_FO", DefinitionSet.MER_2_6_1, "Final outcomes of the birth cohort",
      "HIV-exposed infants of the birth cohort with a final outcome by the data cut-off",
      "HIV-exposed infants born in the reporting period moved back 24 months (the birth cohort)",
      Unit.Kind.INFANT, ImmutableSet.of(Dimension.FINAL_OUTCOME)),
  VER_1("VER.1", DefinitionSet.WHO_2022, "Viral suppression at labour and delivery",
      "women on ART who delivered in the period with a viral-load sample on the delivery date and a result below 1000 copies/mL",
      "women on ART who delivered in the period with a viral-load sample on the delivery date",
      Unit.Kind.PREGNANCY, ImmutableSet.of(Dimension.ART_TIMING)),
  VER_2("VER.2", DefinitionSet.WHO_2022, "EID coverage",
      "HIV-exposed infants born in the period whose first NAT sample was taken by 12 months of age (before 2 months: see the age strata)",
      "HIV-positive women who delivered in the period",
      Unit.Kind.INFANT, ImmutableSet.of(Dimension.INFANT_AGE_AT_SAMPLE, Dimension.FIRST_NAT_RESULT)),
  VER_3("VER.3", DefinitionSet.WHO_2022, "Infant ARV prophylaxis coverage",
      "HIV-exposed infants born in the period who started ARV prophylaxis on the date of birth",
      "HIV-positive women who delivered in the period",
      Unit.Kind.INFANT, ImmutableSet.of(Dimension.PROPHYLAXIS_REGIMEN)),
  VER_4("VER.4", DefinitionSet.WHO_2022, "ART coverage in pregnant women",
      "HIV-positive women who delivered in the period and started ART on or before the delivery date",
      "HIV-positive women (diagnosed by delivery) who delivered in the period",
      Unit.Kind.PREGNANCY, ImmutableSet.of(Dimension.ART_TIMING)),
  VER_7("VER.7", DefinitionSet.WHO_2022, "HIV prevalence at ANC",
      "women with ANC1 in the period who tested HIV-positive on the ANC1 date",
      "women with ANC1 in the period who were tested on the ANC1 date",
      Unit.Kind.PREGNANCY, ImmutableSet.of()),
  VER_8("VER.8", DefinitionSet.WHO_2022, "Retesting in late pregnancy",
      "women with an initial negative test at ANC1 in the period who were tested again after it, up to delivery",
      "women with ANC1 in the period and an initial negative test",
      Unit.Kind.PREGNANCY, ImmutableSet.of()),
  VER_10("VER.10", DefinitionSet.WHO_2022, "ART retention in PMTCT",
      "those on ART at delivery: evaluated as of the day before delivery, on ART and not interrupted, transferred out or dead",
      "HIV-positive women who delivered in the period and started ART before the delivery date",
      Unit.Kind.PREGNANCY, ImmutableSet.of()),
  VER_11("VER.11", DefinitionSet.WHO_2022, "CTX coverage of HEI",
      "HIV-exposed infants born in the period who started cotrimoxazole on or before 2 months of age",
      "HIV-positive women who delivered in the period",
      Unit.Kind.INFANT, ImmutableSet.of()),
  VER_14("VER.14", DefinitionSet.WHO_2022, "EID turnaround",
      "NAT samples taken in the period whose result was returned within 28 days of the sample",
      "NAT samples taken in the period (a result still pending when fewer than 28 days have passed is not counted)",
      Unit.Kind.TEST, ImmutableSet.of()),
  VER_15("VER.15", DefinitionSet.WHO_2022, "Early infant ART",
      "those infants who started ART on the day their first positive result was returned",
      "infants confirmed HIV-positive in the period (confirmatory sample date) whose first positive sample was taken before 24 months of age",
      Unit.Kind.INFANT, ImmutableSet.of());

  private final String code;
  private final DefinitionSet definitionSet;
  private final String title;
  private final String numerator;
  private final @Nullable String denominator;
  private final Unit.Kind numeratorUnit;
  private final ImmutableSet<Dimension> dimensions;

  Indicator(String code, DefinitionSet definitionSet, String title, String numerator, @Nullable String denominator,
      Unit.Kind numeratorUnit, ImmutableSet<Dimension> dimensions) {
    this.code = code;
    this.definitionSet = definitionSet;
    this.title = title;
    this.numerator = numerator;
    this.denominator = denominator;
    this.numeratorUnit = numeratorUnit;
    this.dimensions = dimensions;
  }

  /** The indicator's published code, such as {@code PMTCT_STAT} or {@code VER.1}. */
  public String code() {
    return code;
  }

  /** The published set the definition comes from. */
  public DefinitionSet definitionSet() {
    return definitionSet;
  }

  /** A short title. */
  public String title() {
    return title;
  }

  /** The numerator, in words, as Mentor computes it. */
  public String numerator() {
    return numerator;
  }

  /** The denominator, in words, or empty for a count. */
  public Optional<String> denominator() {
    return Optional.ofNullable(denominator);
  }

  /** What the numerator counts (the denominator counts pregnancies where its unit differs). */
  public Unit.Kind numeratorUnit() {
    return numeratorUnit;
  }

  /** The dimensions the numerator is disaggregated by. */
  public ImmutableSet<Dimension> dimensions() {
    return dimensions;
  }
}
