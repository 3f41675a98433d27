package org.mentor.core;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Mentor throws for bad clinical data or a state the caller must
 * handle. Programmer errors (a null argument, misuse of the API) throw the JDK's
 * {@code NullPointerException}, {@code IllegalArgumentException} or {@code IllegalStateException}
 * instead.
 *
 * <p>Each exception names the field, the rejected value and the {@link Rule}, so callers never
 * parse text. The message has the shape {@code field <problem> [RULE-ID: rule]}; the rejected
 * value appears in it only when the rule marks the value as impossible (a negative count) or when
 * the caller turned redaction off, because messages reach logs and dates of birth, results and
 * identifiers must not.
 */
@API(status = STABLE, since = "0.1")
public class MentorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final transient @Nullable Object rejectedValue;
  private final Rule rule;
  private final boolean redacted;

  /**
   * Creates an exception.
   *
   * @param field the path of the offending field, such as {@code infantTest.sampleDate}, not null
   * @param rejectedValue the offending value, or null when there is none
   * @param rule the rule broken, not null
   * @param redacted whether the message leaves out a sensitive value
   */
  public MentorException(String field, @Nullable Object rejectedValue, Rule rule, boolean redacted) {
    super(format(requireNonNull(field, "field"), rejectedValue, requireNonNull(rule, "rule"), redacted));
    this.field = field;
    this.rejectedValue = rejectedValue;
    this.rule = rule;
    this.redacted = redacted;
  }

  private static String format(String field, @Nullable Object value, Rule rule, boolean redacted) {
    String shown =
        value == null ? "" : (redacted && !rule.echoesValue()) ? " (value redacted)" : " " + value;
    return field + shown + " breaks a rule [" + rule.id() + ": " + rule.description() + "]";
  }

  /** The path of the offending field, such as {@code infantTest.sampleDate}. */
  public String field() {
    return field;
  }

  /** The offending value, for the caller's code; it is in the message only when allowed. */
  public Optional<Object> rejectedValue() {
    return Optional.ofNullable(rejectedValue);
  }

  /** The rule broken; its {@link Rule#id()} is stable. */
  public Rule rule() {
    return rule;
  }

  /** Whether the message leaves out a sensitive value. */
  public boolean redacted() {
    return redacted;
  }
}
