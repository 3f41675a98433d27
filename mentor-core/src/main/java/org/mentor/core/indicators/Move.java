package org.mentor.core.indicators;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * One unit that counts differently in two reports of one indicator, with why: the events recorded
 * for its case between the two instants, and whether the reports were evaluated as of different
 * dates (time passing alone moves results returned and deadlines reached).
 *
 * <p>Immutable and thread-safe.
 *
 * @param indicator the indicator, not null
 * @param unit the unit, not null
 * @param before its contribution to the earlier report, if in scope, not null
 * @param after its contribution to the later report, if in scope, not null
 * @param recorded events recorded for its case (or the mother's other cases) between the two instants, oldest first, not null
 * @param evaluationDateChanged whether the two reports have different data cut-offs
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Move(
    Indicator indicator,
    Unit unit,
    Optional<Contribution> before,
    Optional<Contribution> after,
    ImmutableList<RecordedChange> recorded,
    boolean evaluationDateChanged) {
  public Move {
    requireNonNull(indicator, "indicator");
    requireNonNull(unit, "unit");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    recorded = ImmutableList.copyOf(requireNonNull(recorded, "recorded"));
  }

  /** The line a diff prints: the unit, where it counted before and after, and why. */
  public String describe() {
    String from = before.map(Contribution::placement).orElse("not in scope");
    String to = after.map(Contribution::placement).orElse("not in scope");
    String why;
    if (!recorded.isEmpty()) {
      why = "recorded since: " + recorded.stream().map(RecordedChange::describe).collect(Collectors.joining("; "));
    } else if (evaluationDateChanged) {
      why = "no event recorded since; evaluated as of another date";
    } else {
      why = "no event recorded since";
    }
    return indicator.code() + " " + unit + ": " + from + " -> " + to + "; " + why;
  }
}
