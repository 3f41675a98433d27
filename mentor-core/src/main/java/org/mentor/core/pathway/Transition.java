package org.mentor.core.pathway;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One row of the pathway's transition table: in state {@code from}, when {@code trigger} fires and
 * {@code guard} holds, move to {@code to}. Rows are tried in table order; the first that matches
 * wins. A row whose {@code to} equals {@code from} keeps the state (and its start date) and marks
 * the event as expected there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the row's stable id, such as {@code VL-2} (shared by the rows one declaration expands to)
 * @param from the state the row applies in
 * @param trigger what fires it
 * @param guard the condition that must hold
 * @param to the state after it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Transition(String id, PathwayState from, Trigger trigger, Guard guard, PathwayState to) {
  public Transition {
    requireNonNull(id, "id");
    requireNonNull(from, "from");
    requireNonNull(trigger, "trigger");
    requireNonNull(guard, "guard");
    requireNonNull(to, "to");
    checkArgument(from.region() == to.region(), "a transition stays in one region");
  }

  /** The region of the row. */
  public Region region() {
    return from.region();
  }

  /** Whether the row keeps the state. */
  public boolean keepsState() {
    return from == to;
  }
}
