package org.mentor.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** An event was refused by a hard rule. The case is exactly as it was before: same events, same facts, same version. */
@API(status = STABLE, since = "0.1")
public final class InvalidEventException extends MentorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with the value redacted from the message unless the rule echoes it.
   *
   * @param field the path of the offending field, not null
   * @param rejectedValue the offending value, or null
   * @param rule the rule broken, not null
   */
  public InvalidEventException(String field, @Nullable Object rejectedValue, Rule rule) {
    this(field, rejectedValue, rule, true);
  }

  /**
   * Creates the exception.
   *
   * @param field the path of the offending field, not null
   * @param rejectedValue the offending value, or null
   * @param rule the rule broken, not null
   * @param redacted whether the message leaves out a sensitive value
   */
  public InvalidEventException(String field, @Nullable Object rejectedValue, Rule rule, boolean redacted) {
    super(field, rejectedValue, rule, redacted);
  }

  /** The same exception with redaction set as given (the facade's redaction opt-out). */
  public InvalidEventException withRedaction(boolean redact) {
    InvalidEventException copy = new InvalidEventException(field(), rejectedValue().orElse(null), rule(), redact);
    copy.setStackTrace(getStackTrace());
    return copy;
  }
}
