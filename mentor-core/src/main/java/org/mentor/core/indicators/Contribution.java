package org.mentor.core.indicators;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.mentor.core.protocol.ProtocolRef;

/**
 * How one unit counts in one indicator: in the numerator, the denominator or both, with its
 * disaggregation categories and what could not be computed for it. A report keeps every
 * contribution, so two reports can be compared unit by unit ({@link ReportDiff}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param indicator the indicator, not null
 * @param unit the counted unit, not null
 * @param protocol the protocol version the unit's case is evaluated under, not null
 * @param numerator whether it counts in the numerator
 * @param denominator whether it counts in the denominator
 * @param categories its numerator categories, at most one per dimension, kept in declaration order, not null
 * @param gaps what could not be computed for it, kept in declaration order, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Contribution(
    Indicator indicator,
    Unit unit,
    ProtocolRef protocol,
    boolean numerator,
    boolean denominator,
    ImmutableSet<Category> categories,
    ImmutableSet<Gap> gaps) {
  public Contribution {
    requireNonNull(indicator, "indicator");
    requireNonNull(unit, "unit");
    requireNonNull(protocol, "protocol");
    categories = Sets.immutableEnumSet(requireNonNull(categories, "categories")); // in declaration order
    gaps = Sets.immutableEnumSet(requireNonNull(gaps, "gaps"));
    checkArgument(atMostOnePerDimension(categories), "a contribution has at most one category per dimension");
    checkArgument(numerator || categories.isEmpty(), "only numerator contributions are disaggregated");
  }

  // A loop, not a stream: every report builds one contribution per unit and indicator.
  private static boolean atMostOnePerDimension(ImmutableSet<Category> categories) {
    if (categories.size() < 2) {
      return true;
    }
    Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
    for (Category category : categories) {
      if (!seen.add(category.dimension())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The category in a dimension, if any.
   *
   * @param dimension the dimension, not null
   * @return the category
   */
  public Optional<Category> category(Dimension dimension) {
    requireNonNull(dimension, "dimension");
    return categories.stream().filter(c -> c.dimension() == dimension).findFirst();
  }

  /** Where it counts, in words: {@code numerator+denominator [KNOWN_POSITIVE] gaps [MATERNAL_AGE_NOT_HELD]}. */
  public String placement() {
    String where = numerator && denominator ? "numerator+denominator" : numerator ? "numerator" : denominator ? "denominator" : "not counted";
    String cats = categories.isEmpty() ? "" : categories.stream().map(Enum::name).collect(Collectors.joining(", ", " [", "]"));
    String missing = gaps.isEmpty() ? "" : gaps.stream().map(Enum::name).collect(Collectors.joining(", ", " gaps [", "]"));
    return where + cats + missing;
  }
}
