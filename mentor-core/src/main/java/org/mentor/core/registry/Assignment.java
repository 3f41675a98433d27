package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableRangeMap;
import com.google.common.collect.Range;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.TransferredIn;

/**
 * Who was responsible for a case on a day: the mentor assigned (the latest {@link MentorAssigned}
 * on or before it) and the facility (where she enrolled, or the last facility that recorded her
 * transfer in). Read off the facts, so a late or corrected assignment rewrites the history.
 *
 * @param mentor the mentor, if one was assigned by then
 * @param facility the facility code
 */
@API(status = STABLE, since = "0.1")
public record Assignment(Optional<MentorId> mentor, String facility) {
  public Assignment {
    requireNonNull(mentor, "mentor");
    requireNonNull(facility, "facility");
  }

  /**
   * The responsibility for a case on a date.
   *
   * @param facts the case's facts (enrolled), not null
   * @param on the date, not null
   * @return the assignment
   */
  public static Assignment on(Facts facts, LocalDate on) {
    Optional<MentorId> mentor = facts.mentors().latest(m -> !m.occurredOn().isAfter(on)).map(MentorAssigned::mentor);
    return new Assignment(mentor, facilityOn(facts, on));
  }

  /**
   * The mentors responsible over time: each assignment holds from its date until the next one.
   *
   * @param facts the case's facts, not null
   * @return the history; empty where no mentor was assigned
   */
  public static ImmutableRangeMap<LocalDate, MentorId> mentorHistory(Facts facts) {
    List<MentorAssigned> oldestFirst = new ArrayList<>(facts.mentors().oldestFirst());
    oldestFirst.sort(java.util.Comparator.comparing(MentorAssigned::occurredOn));
    ImmutableRangeMap.Builder<LocalDate, MentorId> history = ImmutableRangeMap.builder();
    for (int i = 0; i < oldestFirst.size(); i++) {
      MentorAssigned assigned = oldestFirst.get(i);
      if (i + 1 < oldestFirst.size() && oldestFirst.get(i + 1).occurredOn().equals(assigned.occurredOn())) {
        continue; // two assignments on one day: the later in the fold holds
      }
      Range<LocalDate> period = i + 1 < oldestFirst.size()
          ? Range.closedOpen(assigned.occurredOn(), oldestFirst.get(i + 1).occurredOn())
          : Range.atLeast(assigned.occurredOn());
      history.put(period, assigned.mentor());
    }
    return history.build();
  }

  private static String facilityOn(Facts facts, LocalDate on) {
    String facility = facts.enrolment().map(Enrolled::recordedBy).map(r -> r.facility()).orElse("");
    for (PathwayEvent event : facts.events()) {
      if (event.occurredOn().isAfter(on)) {
        break;
      }
      if (event instanceof TransferredIn in && in.subject().isMother()) {
        facility = in.recordedBy().facility();
      }
    }
    return facility;
  }
}
