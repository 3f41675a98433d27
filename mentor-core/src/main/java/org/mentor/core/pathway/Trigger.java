package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** What fires a transition: an event of one of some kinds, or a deadline passing. Immutable values. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Trigger {
  /**
   * An event of one of these kinds (results fire on their result date).
   *
   * @param kinds the kinds, not empty
   */
  record OnEvent(ImmutableSet<EventKind> kinds) implements Trigger {
    public OnEvent {
      kinds = ImmutableSet.copyOf(requireNonNull(kinds, "kinds"));
    }

    @Override
    public String label() {
      return kinds.stream().map(Enum::name).collect(Collectors.joining(" | "));
    }
  }

  /**
   * A deadline passing with no event.
   *
   * @param deadline the deadline
   */
  record AtDeadline(Deadline deadline) implements Trigger {
    public AtDeadline {
      requireNonNull(deadline, "deadline");
    }

    @Override
    public String label() {
      return "after " + deadline.name();
    }
  }

  /** The trigger in words for the diagram. */
  String label();
}
