package org.mentor.fhir;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The rules FHIR input must keep before it becomes events, with stable ids in the style of the
 * core's {@link org.mentor.core.Rule}. A refusal by the core's own rules (an infant test before
 * birth, a negative viral load) keeps the core's rule id; these cover what only FHIR input can
 * get wrong. Ids never change meaning.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum FhirRule {
  UNREADABLE("FHIR-001", "input is well-formed FHIR R4 JSON or XML (or NDJSON, one resource per line) that HAPI parses strictly"),
  XML_ENTITY("FHIR-002", "XML input declares no DOCTYPE and no entity (external entities are never resolved)"),
  TOO_LARGE("FHIR-003", "input holds no more resources, and no more characters, than the configured limits"),
  UNSUPPORTED_RESOURCE("FHIR-004", "each resource is of a type, and carries a kind of information, that Mentor imports"),
  REQUIRED_ELEMENT("FHIR-005", "each element the event needs is present"),
  UNKNOWN_CODE("FHIR-006", "each coded element carries a code Mentor knows (unknown codes are refused, never read as absent)"),
  DANGLING_REFERENCE("FHIR-007", "each reference resolves to a resource in the input or to an identifier Mentor knows"),
  WRONG_REFERENCE_TYPE("FHIR-008", "each reference points at a resource of the type its element allows"),
  INVALID_VALUE("FHIR-009", "each value has the form, unit and range its element requires"),
  CASE_UNRESOLVED("FHIR-010", "each resource belongs to exactly one case: by its Mentor identifier, or by the case the caller names"),
  BUNDLE_TYPE("FHIR-011", "a bundle is a transaction, batch, searchset or collection"),
  CONFLICTING_RESOURCES("FHIR-012", "resources with one Mentor identity agree (a duplicate is identical)");

  private final String id;
  private final String description;

  FhirRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable id, such as {@code FHIR-006}. */
  public String id() {
    return id;
  }

  /** What the rule requires. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return id + ": " + description;
  }
}
