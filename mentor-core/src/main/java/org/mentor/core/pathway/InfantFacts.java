package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.Codes.FeedingMode;

/**
 * One infant's facts, from its birth: histories are newest first in fold order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param birth the birth as recorded in the delivery
 * @param bornOn the delivery date
 * @param prophylaxis prophylaxis starts and stops
 * @param tests HIV tests, by sample date
 * @param feeding feeding records
 * @param cotrimoxazole cotrimoxazole starts and stops
 * @param artStart the infant's ART start, if any
 * @param transfers transfers in and out of this infant alone
 * @param death the infant's recorded death, if any
 */
@API(status = STABLE, since = "0.1")
public record InfantFacts(
    Birth birth,
    LocalDate bornOn,
    History<PathwayEvent> prophylaxis,
    History<InfantHivTested> tests,
    History<FeedingRecorded> feeding,
    History<PathwayEvent> cotrimoxazole,
    Optional<InfantArtStarted> artStart,
    History<PathwayEvent> transfers,
    Optional<Died> death) {

  public InfantFacts {
    requireNonNull(birth, "birth");
    requireNonNull(bornOn, "bornOn");
    requireNonNull(prophylaxis, "prophylaxis");
    requireNonNull(tests, "tests");
    requireNonNull(feeding, "feeding");
    requireNonNull(cotrimoxazole, "cotrimoxazole");
    requireNonNull(artStart, "artStart");
    requireNonNull(transfers, "transfers");
    requireNonNull(death, "death");
  }

  /** A newborn with no events yet. */
  public static InfantFacts born(Birth birth, LocalDate bornOn) {
    return new InfantFacts(birth, bornOn, History.empty(), History.empty(), History.empty(),
        History.empty(), Optional.empty(), History.empty(), Optional.empty());
  }

  /** The infant's id. */
  public InfantId infantId() {
    return birth.infantId();
  }

  /** The feeding mode recorded on or before a date, if any. */
  public Optional<FeedingMode> feedingOn(LocalDate date) {
    // A loop and shared Optionals: the schedule and the guards ask this for every candidate and result.
    for (FeedingRecorded record : feeding) {
      if (!record.occurredOn().isAfter(date)) {
        return MODES.get(record.mode());
      }
    }
    return Optional.empty();
  }

  private static final java.util.Map<FeedingMode, Optional<FeedingMode>> MODES = modes();

  private static java.util.Map<FeedingMode, Optional<FeedingMode>> modes() {
    java.util.EnumMap<FeedingMode, Optional<FeedingMode>> modes = new java.util.EnumMap<>(FeedingMode.class);
    for (FeedingMode mode : FeedingMode.values()) {
      modes.put(mode, Optional.of(mode));
    }
    return modes;
  }

  /** Whether the infant received breast milk at any time on or before a date. */
  public boolean everBreastfedBy(LocalDate date) {
    return feeding.any(f -> !f.occurredOn().isAfter(date) && (f.mode().isBreastfeeding() || f.mode() == FeedingMode.BREASTFEEDING_STOPPED));
  }

  /**
   * The date breastfeeding ended, as known on a date: the latest stop, provided no breastfeeding
   * was recorded after it.
   */
  public Optional<LocalDate> breastfeedingEndedBy(LocalDate date) {
    return feeding.latest(f -> !f.occurredOn().isAfter(date))
        .filter(f -> f.mode() == FeedingMode.BREASTFEEDING_STOPPED)
        .map(FeedingRecorded::occurredOn);
  }
}
