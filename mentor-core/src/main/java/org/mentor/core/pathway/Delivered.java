package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;

/**
 * The pregnancy ended in a delivery on {@code occurredOn}, with one birth per infant (twins are
 * two births; a stillbirth is a birth with that outcome).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the caller-supplied, globally unique id, not null
 * @param occurredOn the clinic-local date it happened, not null
 * @param recordedAt when it was recorded, not null
 * @param recordedBy who recorded it, not null
 * @param births the births, one or more, each with its own infant id, not null
 */
@API(status = STABLE, since = "0.1")
public record Delivered(
    EventId id,
    LocalDate occurredOn,
    Instant recordedAt,
    RecordedBy recordedBy,
    ImmutableList<Birth> births)
    implements PathwayEvent {
  public Delivered {
    requireNonNull(id, "id");
    requireNonNull(occurredOn, "occurredOn");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    occurredOn = Shared.date(occurredOn);
    recordedAt = Shared.instant(recordedAt);
    recordedBy = Shared.recordedBy(recordedBy);
    births = ImmutableList.copyOf(requireNonNull(births, "births"));
    if (births.isEmpty() || !distinctInfants(births)) {
      throw new InvalidEventException("delivered.births", births.size(), Rule.DELIVERY_WITHOUT_BIRTHS);
    }
  }

  /** Whether no infant is born twice: pairwise, as a delivery has one to a handful of births. */
  private static boolean distinctInfants(ImmutableList<Birth> births) {
    for (int i = 0; i < births.size(); i++) {
      for (int j = i + 1; j < births.size(); j++) {
        if (births.get(i).infantId().equals(births.get(j).infantId())) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public EventKind kind() {
    return EventKind.DELIVERED;
  }

  /** Whether at least one infant was born alive. */
  public boolean hasLiveBirth() {
    return births.stream().anyMatch(Birth::isLive);
  }
}
