package org.mentor.core.schedule;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RecordedBy;

/** Generated events in the order a clinic records them, and the ids and instants the generators share. */
final class RecordingOrder {
  private RecordingOrder() {}

  /**
   * The enrolment, then the drawn events in date order (equal days keep the order drawn), leaving
   * out any dated before the enrolment but an ART start (one before pregnancy is recorded at booking).
   */
  static List<PathwayEvent> afterEnrolment(Enrolled enrolment, List<PathwayEvent> drawn) {
    List<PathwayEvent> ordered = new ArrayList<>(drawn);
    ordered.sort(Comparator.comparing(PathwayEvent::occurredOn));
    List<PathwayEvent> all = new ArrayList<>();
    all.add(enrolment);
    for (PathwayEvent event : ordered) {
      if (!event.occurredOn().isBefore(enrolment.occurredOn()) || event instanceof ArtStarted) {
        all.add(event);
      }
    }
    return all;
  }

  /** A live birth of {@code infants} (3 000 g each) and each infant's feeding record, on the same day. */
  static void addDelivery(List<PathwayEvent> events, int[] id, RecordedBy by, LocalDate delivered, int infants,
      boolean breastfed) {
    ImmutableList.Builder<Birth> births = ImmutableList.builder();
    for (int k = 0; k < infants; k++) {
      births.add(Birth.live(infant(k), k == 0 ? Birth.Sex.FEMALE : Birth.Sex.MALE, 3000));
    }
    events.add(new Delivered(next(id), delivered, at(delivered), by, births.build()));
    for (int k = 0; k < infants; k++) {
      events.add(new FeedingRecorded(next(id), delivered, at(delivered), by, infant(k),
          breastfed ? FeedingMode.EXCLUSIVE_BREASTFEEDING : FeedingMode.REPLACEMENT_FEEDING));
    }
  }

  static InfantId infant(int k) {
    return new InfantId(new UUID(0, k + 1));
  }

  /** The next id of a generated case ({@code id[0]} counts them). */
  static EventId next(int[] id) {
    return EventId.of("e-" + ++id[0]);
  }

  static Instant at(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }
}
