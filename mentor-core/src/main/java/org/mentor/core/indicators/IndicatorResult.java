package org.mentor.core.indicators;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.mentor.core.protocol.ProtocolRef;

/**
 * One indicator computed for one period: numerator, denominator, numerator counts per
 * disaggregation category, what could not be computed (with counts), the protocol versions of the
 * counted cases, and every unit's contribution. It holds everything a FHIR {@code MeasureReport}
 * needs, for mentor-fhir to map (docs/indicators.md lists the elements): the measure (code,
 * definition set and version), the period, the date (data cut-off and knownAsOf), the populations
 * and the strata.
 *
 * <p>Immutable and thread-safe.
 *
 * @param indicator the indicator, not null
 * @param definitionVersion the version of Mentor's computation rules ({@link Indicators#DEFINITION_VERSION}), not null
 * @param period the reporting period, not null
 * @param evaluatedOn the data cut-off the cases were evaluated as of, not null
 * @param knownAsOf the instant the data were taken as known at, or empty for everything recorded, not null
 * @param numerator the numerator count
 * @param denominator the denominator count, or empty for a count indicator, not null
 * @param strata numerator counts per category, in category order, not null
 * @param notComputed units per gap, in gap order, not null
 * @param protocols counted units per protocol version of their case, by protocol, not null
 * @param contributions every unit's contribution, by unit, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IndicatorResult(
    Indicator indicator,
    String definitionVersion,
    ReportingPeriod period,
    LocalDate evaluatedOn,
    Optional<Instant> knownAsOf,
    int numerator,
    Optional<Integer> denominator,
    ImmutableMap<Category, Integer> strata,
    ImmutableMap<Gap, Integer> notComputed,
    ImmutableMap<ProtocolRef, Integer> protocols,
    ImmutableList<Contribution> contributions) {
  public IndicatorResult {
    requireNonNull(indicator, "indicator");
    requireNonNull(definitionVersion, "definitionVersion");
    requireNonNull(period, "period");
    requireNonNull(evaluatedOn, "evaluatedOn");
    requireNonNull(knownAsOf, "knownAsOf");
    requireNonNull(denominator, "denominator");
    strata = ImmutableMap.copyOf(requireNonNull(strata, "strata"));
    notComputed = ImmutableMap.copyOf(requireNonNull(notComputed, "notComputed"));
    protocols = ImmutableMap.copyOf(requireNonNull(protocols, "protocols"));
    contributions = ImmutableList.copyOf(requireNonNull(contributions, "contributions"));
    checkArgument(numerator >= 0, "the numerator is zero or more");
  }

  private static final Comparator<Contribution> BY_UNIT = Comparator.comparing(Contribution::unit);

  /**
   * Aggregates contributions into a result.
   *
   * @param indicator the indicator, not null
   * @param request the report's request, not null
   * @param contributions the contributions to this indicator, not null
   * @return the result
   */
  static IndicatorResult of(Indicator indicator, ReportRequest request, List<Contribution> contributions) {
    List<Contribution> sorted = new ArrayList<>(contributions);
    sorted.sort(BY_UNIT); // stable, as the stream's sort was
    int numerator = 0;
    int denominator = 0;
    Map<Category, Integer> strata = new EnumMap<>(Category.class);
    Map<Gap, Integer> gaps = new EnumMap<>(Gap.class);
    Map<ProtocolRef, Integer> protocols = new TreeMap<>(Comparator.comparing(ProtocolRef::toString));
    for (Contribution c : sorted) {
      checkArgument(c.indicator() == indicator, "a contribution to %s in the result of %s", c.indicator(), indicator);
      numerator += c.numerator() ? 1 : 0;
      denominator += c.denominator() ? 1 : 0;
      for (Category category : c.categories()) {
        strata.merge(category, 1, Integer::sum);
      }
      for (Gap gap : c.gaps()) {
        gaps.merge(gap, 1, Integer::sum);
      }
      if (c.numerator() || c.denominator()) {
        protocols.merge(c.protocol(), 1, Integer::sum);
      }
    }
    Optional<Integer> counted = indicator.denominator().isPresent() ? Optional.of(denominator) : Optional.empty();
    return new IndicatorResult(indicator, Indicators.DEFINITION_VERSION, request.period(), request.evaluatedOn(),
        request.knownAsOf(), numerator, counted, ImmutableMap.copyOf(strata), ImmutableMap.copyOf(gaps),
        ImmutableMap.copyOf(protocols), ImmutableList.copyOf(sorted));
  }

  /** The numerator over the denominator, when there is a non-zero denominator. */
  public Optional<Double> proportion() {
    return denominator.filter(d -> d > 0).map(d -> (double) numerator / d);
  }

  /**
   * The numerator counts in one dimension.
   *
   * @param dimension the dimension, not null
   * @return count per category of that dimension, in category order (categories with no count left out)
   */
  public ImmutableMap<Category, Integer> strata(Dimension dimension) {
    requireNonNull(dimension, "dimension");
    ImmutableMap.Builder<Category, Integer> in = ImmutableMap.builder();
    strata.forEach((category, count) -> {
      if (category.dimension() == dimension) {
        in.put(category, count);
      }
    });
    return in.build();
  }

  /**
   * The contribution of one unit, if it is in this indicator's scope.
   *
   * @param unit the unit, not null
   * @return its contribution
   */
  public Optional<Contribution> contribution(Unit unit) {
    requireNonNull(unit, "unit");
    return contributions.stream().filter(c -> c.unit().equals(unit)).findFirst();
  }

  /** {@code PMTCT_STAT 9/10} or {@code PMTCT_HEI_POS 2}. */
  @Override
  public String toString() {
    return indicator.code() + " " + numerator + denominator.map(d -> "/" + d).orElse("");
  }
}
