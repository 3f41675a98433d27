package org.mentor.core.protocol;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How sure the project is of a protocol value (shared/clinical/README.md). Shown with every
 * explanation so a programme sees which rules await confirmation.
 */
@API(status = STABLE, since = "0.1")
public enum Confidence {
  /** Read in the primary document or a WHO machine-readable annex reproducing it. */
  VERIFIED,
  /** Read in a peer-reviewed summary, an official implementation or the programme's publication. */
  SECONDARY,
  /** Not confirmed in any retrievable copy; the reviewers' best reading. */
  UNVERIFIED,
  /** The guideline is silent; chosen by the project, documented, overridable. */
  PROJECT_CONVENTION
}
