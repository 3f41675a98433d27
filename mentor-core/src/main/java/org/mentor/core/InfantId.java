package org.mentor.core;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Identifies an infant. Always a UUID chosen when the birth is recorded, never an ordinal, so correcting a twin delivery never shifts identities.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the UUID, not null
 */
@API(status = STABLE, since = "0.1")
public record InfantId(UUID value) implements Comparable<InfantId> {
  public InfantId {
    requireNonNull(value, "value");
  }

  /**
   * Parses an infant id.
   *
   * @param value a UUID in its canonical text form, not null
   * @return the id
   * @throws IllegalArgumentException if the text is not a UUID
   */
  public static InfantId of(String value) {
    return new InfantId(UUID.fromString(requireNonNull(value, "value")));
  }

  /** Creates a new random infant id (what a clinic does when a birth is recorded). */
  public static InfantId random() {
    return new InfantId(UUID.randomUUID());
  }

  @Override
  public int compareTo(InfantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
