package org.mentor.fhir;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.MentorException;

/**
 * FHIR input was refused, whole, for one case: nothing of it was recorded. Names the resource
 * (its type and its position in the input, or its id), the element path and the rule: a
 * {@link FhirRule} id, or the core rule id when the core refused the event the resource became
 * (then {@link #coreRefusal()} holds the core's exception).
 *
 * <p>The message never holds values (codes, dates, results, identifiers): it has the shape
 * {@code Observation[3].valueQuantity.value breaks a rule [VL-001: ...]}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvalidFhirException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String resource;
  private final String element;
  private final String ruleId;
  private final transient @Nullable FhirRule rule;

  /**
   * A refusal by a FHIR rule.
   *
   * @param resource the resource, such as {@code Observation[3]} or {@code Observation/abc}, not null
   * @param element the element path inside it, such as {@code Observation.code}, not null
   * @param rule the rule, not null
   */
  public InvalidFhirException(String resource, String element, FhirRule rule) {
    super(resource + " " + element + " breaks a rule [" + rule.id() + ": " + rule.description() + "]");
    this.resource = resource;
    this.element = element;
    this.ruleId = rule.id();
    this.rule = rule;
  }

  /**
   * A refusal by the core's rules of the event a resource became.
   *
   * @param resource the resource, not null
   * @param element the element that held the refused field, not null
   * @param cause the core's exception, not null
   */
  public InvalidFhirException(String resource, String element, MentorException cause) {
    super(resource + " " + element + " breaks a rule [" + cause.rule().id() + ": " + cause.rule().description() + "]", cause);
    this.resource = requireNonNull(resource, "resource");
    this.element = requireNonNull(element, "element");
    this.ruleId = cause.rule().id();
    this.rule = null;
  }

  /** The resource: its type with its position in the input, or its type and id. */
  public String resource() {
    return resource;
  }

  /** The element path, such as {@code Observation.valueQuantity.value}. */
  public String element() {
    return element;
  }

  /** The stable rule id: {@code FHIR-nnn}, or the core's id such as {@code EID-001}. */
  public String ruleId() {
    return ruleId;
  }

  /** The FHIR rule, when the refusal is not the core's. */
  public Optional<FhirRule> rule() {
    return Optional.ofNullable(rule);
  }

  /** The core's refusal, when the core refused the event. */
  public Optional<MentorException> coreRefusal() {
    return getCause() instanceof MentorException core ? Optional.of(core) : Optional.empty();
  }
}
