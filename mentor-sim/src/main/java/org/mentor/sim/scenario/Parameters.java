package org.mentor.sim.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.mentor.sim.scenario.Parameter.Kind.DATE;
import static org.mentor.sim.scenario.Parameter.Kind.DURATION;
import static org.mentor.sim.scenario.Parameter.Kind.FLAG;
import static org.mentor.sim.scenario.Parameter.Kind.MODEL;
import static org.mentor.sim.scenario.Parameter.Kind.NUMBER;
import static org.mentor.sim.scenario.Parameter.Kind.PROBABILITY;
import static org.mentor.sim.scenario.Parameter.Kind.PROTOCOL;
import static org.mentor.sim.scenario.Parameter.Kind.RATE;
import static org.mentor.sim.scenario.Parameter.Kind.RATIO;
import static org.mentor.sim.scenario.Parameter.Kind.SEED;
import static org.mentor.sim.scenario.Parameter.Kind.SIZE;
import static org.mentor.sim.scenario.Parameter.Kind.TEXT;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.sim.scenario.Parameter.Kind;

/**
 * Every scenario parameter, once: its path, kind, default, unit, meaning and source. The builder,
 * the JSON reader, the validation, {@link #table()} and the parameter table in
 * {@code docs/simulation.md} all read this list.
 *
 * <p>Sources name rows of {@code shared/clinical/transmission.md} (T = transmission, S = suppression,
 * D = adherence, L = retention, MM = mentor mothers, B = breastfeeding) and {@code maternal.md} (R),
 * with their confidence marks. "assumption" marks a default no table gives: replace it with local
 * data before quoting a result.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Parameters {
  /** Bump when a default changes, so outputs can say which parameter table they used (transmission.md §8). */
  public static final String TABLE_VERSION = "sim-parameters-1";

  private static final String T = "transmission.md ";
  private static final String ASSUMPTION = "assumption (no number in transmission.md)";

  private static final ImmutableList<Parameter> ALL = ImmutableList.of(
      p("name", TEXT, "cohort", "", "a label for outputs", "—"),
      p("pairs", SIZE, 10_000, "pairs", "mother-infant pairs (pregnancies) in the cohort", "—"),
      p("seed", SEED, 1L, "", "random seed; with the pair index and the process it fixes every draw", "—"),
      p("protocol", PROTOCOL, "WHO_2021", "", "the protocol the engine applies (schedule, windows, final status)",
          "clinical/README.md profiles"),
      p("cohortStart", DATE, LocalDate.of(2025, 1, 6), "date", "first possible booking date", "—"),
      p("enrolmentDays", DURATION, 365, "days", "bookings spread uniformly over this many days", "—"),
      p("followUpMonths", DURATION, 36, "months", "longest follow-up after delivery (the walk's horizon)", "—"),
      p("mentorSupport", FLAG, true, "", "mentor-mother support: monthly home visits, tracing, and the effects below",
          T + "§5"),

      p("booking.gestationalAgeWeeks.mean", NUMBER, 20.0, "weeks", "gestational age at booking, truncated normal: mean",
          ASSUMPTION),
      p("booking.gestationalAgeWeeks.sd", NUMBER, 6.0, "weeks", "… standard deviation", ASSUMPTION),
      p("booking.gestationalAgeWeeks.min", NUMBER, 8.0, "weeks", "… lower bound", ASSUMPTION),
      p("booking.gestationalAgeWeeks.max", NUMBER, 38.0, "weeks", "… upper bound", ASSUMPTION),
      p("booking.onArtShare", PROBABILITY, 0.5, "", "already on ART at booking (ART started before this pregnancy)",
          ASSUMPTION),
      p("booking.diagnosedShare", PROBABILITY, 0.5, "", "diagnosed HIV-positive at booking, not on ART", ASSUMPTION),
      p("booking.negativeShare", PROBABILITY, 0.0, "", "HIV-negative at booking (may acquire HIV later)", ASSUMPTION),
      p("booking.artStartPerVisit", PROBABILITY, 0.9, "",
          "chance a known-positive woman not on ART starts at an attended visit", ASSUMPTION),
      p("booking.incidencePerMonth", RATE, 0.0015, "per month",
          "HIV incidence in women negative at booking, in pregnancy and breastfeeding", ASSUMPTION),

      p("pregnancy.gestationalAgeAtDeliveryWeeks.mean", NUMBER, 39.0, "weeks",
          "gestational age at delivery, truncated normal: mean", ASSUMPTION),
      p("pregnancy.gestationalAgeAtDeliveryWeeks.sd", NUMBER, 1.5, "weeks", "… standard deviation", ASSUMPTION),
      p("pregnancy.gestationalAgeAtDeliveryWeeks.min", NUMBER, 30.0, "weeks", "… lower bound", ASSUMPTION),
      p("pregnancy.gestationalAgeAtDeliveryWeeks.max", NUMBER, 42.0, "weeks", "… upper bound", ASSUMPTION),
      p("pregnancy.twinProbability", PROBABILITY, 0.015, "", "a twin delivery", ASSUMPTION),

      p("adherence.monthly.alpha", NUMBER, 8.0, "", "monthly pill-taking adherence ~ Beta(alpha, beta): alpha",
          T + "D4 (project convention)"),
      p("adherence.monthly.beta", NUMBER, 0.8, "", "… beta", T + "D4 (project convention)"),
      p("adherence.suppressedFrom", PROBABILITY, 0.95, "",
          "adherence in a month at or above this gives VL < 50 (once ART has had time to work)", T + "D4 (95% band)"),
      p("adherence.lowLevelFrom", PROBABILITY, 0.80, "", "at or above this (below the last) gives VL 50–1000; below, > 1000",
          T + "D1 (adequate adherence ≥ 80%, unverified)"),
      p("adherence.monthsToSuppression", DURATION, 3, "months",
          "months on ART before VL can be < 50 (> 1000 before, 50–1000 in the last of them)", ASSUMPTION),
      p("adherence.cd4Below350Share", PROBABILITY, 0.5, "",
          "untreated mothers with CD4 < 350 (picks T4/T5 over T6 while breastfeeding off ART)", ASSUMPTION),

      p("retention.ltfuHazardEarly", RATE, 0.0401, "per month",
          "loss to follow-up in the first months after booking, without mentor support",
          T + "L1 + L6 derived: 17% lost by 6 months, 2/3 of it in months 0–3: −ln(1 − 0.17·2/3)/3"),
      p("retention.earlyMonths", DURATION, 3, "months", "length of the early (front-loaded) period", T + "L6"),
      p("retention.ltfuHazardLater", RATE, 0.0220, "per month", "loss to follow-up afterwards (and after a return)",
          T + "L1 + L6 derived: −ln(0.83 / 0.8867)/3"),
      p("retention.returnHazard", RATE, 0.05, "per month", "return to care after a loss", ASSUMPTION),
      p("retention.periodHazard.pregnancy", RATE, 0.0, "per month",
          "added to the hazards above from booking to delivery (0: losses depend on time since booking only)",
          "off by default; set by a calibration setting from the figures it names"),
      p("retention.periodHazard.peripartum", RATE, 0.0, "per month",
          "added from delivery to the end of the peripartum window (retention.peripartumWeeks)",
          "off by default; set by a calibration setting"),
      p("retention.periodHazard.breastfeeding", RATE, 0.0, "per month",
          "added from the end of the peripartum window to the end of breastfeeding", "off by default; set by a calibration setting"),
      p("retention.periodHazard.afterWeaning", RATE, 0.0, "per month",
          "added after breastfeeding ends (or the peripartum window, if later): pairs leaving PMTCT care",
          "off by default; set by a calibration setting"),
      p("retention.peripartumWeeks", DURATION, 6, "weeks", "length of the peripartum window after delivery",
          T + "MM4 (retention 6 weeks after birth)"),

      p("attendance.onTime", PROBABILITY, 0.458, "",
          "attends a booked visit on the day, without mentor support (women in care)",
          T + "MM2 comparison arm (EID at 6–8 weeks 45.8%), verified; used per visit as §8 suggests"),
      p("attendance.lateWithin28DaysShare", PROBABILITY, 0.5, "",
          "of the visits not on time, those kept 1–27 days late (the rest 28–55 days late)", ASSUMPTION),

      p("mentor.onTime", PROBABILITY, 0.715, "", "attends a booked visit on the day, with mentor support",
          T + "MM2 mentor arm (EID at 6–8 weeks 71.5%), verified"),
      p("mentor.ltfuHazardRatio", RATIO, 0.2, "", "multiplies the loss-to-follow-up hazards with mentor support",
          T + "§5 derived HR (MM1 0.21, MM6 0.22; range 0.05–0.5)"),
      p("mentor.homeVisitDays", DURATION, 30, "days", "days between a mentor's home visits", ASSUMPTION),

      p("feeding.neverBreastfedShare", PROBABILITY, 0.05, "", "infants never breastfed", T + "B3 (ZA 20%), project convention"),
      p("feeding.durationMonths.mean", NUMBER, 15.0, "months", "breastfeeding duration, truncated normal: mean",
          T + "B3, project convention"),
      p("feeding.durationMonths.sd", NUMBER, 6.0, "months", "… standard deviation", T + "B3"),
      p("feeding.durationMonths.min", NUMBER, 1.0, "months", "… lower bound", T + "B3"),
      p("feeding.durationMonths.max", NUMBER, 30.0, "months", "… upper bound", T + "B3"),

      p("mortality.maternalPerMonth", RATE, 0.0003, "per month", "maternal death", ASSUMPTION),
      p("mortality.infantPerMonth", RATE, 0.003, "per month", "infant death (first 24 months)", ASSUMPTION),

      p("transmission.model", MODEL, TransmissionModel.ROLLINS_2012.name(), "",
          "ROLLINS_2012 (T1–T12) or VIRAL_LOAD_BANDED (S4/S5)", T + "§8"),
      p("transmission.peripartum.artBeforePregnancy", PROBABILITY, 0.005, "", "peripartum, ART started before pregnancy",
          T + "T12, verified"),
      p("transmission.peripartum.artInPregnancy", PROBABILITY, 0.02, "", "peripartum, ART started during pregnancy",
          T + "T11, verified"),
      p("transmission.peripartum.noArt", PROBABILITY, 0.22, "", "peripartum, no ART at delivery (CD4 not specified)",
          T + "T3, verified"),
      p("transmission.peripartum.incidentInPregnancy", PROBABILITY, 0.30, "", "peripartum, mother infected in pregnancy",
          T + "T1, verified"),
      p("transmission.breastfeedingPerMonth.artBeforePregnancy", PROBABILITY, 0.0016, "per month",
          "breastfeeding, on ART started before pregnancy", T + "T12, verified"),
      p("transmission.breastfeedingPerMonth.artInPregnancy", PROBABILITY, 0.002, "per month",
          "breastfeeding, on ART started in pregnancy or later", T + "T11, verified"),
      p("transmission.breastfeedingPerMonth.noArtCd4Below350", PROBABILITY, 0.0157, "per month",
          "breastfeeding, off ART, CD4 < 350", T + "T4/T5, verified"),
      p("transmission.breastfeedingPerMonth.noArtCd4Above350", PROBABILITY, 0.0051, "per month",
          "breastfeeding, off ART, CD4 > 350", T + "T6, verified"),
      p("transmission.incidentDuringBreastfeeding", PROBABILITY, 0.28, "",
          "mother infected while breastfeeding: overall risk, one draw", T + "T2, verified (layout ambiguous)"),
      p("transmission.vlBanded.peripartum.below50", PROBABILITY, 0.002, "", "peripartum, VL < 50 at delivery",
          T + "S4, project convention"),
      p("transmission.vlBanded.peripartum.from50To1000", PROBABILITY, 0.01, "", "peripartum, VL 50–1000 at delivery",
          T + "S4, project convention"),
      p("transmission.vlBanded.peripartum.above1000OnArt", PROBABILITY, 0.05, "", "peripartum, VL > 1000 on ART",
          T + "S4, project convention"),
      p("transmission.vlBanded.breastfeedingPerMonth.below50", PROBABILITY, 0.0005, "per month",
          "breastfeeding, VL < 50", T + "S5, project convention"),
      p("transmission.vlBanded.breastfeedingPerMonth.from50To1000", PROBABILITY, 0.002, "per month",
          "breastfeeding, VL 50–1000 (> 1000: the off-ART rates by CD4)", T + "S5, project convention"),
      p("transmission.inUteroShare", PROBABILITY, 0.33, "",
          "peripartum infections acquired in utero (a NAT at birth finds them)", ASSUMPTION),

      p("services.antenatalVisitDays", DURATION, 28, "days", "longest interval between booked antenatal visits",
          ASSUMPTION),
      p("services.postnatalVisitDays", DURATION, 91, "days", "longest interval between booked visits after delivery",
          "maternal.md R8 (3–6 months), verified; the lower bound"),
      p("services.natTurnaroundDays", DURATION, 14, "days", "infant NAT result returned after the sample",
          ASSUMPTION + "; indicators.md VER.14 target 4 weeks"),
      p("services.vlTurnaroundDays", DURATION, 14, "days", "maternal VL result returned after the sample", ASSUMPTION),
      p("services.natDetectableAfterDays", DURATION, 14, "days",
          "a NAT finds an infection acquired at delivery or later from this many days after it", ASSUMPTION),
      p("services.antibodyDetectableAfterDays", DURATION, 42, "days",
          "an antibody test finds an infection from this many days after it", ASSUMPTION));

  private static final ImmutableMap<String, Parameter> BY_PATH =
      ALL.stream().collect(ImmutableMap.toImmutableMap(Parameter::path, p -> p));

  private Parameters() {}

  private static Parameter p(String path, Kind kind, Object value, String unit, String meaning, String source) {
    return new Parameter(path, kind, value, unit, meaning, source);
  }

  /** Every parameter, in the order of {@link #table()}. */
  public static ImmutableList<Parameter> all() {
    return ALL;
  }

  /**
   * A parameter by path.
   *
   * @param path the dotted path, not null
   * @return the parameter, if there is one
   */
  public static Optional<Parameter> find(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  /** The default parameter set as a Markdown table: path, default, unit, meaning, source. */
  public static String table() {
    StringBuilder out = new StringBuilder();
    out.append("| Parameter | Default | Unit | Meaning | Source |\n");
    out.append("|---|---|---|---|---|\n");
    for (Parameter p : ALL) {
      out.append("| `").append(p.path()).append("` | ").append(format(p.defaultValue())).append(" | ")
          .append(p.unit()).append(" | ").append(p.meaning()).append(" | ").append(p.source()).append(" |\n");
    }
    return out.toString();
  }

  static String format(Object value) {
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%s", d);
    }
    return String.valueOf(value);
  }
}
