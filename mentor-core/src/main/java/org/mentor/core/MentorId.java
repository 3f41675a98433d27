package org.mentor.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Identifies a mentor mother (or another worker) responsible for cases.
 *
 * <p>Immutable and thread-safe. The value is opaque text of 1 to 128 characters without
 * surrounding white space.
 *
 * @param value the id, not null
 */
@API(status = STABLE, since = "0.1")
public record MentorId(String value) implements Comparable<MentorId> {
  public MentorId {
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
  public static MentorId of(String value) {
    return new MentorId(value);
  }

  @Override
  public int compareTo(MentorId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
