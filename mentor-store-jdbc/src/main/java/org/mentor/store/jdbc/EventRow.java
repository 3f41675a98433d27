package org.mentor.store.jdbc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.PathwayEvent;

/**
 * One event as a row of {@code mentor_event}, without its case and sequence. The payload is the
 * truth; the other columns copy from it what operators query by.
 *
 * @param eventId the event's id
 * @param type the type name of the public form, such as {@code ViralLoadResulted}
 * @param schemaVersion the schema version the payload is written in
 * @param occurredOn the clinic-local date it happened
 * @param recordedAt when it was recorded, in UTC
 * @param payload the event's public JSON form
 */
record EventRow(String eventId, String type, int schemaVersion, LocalDate occurredOn, OffsetDateTime recordedAt,
    String payload) {

  static EventRow of(EventJson json, PathwayEvent event) {
    return new EventRow(event.id().value(), json.typeName(event.kind()), json.schemaVersion(event.kind()),
        event.occurredOn(), OffsetDateTime.ofInstant(event.recordedAt(), ZoneOffset.UTC), json.write(event));
  }
}
