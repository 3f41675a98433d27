package org.mentor.core.protocol;

/**
 * How sure the project is of a protocol value (shared/clinical/README.md). Shown with every
 * explanation so a programme sees which rules await confirmation.
 */
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
