package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.InfantId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;

/**
 * One infant born in a delivery (a stillbirth is a birth with outcome {@code STILLBIRTH}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param infantId the infant's UUID, chosen when the birth is recorded, not null
 * @param sex the infant's sex, not null
 * @param birthWeightGrams the weight if weighed, 200 to 7000 g
 * @param outcome live birth or stillbirth, not null
 */
@API(status = STABLE, since = "0.1")
public record Birth(InfantId infantId, Sex sex, Optional<Integer> birthWeightGrams, Outcome outcome) {
  public Birth {
    requireNonNull(infantId, "infantId");
    requireNonNull(sex, "sex");
    requireNonNull(birthWeightGrams, "birthWeightGrams");
    requireNonNull(outcome, "outcome");
    birthWeightGrams.ifPresent(
        grams -> {
          if (grams < 200 || grams > 7000) {
            throw new InvalidEventException("birth.birthWeightGrams", grams, Rule.BIRTH_WEIGHT_RANGE);
          }
        });
  }

  /** A live birth. */
  public static Birth live(InfantId infantId, Sex sex, int birthWeightGrams) {
    return new Birth(infantId, sex, Optional.of(birthWeightGrams), Outcome.LIVE_BIRTH);
  }

  /** Whether the infant was born alive. */
  public boolean isLive() {
    return outcome == Outcome.LIVE_BIRTH;
  }

  /** The infant's sex as recorded at birth. */
  public enum Sex {
    FEMALE,
    MALE,
    UNDETERMINED
  }

  /** Live birth or stillbirth. */
  public enum Outcome {
    LIVE_BIRTH,
    STILLBIRTH
  }
}
