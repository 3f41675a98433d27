package org.mentor.core.json;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;
import org.mentor.core.InvalidEventException;

/**
 * Carries the JSON tree of one event type from one schema version to the next, so events stored
 * years ago stay readable after the format of their type changes.
 *
 * <p>When a type's form changes, its schema version in the table of event types is bumped by one
 * and an upcaster from the previous version is added to that table's upcaster list; the reader
 * applies upcasters one version at a time ({@code 1 → 2 → 3}) before it reads the tree strictly
 * as the current version. The reader refuses to start if a version of a type between 1 and its
 * current version has no upcaster. Writers always write the current version.
 *
 * <pre>{@code
 * // MentorVisited version 2 renamed "contactMode" to "mode":
 * final class MentorVisitedV1 implements EventUpcaster {
 *   public String type() { return "MentorVisited"; }
 *   public int fromVersion() { return 1; }
 *   public ObjectNode upcast(ObjectNode event) {
 *     event.set("mode", event.remove("contactMode"));
 *     return event;
 *   }
 * }
 * }</pre>
 *
 * <p>An upcaster is a pure function of the tree: no clock, no look-ups, no logging (the tree
 * holds patient data). Implementations are immutable and thread-safe.
 */
@API(status = STABLE, since = "0.1")
public interface EventUpcaster {
  /**
   * The type name this upcaster reads, as written in {@code "type"}, such as {@code "MentorVisited"}.
   *
   * @return the type name, not null
   */
  String type();

  /**
   * The schema version this upcaster reads; it produces version {@code fromVersion() + 1}.
   *
   * @return the version read, one or more
   */
  int fromVersion();

  /**
   * Rewrites one event's tree from {@link #fromVersion()} to the next version. The tree given is
   * the reader's own copy, so the upcaster may change it in place and return it. It need not set
   * {@code "schemaVersion"} (the reader does) and must not change {@code "type"}. A nested event
   * (a correction's {@code "replacement"}) is upcast separately, by its own type's upcasters.
   *
   * @param event the event's tree at {@link #fromVersion()}, not null
   * @return the tree at the next version, not null
   * @throws InvalidEventException if the tree cannot be carried forward; the field is its JSON
   *     path and the rule one of the {@code JSON-} rules
   */
  ObjectNode upcast(ObjectNode event);
}
