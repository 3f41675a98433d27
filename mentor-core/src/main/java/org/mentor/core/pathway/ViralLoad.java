package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;

/**
 * A viral-load result in copies/mL as a laboratory reports it: an exact count, below the assay's
 * limit ({@code <50}), or not detected.
 *
 * <p>Comparisons are definite: {@link #isAbove(int)} is true only when the result is certainly
 * above the threshold, so {@code <50} is never above anything.
 *
 * <p>Immutable and thread-safe.
 *
 * @param copiesPerMl the count; for {@code BELOW_LIMIT} the assay's limit; 0 when not detected
 * @param qualifier how to read the count, not null
 */
@API(status = STABLE, since = "0.1")
public record ViralLoad(int copiesPerMl, Qualifier qualifier) {
  public ViralLoad {
    requireNonNull(qualifier, "qualifier");
    if (copiesPerMl < 0) {
      throw new InvalidEventException("viralLoad.copiesPerMl", copiesPerMl, Rule.NEGATIVE_VIRAL_LOAD);
    }
    if (qualifier == Qualifier.NOT_DETECTED && copiesPerMl != 0) {
      throw new IllegalArgumentException("a result that is not detected has a count of 0");
    }
  }

  /** An exact count. */
  public static ViralLoad copies(int copiesPerMl) {
    return new ViralLoad(copiesPerMl, Qualifier.EXACT);
  }

  /** A result below the assay's limit, such as {@code <50}. */
  public static ViralLoad belowLimit(int limit) {
    return new ViralLoad(limit, Qualifier.BELOW_LIMIT);
  }

  /** Target not detected. */
  public static ViralLoad notDetected() {
    return new ViralLoad(0, Qualifier.NOT_DETECTED);
  }

  /** Whether the result is certainly greater than {@code threshold}. */
  public boolean isAbove(int threshold) {
    return qualifier == Qualifier.EXACT && copiesPerMl > threshold;
  }

  /** Whether the result is certainly at least {@code threshold}. */
  public boolean isAtLeast(int threshold) {
    return qualifier == Qualifier.EXACT && copiesPerMl >= threshold;
  }

  /** Whether the result is certainly below {@code threshold}. */
  public boolean isBelow(int threshold) {
    return switch (qualifier) {
      case EXACT -> copiesPerMl < threshold;
      case BELOW_LIMIT -> copiesPerMl <= threshold;
      case NOT_DETECTED -> true;
    };
  }

  /** How to read a reported count. */
  public enum Qualifier {
    /** The count as measured. */
    EXACT,
    /** Below the assay's limit; the count is the limit. */
    BELOW_LIMIT,
    /** The target was not detected. */
    NOT_DETECTED
  }

  @Override
  public String toString() {
    return switch (qualifier) {
      case EXACT -> Integer.toString(copiesPerMl);
      case BELOW_LIMIT -> "<" + copiesPerMl;
      case NOT_DETECTED -> "not detected";
    };
  }
}
