package org.mentor.sim.scenario;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A scenario that cannot run: the field, the value and the rule it breaks. Thrown while the scenario
 * is built or read, so nothing runs with it. Scenario values are model parameters, not patient
 * data, so the value appears in the message.
 *
 * <p>The message has the shape of mentor-core's {@code MentorException}:
 * {@code booking.onArtShare 1.4 breaks a rule [SIM-002: a probability or share lies between 0 and 1]}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvalidScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final transient @Nullable Object rejectedValue;
  private final SimRule rule;

  /**
   * Creates the exception.
   *
   * @param field the parameter's path, such as {@code booking.onArtShare}, not null
   * @param rejectedValue the value refused, or null when there is none
   * @param rule the rule broken, not null
   */
  public InvalidScenarioException(String field, @Nullable Object rejectedValue, SimRule rule) {
    super(requireNonNull(field, "field") + (rejectedValue == null ? "" : " " + rejectedValue) + " breaks a rule ["
        + requireNonNull(rule, "rule").id() + ": " + rule.description() + "]");
    this.field = field;
    this.rejectedValue = rejectedValue;
    this.rule = rule;
  }

  /** The parameter's path. */
  public String field() {
    return field;
  }

  /** The value refused. */
  public Optional<Object> rejectedValue() {
    return Optional.ofNullable(rejectedValue);
  }

  /** The rule broken. */
  public SimRule rule() {
    return rule;
  }
}
