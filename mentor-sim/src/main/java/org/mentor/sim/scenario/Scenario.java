package org.mentor.sim.scenario;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;
import org.mentor.sim.scenario.Parameter.Kind;

/**
 * A cohort to simulate: its size, seed and protocol, and how its women and infants behave. Built by
 * {@link #builder()} (every parameter has a default, {@link Parameters}) or read from JSON
 * ({@link ScenarioJson}); a scenario that breaks a rule is refused while it is built, naming the
 * parameter, the value and the rule ({@link InvalidScenarioException}), so nothing runs with it.
 *
 * <pre>{@code
 * Scenario za = Scenario.builder().pairs(100_000).seed(7).protocol("ZA_2023").build();
 * Scenario noMentor = za.toBuilder().name("no mentor").mentorSupport(false).build();
 * System.out.println(za.table());   // every value with its source
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Scenario {
  private final ImmutableMap<String, Object> values;
  private final Protocol protocol;
  private final Booking booking;
  private final Pregnancy pregnancy;
  private final Adherence adherence;
  private final Retention retention;
  private final Attendance attendance;
  private final MentorEffect mentor;
  private final Feeding feeding;
  private final Mortality mortality;
  private final Transmission transmission;
  private final Services services;

  private Scenario(ImmutableMap<String, Object> values, Protocol protocol) {
    this.values = values;
    this.protocol = protocol;
    this.booking = new Booking(normal("booking.gestationalAgeWeeks"), d("booking.onArtShare"), d("booking.diagnosedShare"),
        d("booking.negativeShare"), d("booking.artStartPerVisit"), d("booking.incidencePerMonth"));
    this.pregnancy = new Pregnancy(normal("pregnancy.gestationalAgeAtDeliveryWeeks"), d("pregnancy.twinProbability"));
    this.adherence = new Adherence(new BetaShape(d("adherence.monthly.alpha"), d("adherence.monthly.beta")),
        d("adherence.suppressedFrom"), d("adherence.lowLevelFrom"), i("adherence.monthsToSuppression"),
        d("adherence.cd4Below350Share"));
    this.retention = new Retention(d("retention.ltfuHazardEarly"), i("retention.earlyMonths"),
        d("retention.ltfuHazardLater"), d("retention.returnHazard"),
        new PeriodHazards(d("retention.periodHazard.pregnancy"), d("retention.periodHazard.peripartum"),
            d("retention.periodHazard.breastfeeding"), d("retention.periodHazard.afterWeaning")),
        i("retention.peripartumWeeks"));
    this.attendance = new Attendance(d("attendance.onTime"), d("attendance.lateWithin28DaysShare"));
    this.mentor = new MentorEffect(d("mentor.onTime"), d("mentor.ltfuHazardRatio"), i("mentor.homeVisitDays"));
    this.feeding = new Feeding(d("feeding.neverBreastfedShare"), normal("feeding.durationMonths"));
    this.mortality = new Mortality(d("mortality.maternalPerMonth"), d("mortality.infantPerMonth"));
    this.transmission = new Transmission(TransmissionModel.valueOf((String) values.get("transmission.model")),
        d("transmission.peripartum.artBeforePregnancy"), d("transmission.peripartum.artInPregnancy"),
        d("transmission.peripartum.noArt"), d("transmission.peripartum.incidentInPregnancy"),
        d("transmission.breastfeedingPerMonth.artBeforePregnancy"), d("transmission.breastfeedingPerMonth.artInPregnancy"),
        d("transmission.breastfeedingPerMonth.noArtCd4Below350"), d("transmission.breastfeedingPerMonth.noArtCd4Above350"),
        d("transmission.incidentDuringBreastfeeding"), d("transmission.vlBanded.peripartum.below50"),
        d("transmission.vlBanded.peripartum.from50To1000"), d("transmission.vlBanded.peripartum.above1000OnArt"),
        d("transmission.vlBanded.breastfeedingPerMonth.below50"),
        d("transmission.vlBanded.breastfeedingPerMonth.from50To1000"), d("transmission.inUteroShare"));
    this.services = new Services(i("services.antenatalVisitDays"), i("services.postnatalVisitDays"),
        i("services.natTurnaroundDays"), i("services.vlTurnaroundDays"), i("services.natDetectableAfterDays"),
        i("services.antibodyDetectableAfterDays"));
  }

  private double d(String path) {
    return (Double) values.get(path);
  }

  private int i(String path) {
    return (Integer) values.get(path);
  }

  private TruncatedNormal normal(String path) {
    return new TruncatedNormal(d(path + ".mean"), d(path + ".sd"), d(path + ".min"), d(path + ".max"));
  }

  /** A builder holding every default of {@link Parameters}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this scenario's values, to derive another (an arm). */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.values.putAll(values);
    if (Protocols.builtIn(protocol.ref()).isEmpty()) {
      builder.custom = protocol;
    }
    return builder;
  }

  /** The label used in outputs. */
  public String name() {
    return (String) values.get("name");
  }

  /** The number of mother-infant pairs. */
  public int pairs() {
    return i("pairs");
  }

  /** The seed. */
  public long seed() {
    return (Long) values.get("seed");
  }

  /** The protocol the engine applies. */
  public Protocol protocol() {
    return protocol;
  }

  /** The first possible booking date. */
  public LocalDate cohortStart() {
    return (LocalDate) values.get("cohortStart");
  }

  /** Bookings are spread over this many days from {@link #cohortStart()}. */
  public int enrolmentDays() {
    return i("enrolmentDays");
  }

  /** The longest follow-up after delivery, in months. */
  public int followUpMonths() {
    return i("followUpMonths");
  }

  /** Whether the pairs have mentor-mother support. */
  public boolean mentorSupport() {
    return (Boolean) values.get("mentorSupport");
  }

  public Booking booking() {
    return booking;
  }

  public Pregnancy pregnancy() {
    return pregnancy;
  }

  public Adherence adherence() {
    return adherence;
  }

  public Retention retention() {
    return retention;
  }

  public Attendance attendance() {
    return attendance;
  }

  public MentorEffect mentor() {
    return mentor;
  }

  public Feeding feeding() {
    return feeding;
  }

  public Mortality mortality() {
    return mortality;
  }

  public Transmission transmission() {
    return transmission;
  }

  public Services services() {
    return services;
  }

  /** Every parameter's value, by path, in the order of {@link Parameters#all()}. */
  public ImmutableMap<String, Object> values() {
    return values;
  }

  /**
   * The scenario as a Markdown table: each parameter's value, a mark where it differs from the
   * default, and the default's source.
   */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("Scenario ").append(name()).append(" (parameter table ").append(Parameters.TABLE_VERSION).append(")\n\n");
    out.append("| Parameter | Value | Unit | Source of the default |\n|---|---|---|---|\n");
    for (Parameter p : Parameters.all()) {
      Object value = values.get(p.path());
      boolean changed = !p.defaultValue().equals(value);
      out.append("| `").append(p.path()).append("` | ").append(Parameters.format(value)).append(changed ? " *" : "")
          .append(" | ").append(p.unit()).append(" | ").append(changed ? "set by the scenario" : p.source()).append(" |\n");
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Scenario s && s.values.equals(values) && s.protocol.equals(protocol);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Scenario[" + name() + ", " + pairs() + " pairs, " + protocol.ref().id() + ", seed " + seed() + "]";
  }

  /**
   * HIV and ART status at booking, gestational age at booking, ART uptake and incidence.
   *
   * @param gestationalAgeWeeks gestational age at booking, weeks
   * @param onArtShare already on ART (started before the pregnancy)
   * @param diagnosedShare known or diagnosed positive at booking, not on ART
   * @param negativeShare HIV-negative at booking
   * @param artStartPerVisit chance a positive woman not on ART starts at an attended visit
   * @param incidencePerMonth HIV incidence for women negative at booking
   */
  public record Booking(TruncatedNormal gestationalAgeWeeks, double onArtShare, double diagnosedShare,
      double negativeShare, double artStartPerVisit, double incidencePerMonth) {}

  /**
   * Delivery timing and twins.
   *
   * @param gestationalAgeAtDeliveryWeeks gestational age at delivery, weeks
   * @param twinProbability chance of twins
   */
  public record Pregnancy(TruncatedNormal gestationalAgeAtDeliveryWeeks, double twinProbability) {}

  /**
   * Monthly adherence and the viral response it gives.
   *
   * @param monthly adherence drawn each month
   * @param suppressedFrom adherence from which VL is below 50
   * @param lowLevelFrom adherence from which VL is 50–1000 (below: above 1000)
   * @param monthsToSuppression months on ART before VL can be below 50
   * @param cd4Below350Share untreated mothers with CD4 below 350
   */
  public record Adherence(BetaShape monthly, double suppressedFrom, double lowLevelFrom, int monthsToSuppression,
      double cd4Below350Share) {}

  /**
   * Loss to follow-up and return, without mentor support. The loss hazard on a day is the hazard by
   * time since booking (front-loaded: {@code ltfuHazardEarly}, then {@code ltfuHazardLater}, which also
   * holds after a return) plus the hazard of the period of the pregnancy and infant follow-up the day
   * falls in ({@code periods}, all 0 by default); mentor support multiplies the sum by
   * {@link MentorEffect#ltfuHazardRatio()}.
   *
   * @param ltfuHazardEarly hazard per month in the early period after booking
   * @param earlyMonths length of the early period
   * @param ltfuHazardLater hazard per month afterwards and after a return
   * @param returnHazard hazard per month of returning after a loss
   * @param periods hazards per month added in each period of the pair's course
   * @param peripartumWeeks length of the peripartum window after delivery, weeks
   */
  public record Retention(double ltfuHazardEarly, int earlyMonths, double ltfuHazardLater, double returnHazard,
      PeriodHazards periods, int peripartumWeeks) {}

  /**
   * Loss hazards per month by period of the pair's course, added to the hazard by time since booking:
   * losses concentrated around delivery and after weaning (pairs leaving PMTCT care once its
   * obligations end) need them (docs/simulation.md, Calibration).
   *
   * @param pregnancy from booking to delivery
   * @param peripartum from delivery to the end of the peripartum window
   * @param breastfeeding from then to the end of breastfeeding
   * @param afterWeaning after breastfeeding ends (never breastfed: after the peripartum window)
   */
  public record PeriodHazards(double pregnancy, double peripartum, double breastfeeding, double afterWeaning) {}

  /**
   * Attendance of booked visits without mentor support.
   *
   * @param onTime chance of coming on the booked day
   * @param lateWithin28DaysShare of the rest, the share coming 1–27 days late (the others 28–55)
   */
  public record Attendance(double onTime, double lateWithin28DaysShare) {}

  /**
   * What mentor-mother support changes (transmission.md §5, §8).
   *
   * @param onTime chance of coming on the booked day with support
   * @param ltfuHazardRatio multiplies the loss-to-follow-up hazards
   * @param homeVisitDays days between home visits
   */
  public record MentorEffect(double onTime, double ltfuHazardRatio, int homeVisitDays) {}

  /**
   * Breastfeeding (transmission.md B3).
   *
   * @param neverBreastfedShare share never breastfed
   * @param durationMonths duration for the others, months
   */
  public record Feeding(double neverBreastfedShare, TruncatedNormal durationMonths) {}

  /**
   * Deaths.
   *
   * @param maternalPerMonth maternal hazard per month
   * @param infantPerMonth infant hazard per month
   */
  public record Mortality(double maternalPerMonth, double infantPerMonth) {}

  /**
   * Vertical transmission (transmission.md §1, §2).
   *
   * @param model which table applies
   * @param periArtBeforePregnancy T12 peripartum
   * @param periArtInPregnancy T11 peripartum
   * @param periNoArt T3 peripartum
   * @param periIncident T1 peripartum
   * @param bfArtBeforePregnancy T12 per month of breastfeeding
   * @param bfArtInPregnancy T11 per month
   * @param bfNoArtCd4Below350 T4/T5 per month
   * @param bfNoArtCd4Above350 T6 per month
   * @param bfIncident T2 overall
   * @param vlPeriBelow50 S4 below 50
   * @param vlPeri50To1000 S4 50–1000
   * @param vlPeriAbove1000OnArt S4 above 1000 on ART
   * @param vlBfBelow50 S5 below 50, per month
   * @param vlBf50To1000 S5 50–1000, per month
   * @param inUteroShare share of peripartum infections found by a NAT at birth
   */
  public record Transmission(TransmissionModel model, double periArtBeforePregnancy, double periArtInPregnancy,
      double periNoArt, double periIncident, double bfArtBeforePregnancy, double bfArtInPregnancy,
      double bfNoArtCd4Below350, double bfNoArtCd4Above350, double bfIncident, double vlPeriBelow50,
      double vlPeri50To1000, double vlPeriAbove1000OnArt, double vlBfBelow50, double vlBf50To1000,
      double inUteroShare) {}

  /**
   * How the clinic books and how fast results come back.
   *
   * @param antenatalVisitDays longest interval between booked antenatal visits
   * @param postnatalVisitDays longest interval after delivery
   * @param natTurnaroundDays NAT result after the sample
   * @param vlTurnaroundDays VL result after the sample
   * @param natDetectableAfterDays a NAT finds an infection from this many days after it
   * @param antibodyDetectableAfterDays an antibody test finds it from this many days after it
   */
  public record Services(int antenatalVisitDays, int postnatalVisitDays, int natTurnaroundDays, int vlTurnaroundDays,
      int natDetectableAfterDays, int antibodyDetectableAfterDays) {}

  /**
   * Sets parameters by path or through the typed setters; {@link #build()} checks every value.
   * A path or type error is refused at once (SIM-008, SIM-009); range rules when built.
   */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private @Nullable Protocol custom;

    private Builder() {
      Parameters.all().forEach(p -> values.put(p.path(), p.defaultValue()));
    }

    /**
     * Sets a parameter by its path, as a scenario file names it.
     *
     * @param path the dotted path, such as {@code booking.onArtShare}, not null
     * @param value a number, whole number, boolean, text or {@link LocalDate} as the parameter's kind asks
     * @return this builder
     * @throws InvalidScenarioException for an unknown path (SIM-008) or a value of the wrong type (SIM-009)
     */
    public Builder set(String path, Object value) {
      requireNonNull(path, "path");
      Parameter parameter = Parameters.find(path)
          .orElseThrow(() -> new InvalidScenarioException(path, null, SimRule.UNKNOWN_FIELD));
      values.put(path, coerce(parameter, value));
      if (parameter.kind() == Kind.PROTOCOL) {
        custom = null;
      }
      return this;
    }

    /** The label used in outputs. */
    public Builder name(String name) {
      return set("name", name);
    }

    /** The number of pairs (SIM-001). */
    public Builder pairs(int pairs) {
      return set("pairs", pairs);
    }

    /** The seed. */
    public Builder seed(long seed) {
      return set("seed", seed);
    }

    /** A built-in protocol by id, such as {@code ZA_2023} (SIM-005 when built). */
    public Builder protocol(String id) {
      return set("protocol", id);
    }

    /** A programme's own protocol (loaded with mentor-core's {@code ProtocolLoader}). */
    public Builder protocol(Protocol protocol) {
      set("protocol", requireNonNull(protocol, "protocol").ref().id());
      custom = protocol;
      return this;
    }

    /** The first booking date. */
    public Builder cohortStart(LocalDate start) {
      return set("cohortStart", start);
    }

    /** Days over which bookings are spread (SIM-007). */
    public Builder enrolmentDays(int days) {
      return set("enrolmentDays", days);
    }

    /** Longest follow-up after delivery, months (SIM-007). */
    public Builder followUpMonths(int months) {
      return set("followUpMonths", months);
    }

    /** Mentor-mother support on or off. */
    public Builder mentorSupport(boolean on) {
      return set("mentorSupport", on);
    }

    /** The transmission table. */
    public Builder transmissionModel(TransmissionModel model) {
      return set("transmission.model", requireNonNull(model, "model").name());
    }

    /**
     * Builds the scenario after checking every rule.
     *
     * @return the scenario
     * @throws InvalidScenarioException naming the first parameter that breaks a rule
     */
    public Scenario build() {
      for (Parameter p : Parameters.all()) {
        check(p, values.get(p.path()));
      }
      checkNormal("booking.gestationalAgeWeeks", 0, 45);
      checkNormal("pregnancy.gestationalAgeAtDeliveryWeeks", 0, 45);
      checkNormal("feeding.durationMonths", Double.MIN_VALUE, Double.MAX_VALUE);
      checkPositive("adherence.monthly.alpha");
      checkPositive("adherence.monthly.beta");
      double shares = d("booking.onArtShare") + d("booking.diagnosedShare") + d("booking.negativeShare");
      if (Math.abs(shares - 1.0) > 1e-9) {
        throw new InvalidScenarioException("booking.onArtShare + booking.diagnosedShare + booking.negativeShare",
            String.format(Locale.ROOT, "%.6f", shares), SimRule.SHARES_SUM_TO_ONE);
      }
      if (d("adherence.lowLevelFrom") > d("adherence.suppressedFrom")) {
        throw new InvalidScenarioException("adherence.lowLevelFrom", values.get("adherence.lowLevelFrom"),
            SimRule.THRESHOLDS_ORDERED);
      }
      String id = (String) values.get("protocol");
      Protocol protocol = custom != null ? custom : builtIn(id)
          .orElseThrow(() -> new InvalidScenarioException("protocol", id, SimRule.PROTOCOL_UNKNOWN));
      return new Scenario(ImmutableMap.copyOf(values), protocol);
    }

    private static Optional<Protocol> builtIn(String id) {
      return Protocols.builtIn().stream().filter(p -> p.ref().id().equals(id)).reduce((a, b) -> b);
    }

    private double d(String path) {
      return (Double) values.get(path);
    }

    private void checkPositive(String path) {
      if (!(d(path) > 0)) {
        throw new InvalidScenarioException(path, values.get(path), SimRule.DISTRIBUTION_POSSIBLE);
      }
    }

    private void checkNormal(String path, double lowest, double highest) {
      double mean = d(path + ".mean");
      double sd = d(path + ".sd");
      double min = d(path + ".min");
      double max = d(path + ".max");
      if (!(sd > 0)) {
        throw new InvalidScenarioException(path + ".sd", sd, SimRule.DISTRIBUTION_POSSIBLE);
      }
      if (min < lowest) {
        throw new InvalidScenarioException(path + ".min", min, SimRule.DISTRIBUTION_POSSIBLE);
      }
      if (max > highest) {
        throw new InvalidScenarioException(path + ".max", max, SimRule.DISTRIBUTION_POSSIBLE);
      }
      if (!(min < max)) {
        throw new InvalidScenarioException(path + ".max", max, SimRule.DISTRIBUTION_POSSIBLE);
      }
      if (mean < min || mean > max) {
        throw new InvalidScenarioException(path + ".mean", mean, SimRule.DISTRIBUTION_POSSIBLE);
      }
    }

    private static void check(Parameter p, Object value) {
      switch (p.kind()) {
        case PROBABILITY -> {
          double v = (Double) value;
          if (!(v >= 0 && v <= 1)) {
            throw new InvalidScenarioException(p.path(), value, SimRule.PROBABILITY_RANGE);
          }
        }
        case RATE -> {
          double v = (Double) value;
          if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidScenarioException(p.path(), value, SimRule.RATE_NON_NEGATIVE);
          }
        }
        case RATIO -> {
          double v = (Double) value;
          if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidScenarioException(p.path(), value, SimRule.RATE_NON_NEGATIVE);
          }
        }
        case NUMBER -> {
          if (!Double.isFinite((Double) value)) {
            throw new InvalidScenarioException(p.path(), value, SimRule.DISTRIBUTION_POSSIBLE);
          }
        }
        case SIZE -> {
          if ((Integer) value < 1) {
            throw new InvalidScenarioException(p.path(), value, SimRule.COHORT_SIZE_POSITIVE);
          }
        }
        case DURATION -> {
          if ((Integer) value < 1) {
            throw new InvalidScenarioException(p.path(), value, SimRule.DURATION_POSITIVE);
          }
        }
        case MODEL -> {
          String name = (String) value;
          boolean known = false;
          for (TransmissionModel m : TransmissionModel.values()) {
            known |= m.name().equals(name);
          }
          if (!known) {
            throw new InvalidScenarioException(p.path(), value, SimRule.VALUE_UNKNOWN);
          }
        }
        case SEED, FLAG, DATE, TEXT, PROTOCOL -> {
          // the type is the whole rule; the protocol is resolved when built
        }
      }
    }

    private static Object coerce(Parameter p, @Nullable Object value) {
      if (value == null) {
        throw new InvalidScenarioException(p.path(), "null", SimRule.WRONG_TYPE);
      }
      Object coerced = switch (p.kind()) {
        case PROBABILITY, RATE, RATIO, NUMBER -> value instanceof Number n ? (Object) n.doubleValue() : null;
        case SIZE, DURATION -> whole(value).filter(l -> l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE)
            .map(l -> (Object) (int) (long) l).orElse(null);
        case SEED -> whole(value).map(l -> (Object) l).orElse(null);
        case FLAG -> value instanceof Boolean ? value : null;
        case DATE -> value instanceof LocalDate ? value : null;
        case TEXT, PROTOCOL, MODEL -> value instanceof String ? value : null;
      };
      if (coerced == null) {
        throw new InvalidScenarioException(p.path(), value, SimRule.WRONG_TYPE);
      }
      return coerced;
    }

    private static Optional<Long> whole(Object value) {
      if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
        return Optional.of(((Number) value).longValue());
      }
      return Optional.empty();
    }
  }
}
