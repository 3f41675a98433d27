package org.mentor.core.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.mentor.core.pathway.EventKind;

/**
 * Test support in mentor-core's package, because the JSON form's table constructor is
 * package-private: the made-up history of {@code EventUpcasterTest} (MentorVisited version 1
 * called its field {@code contactMode}; version 2 renamed it {@code mode}), so the store's tests
 * can prove that stored rows are read through {@link EventJson}'s upcasters.
 */
public final class MadeUpSchemaVersion2 {
  private MadeUpSchemaVersion2() {}

  /** The public form with MentorVisited at version 2 and its upcaster from version 1. */
  public static EventJson eventJson() {
    Map<EventKind, Integer> versions = new EnumMap<>(EventTypes.versions());
    versions.put(EventKind.MENTOR_VISITED, 2);
    return new EventJson(versions, List.of(new ContactModeRenamed()));
  }

  private static final class ContactModeRenamed implements EventUpcaster {
    @Override
    public String type() {
      return "MentorVisited";
    }

    @Override
    public int fromVersion() {
      return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
      if (!event.has("contactMode")) {
        throw new InvalidEventException("$.contactMode", null, Rule.EVENT_FIELD_MISSING);
      }
      event.set("mode", event.remove("contactMode"));
      return event;
    }
  }
}
