package org.mentor.fhir.pull;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;

/**
 * A fact changed both on the server and here, or changed on the server where Mentor owns it: the pull recorded nothing
 * for it, and the caller decides (record a correction that takes one side, or leave Mentor's). Never resolved silently.
 *
 * @param caseId the case
 * @param resource the server's version, {@code Type/id/_history/version}
 * @param root the fact's root event id (its identity in Mentor)
 * @param kind what happened
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PullConflict(CaseId caseId, String resource, EventId root, Kind kind) {
  /** What conflicts. */
  public enum Kind {
    /**
     * Another system changed a resource Mentor owns (its content differs from the event it claims to hold); the next
     * push of the case writes Mentor's content back; a reconcile shows it as differing meanwhile.
     */
    CHANGED_ON_SERVER,
    /**
     * The server holds a new version of a fact (a lab corrected its result; another Mentor installation corrected
     * the event) and the fact was also corrected or voided here; neither side wins by itself.
     */
    CHANGED_ON_BOTH_SIDES
  }

  public PullConflict {
    requireNonNull(caseId, "caseId");
    requireNonNull(resource, "resource");
    requireNonNull(root, "root");
    requireNonNull(kind, "kind");
  }

  @Override
  public String toString() {
    return kind + ": " + resource + " (case " + caseId.value() + ")";
  }
}
