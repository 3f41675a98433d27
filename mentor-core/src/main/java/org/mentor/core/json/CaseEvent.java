package org.mentor.core.json;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.PathwayEvent;

/**
 * An event with the case it belongs to: the envelope transfers and the CLI use when one stream
 * holds events of many cases. Its JSON form is {@code {"caseId":"…","event":{…}}}, the event in
 * its own {@linkplain EventJson public form}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseId the case the event is recorded on, not null
 * @param event the event, not null
 */
@API(status = STABLE, since = "0.1")
public record CaseEvent(CaseId caseId, PathwayEvent event) {
  /**
   * Creates the envelope.
   *
   * @throws NullPointerException if the case id or the event is null
   */
  public CaseEvent {
    requireNonNull(caseId, "caseId");
    requireNonNull(event, "event");
  }
}
