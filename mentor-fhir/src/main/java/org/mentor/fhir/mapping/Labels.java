package org.mentor.fhir.mapping;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.fhir.terminology.Terminology;

/**
 * The HIV security labels every resource Mentor writes carries (MAPPING.md §5; DESIGN.md §7):
 * confidentiality {@code R} (restricted) and sensitivity {@code HIV}. The mere presence of a PMTCT
 * record discloses status, so the Patient carries them too.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Labels {
  private Labels() {}

  /** Adds both labels to a resource's {@code meta.security}. */
  public static <R extends Resource> R apply(R resource) {
    resource.getMeta().addSecurity(Terminology.CONFIDENTIALITY_RESTRICTED.coding());
    resource.getMeta().addSecurity(Terminology.SENSITIVITY_HIV.coding());
    return resource;
  }

  /** Whether a resource carries both labels. */
  public static boolean carried(Resource resource) {
    boolean r = false;
    boolean hiv = false;
    for (Coding label : resource.getMeta().getSecurity()) {
      r |= Terminology.CONFIDENTIALITY_RESTRICTED.matches(label);
      hiv |= Terminology.SENSITIVITY_HIV.matches(label);
    }
    return r && hiv;
  }
}
