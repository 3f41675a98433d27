package org.mentor.fhir.pull;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * A server resource the pull refused: nothing of it was recorded, and the pull went on with the rest. Names the
 * resource, the element and the rule (a {@code FHIR-nnn} id, or the core's id such as {@code VL-001}); never a value.
 *
 * @param caseId the case it would have gone to, when known
 * @param resource the version read, {@code Type/id/_history/version}
 * @param element the element path, such as {@code Observation.valueQuantity}
 * @param ruleId the rule's stable id
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PullRefusal(Optional<CaseId> caseId, String resource, String element, String ruleId) {
  public PullRefusal {
    requireNonNull(caseId, "caseId");
    requireNonNull(resource, "resource");
    requireNonNull(element, "element");
    requireNonNull(ruleId, "ruleId");
  }

  @Override
  public String toString() {
    return resource + " refused at " + element + " [" + ruleId + "]" + caseId.map(c -> " for case " + c.value()).orElse("");
  }
}
