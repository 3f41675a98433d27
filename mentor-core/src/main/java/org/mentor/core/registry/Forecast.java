package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.MentorId;

/**
 * A caseload forecast: per mentor, how many milestones fall due in each week, if nothing is done
 * early. Weeks start on {@code weekStarts}; a case counts for the mentor responsible on the week's
 * first day.
 *
 * @param weekStarts the first day of each week
 * @param byMentor for each mentor, the count per week (same length as {@code weekStarts})
 * @param unassigned the counts for cases with no mentor assigned
 */
@API(status = STABLE, since = "0.1")
public record Forecast(ImmutableList<LocalDate> weekStarts, ImmutableMap<MentorId, ImmutableList<Integer>> byMentor,
    ImmutableList<Integer> unassigned) {
  public Forecast {
    weekStarts = ImmutableList.copyOf(requireNonNull(weekStarts, "weekStarts"));
    byMentor = ImmutableMap.copyOf(requireNonNull(byMentor, "byMentor"));
    unassigned = ImmutableList.copyOf(requireNonNull(unassigned, "unassigned"));
  }
}
