package org.mentor.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A write expected a case version that is no longer current (optimistic concurrency). Nothing was
 * written. The message gives both versions; the case is in {@link #caseId()} (case ids stay out of
 * messages, which may reach shared logs).
 */
@API(status = STABLE, since = "0.1")
public final class VersionConflictException extends MentorException {
  private static final long serialVersionUID = 1L;

  private final CaseId caseId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param caseId the case, not null
   * @param expectedVersion the version the caller expected
   * @param actualVersion the current version
   */
  public VersionConflictException(CaseId caseId, long expectedVersion, long actualVersion) {
    super("case.version", "expected version " + expectedVersion + " but is at " + actualVersion,
        Rule.CASE_VERSION_CONFLICT, false);
    this.caseId = caseId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The case written to. */
  public CaseId caseId() {
    return caseId;
  }

  /** The version the caller expected. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version the case is at. */
  public long actualVersion() {
    return actualVersion;
  }
}
