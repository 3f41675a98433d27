package org.mentor.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Identifies one case: one pregnancy episode of one mother and the infants born of it.
 *
 * <p>Immutable and thread-safe. The value is opaque text of 1 to 128 characters without
 * surrounding white space.
 *
 * @param value the id, not null
 */
@API(status = STABLE, since = "0.1")
public record CaseId(String value) implements Comparable<CaseId> {
  public CaseId {
    requireNonNull(value, "value");
    checkArgument(
        !value.isEmpty() && value.length() <= 128 && value.strip().equals(value),
        "an id has 1 to 128 characters and no surrounding white space");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id, not null
   * @return the id
   * @throws IllegalArgumentException if the value is empty, longer than 128 characters or padded
   */
  public static CaseId of(String value) {
    return new CaseId(value);
  }

  @Override
  public int compareTo(CaseId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
