package org.mentor.fhir.mapping;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.core.CaseId;

/**
 * One case mapped as of a date: every resource, event resources first (in the order their events
 * were first recorded), then the derived ones, then Provenance. The resources are HAPI objects,
 * which are mutable: treat them as read-only (the transaction builder copies them).
 *
 * @param caseId the case
 * @param asOf the mapping date
 * @param resources the resources
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CaseResources(CaseId caseId, LocalDate asOf, ImmutableList<Resource> resources) {
  public CaseResources {
    requireNonNull(caseId, "caseId");
    requireNonNull(asOf, "asOf");
    resources = ImmutableList.copyOf(requireNonNull(resources, "resources"));
  }

  /** The resources of one type, such as {@code Observation}. */
  public ImmutableList<Resource> ofType(String type) {
    return resources.stream().filter(r -> r.fhirType().equals(type)).collect(ImmutableList.toImmutableList());
  }
}
