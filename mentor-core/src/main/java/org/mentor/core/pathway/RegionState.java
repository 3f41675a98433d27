package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;

/**
 * One region's state as of the evaluation date, with the explanation: the table row that led
 * there and the event (or, when empty, the deadline) that fired it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param region the region
 * @param infantId the infant, for an {@link Region#INFANT} region
 * @param state the state
 * @param since the date the state was entered
 * @param via the table row that entered it; empty for the initial state
 * @param triggeredBy the event that fired the row; empty for a deadline or the initial state
 */
@API(status = STABLE, since = "0.1")
public record RegionState(
    Region region,
    Optional<InfantId> infantId,
    PathwayState state,
    LocalDate since,
    Optional<Transition> via,
    Optional<EventId> triggeredBy) {
  public RegionState {
    requireNonNull(region, "region");
    requireNonNull(infantId, "infantId");
    requireNonNull(state, "state");
    requireNonNull(since, "since");
    requireNonNull(via, "via");
    requireNonNull(triggeredBy, "triggeredBy");
  }

  /** Why the region is in its state, in words: the row, its trigger and guard, and the date. */
  public String why() {
    if (via.isEmpty()) {
      return state.name() + " (initial state) since " + since;
    }
    Transition t = via.get();
    String trigger = t.trigger() instanceof Trigger.AtDeadline d
        ? "deadline " + d.deadline().name() + " (" + d.deadline().description() + ")"
        : "event " + triggeredBy.map(EventId::toString).orElse("?");
    return state.name() + " since " + since + " by " + t.id() + " on " + trigger
        + (t.guard() == Guard.ALWAYS ? "" : " [" + t.guard().name() + ": " + t.guard().description() + "]");
  }
}
