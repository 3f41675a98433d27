package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.InfantId;

/**
 * Whom an event about a person concerns: the mother (with her infants, as a pair in care) or one
 * infant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param infantId the infant, or empty for the mother
 */
@API(status = STABLE, since = "0.1")
public record Subject(Optional<InfantId> infantId) {
  private static final Subject MOTHER = new Subject(Optional.empty());

  public Subject {
    requireNonNull(infantId, "infantId");
  }

  /** The mother. */
  public static Subject mother() {
    return MOTHER;
  }

  /** One infant. */
  public static Subject infant(InfantId infantId) {
    return new Subject(Optional.of(infantId));
  }

  /** Whether the subject is the mother. */
  public boolean isMother() {
    return infantId.isEmpty();
  }
}
