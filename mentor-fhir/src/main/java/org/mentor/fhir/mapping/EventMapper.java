package org.mentor.fhir.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;

/**
 * Maps the events carried by one resource type, both directions side by side: {@link #write}
 * builds the resource's content from an event, {@link #read} builds the event back. Identity,
 * labels, recording and voids are added around them by {@link Envelope}, one way for every type.
 *
 * @param <R> the resource type
 */
abstract class EventMapper<R extends DomainResource> {
  final String type;
  final Class<R> resourceClass;

  EventMapper(String type, Class<R> resourceClass) {
    this.type = type;
    this.resourceClass = resourceClass;
  }

  /** The event kinds this resource type carries. */
  abstract ImmutableSet<EventKind> kinds();

  /** The resource for an event's content (never a correction or void). */
  abstract R write(PathwayEvent content, MapContext ctx);

  /** The event a resource holds. */
  abstract PathwayEvent read(R resource, EventKind kind, ReadContext rc);

  /**
   * The kind of event a resource without Mentor's kind tag holds (a third party's resource), if
   * this type can tell; empty means such resources are refused.
   */
  Optional<EventKind> infer(R resource, ReadContext rc) {
    return Optional.empty();
  }

  abstract List<Identifier> identifiers(R resource);

  /** Marks a resource withdrawn; types without a status rely on the void extension alone. */
  abstract void enteredInError(R resource);

  /** Whether a resource is marked withdrawn. */
  abstract boolean isEnteredInError(R resource);

  /** The element that holds a core event field (for refusals the core makes), the resource by default. */
  String element(EventKind kind, String coreField) {
    return type;
  }

  abstract ImmutableList<MappingRow> rows();

  @SuppressWarnings("unchecked")
  final R cast(DomainResource resource) {
    return (R) resource;
  }
}
