package org.mentor.fhir.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.mentor.core.EventId;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Voided;

/**
 * What every event resource carries around its content, written and read in one place: the
 * business identifier {@code <case>/<root event id>} (a correction updates the same resource), the
 * deterministic resource id, the security labels, the event kind as {@code meta.tag}, when the
 * event was recorded, the id of the correction in force (when it is not the root), and for a
 * withdrawn chain {@code entered-in-error} with the void's own details.
 */
final class Envelope {
  static final String KIND = "event-kind";
  static final String RECORDED_AT = "recorded-at";
  static final String EVENT_ID = "event-id";
  static final String VOIDED = "voided";

  private Envelope() {}

  static <R extends DomainResource> R write(EventMapper<R> mapper, Chain chain, MapContext ctx) {
    R resource = mapper.write(chain.content(), ctx);
    String value = Ids.value(ctx.caseId.value(), chain.root().value());
    resource.setId(Ids.resourceId(mapper.type, ctx.uris.eventSystem(), value));
    mapper.identifiers(resource).add(0, new Identifier().setSystem(ctx.uris.eventSystem()).setValue(value));
    Labels.apply(resource);
    resource.getMeta().addTag(new Coding(ctx.uris.codeSystem(KIND), chain.content().kind().name(), null));
    resource.addExtension(ctx.uris.extension(RECORDED_AT), instant(chain.content().recordedAt()));
    if (chain.corrected()) {
      resource.addExtension(ctx.uris.extension(EVENT_ID), new StringType(chain.content().id().value()));
    }
    chain.voidedBy().ifPresent(voided -> {
      Extension ext = resource.addExtension().setUrl(ctx.uris.extension(VOIDED));
      ext.addExtension("id", new StringType(voided.id().value()));
      ext.addExtension("date", date(voided.occurredOn()));
      ext.addExtension("recordedAt", instant(voided.recordedAt()));
      ext.addExtension("user", new StringType(voided.recordedBy().user()));
      ext.addExtension("facility", new StringType(voided.recordedBy().facility()));
      ext.addExtension("source", new StringType(voided.recordedBy().sourceSystem()));
      ext.addExtension("reason", new StringType(voided.reason()));
      mapper.enteredInError(resource);
    });
    return resource;
  }

  static InstantType instant(Instant instant) {
    InstantType type = new InstantType(Date.from(instant));
    type.setTimeZoneZulu(true);
    return type;
  }

  static DateType date(LocalDate date) {
    return new DateType(date.toString());
  }

  /** The case id and root event id of a resource's Mentor event identifier, if it has one. */
  static Optional<List<String>> identity(List<Identifier> identifiers, MentorUris uris) {
    for (Identifier identifier : identifiers) {
      if (uris.eventSystem().equals(identifier.getSystem()) && identifier.hasValue()) {
        List<String> parts = Ids.split(identifier.getValue());
        return parts.isEmpty() ? Optional.of(List.of()) : Optional.of(parts);
      }
    }
    return Optional.empty();
  }

  /** The event kind in a resource's Mentor tag, if it has one (empty also for an unknown name). */
  static Optional<Optional<EventKind>> kind(DomainResource resource, MentorUris uris) {
    String system = uris.codeSystem(KIND);
    for (Coding tag : resource.getMeta().getTag()) {
      if (system.equals(tag.getSystem())) {
        try {
          return Optional.of(Optional.of(EventKind.valueOf(tag.getCode())));
        } catch (IllegalArgumentException | NullPointerException e) {
          return Optional.of(Optional.empty());
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Instant> recordedAt(DomainResource resource, MentorUris uris) {
    Extension ext = resource.getExtensionByUrl(uris.extension(RECORDED_AT));
    return ext != null && ext.getValue() instanceof InstantType at && at.getValue() != null
        ? Optional.of(at.getValue().toInstant()) : Optional.empty();
  }

  static Optional<String> effectiveId(DomainResource resource, MentorUris uris) {
    Extension ext = resource.getExtensionByUrl(uris.extension(EVENT_ID));
    return ext != null && ext.getValue() instanceof StringType id && id.hasValue() ? Optional.of(id.getValue()) : Optional.empty();
  }

  /** The void recorded on a resource, if any (null parts make the whole unreadable: empty list). */
  static Optional<Voided> voided(DomainResource resource, MentorUris uris, EventId target) {
    Extension ext = resource.getExtensionByUrl(uris.extension(VOIDED));
    if (ext == null) {
      return Optional.empty();
    }
    String id = text(ext, "id");
    String date = text(ext, "date");
    Type at = ext.getExtensionByUrl("recordedAt") == null ? null : ext.getExtensionByUrl("recordedAt").getValue();
    String user = text(ext, "user");
    String facility = text(ext, "facility");
    String source = text(ext, "source");
    String reason = text(ext, "reason");
    if (id == null || date == null || !(at instanceof InstantType instant) || instant.getValue() == null || user == null
        || facility == null || source == null || reason == null) {
      throw new IllegalArgumentException("incomplete void extension");
    }
    return Optional.of(new Voided(EventId.of(id), LocalDate.parse(date.substring(0, 10)), instant.getValue().toInstant(),
        new RecordedBy(user, facility, source), target, reason));
  }

  private static @Nullable String text(Extension ext, String url) {
    Extension part = ext.getExtensionByUrl(url);
    return part == null || part.getValue() == null || part.getValue().isEmpty() ? null : part.getValue().primitiveValue();
  }
}
