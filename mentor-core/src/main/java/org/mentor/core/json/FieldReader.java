package org.mentor.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;

/**
 * Strict, path-aware reading of one JSON object: each accessor refuses a missing field
 * ({@code JSON-005}), a null or a value of the wrong JSON type or form ({@code JSON-006}), naming
 * the field by its JSON path ({@code $.births[1].infantId}). Values that fail to parse are never
 * attached as a cause: the JDK's parse messages quote the value.
 */
final class FieldReader {
  // The canonical 8-4-4-4-12 form; UUID.fromString alone also accepts forms such as "1-1-1-1-1".
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final ObjectNode node;
  private final String path;

  FieldReader(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The JSON path of this object, such as {@code $.births[1]}. */
  String path() {
    return path;
  }

  /** The JSON path of one of this object's fields. */
  String pathOf(String field) {
    return path + "." + field;
  }

  /** Refuses the first field, in document order, that is not allowed ({@code JSON-004}). */
  FieldReader onlyFields(Collection<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidEventException(pathOf(name), name, Rule.EVENT_FIELD_UNKNOWN);
      }
    }
    return this;
  }

  /** A required field's node: present and not null. */
  JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw new InvalidEventException(pathOf(field), null, Rule.EVENT_FIELD_MISSING);
    }
    if (value.isNull()) {
      throw invalid(field, value);
    }
    return value;
  }

  /** An optional field's node: absent, or present and not null (absent values are omitted, never null). */
  Optional<JsonNode> optional(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isNull()) {
      throw invalid(field, value);
    }
    return Optional.of(value);
  }

  /** A JSON string. */
  String text(String field) {
    return text(field, required(field));
  }

  /** A JSON string with something other than white space in it. */
  String nonBlankText(String field) {
    String text = text(field);
    if (text.isBlank()) {
      throw invalid(field, text);
    }
    return text;
  }

  /** A JSON integer that fits an {@code int}; {@code 1.0} and {@code "1"} are refused. */
  int integer(String field) {
    return integer(field, required(field));
  }

  /** An optional JSON integer that fits an {@code int}. */
  Optional<Integer> optionalInteger(String field) {
    return optional(field).map(value -> integer(field, value));
  }

  /** A JSON boolean; {@code "true"} and {@code 1} are refused. */
  boolean bool(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw invalid(field, value);
    }
    return value.booleanValue();
  }

  /** An ISO local date, {@code yyyy-MM-dd}. */
  LocalDate date(String field) {
    return parse(field, text(field), LocalDate::parse);
  }

  /** An optional ISO local date. */
  Optional<LocalDate> optionalDate(String field) {
    return optional(field).map(value -> parse(field, text(field, value), LocalDate::parse));
  }

  /** An ISO instant, such as {@code 2025-04-28T09:30:00Z}. */
  Instant instant(String field) {
    return parse(field, text(field), Instant::parse);
  }

  /** A constant of a closed vocabulary, by its exact name. */
  <E extends Enum<E>> E code(String field, Class<E> type) {
    return parse(field, text(field), name -> Enum.valueOf(type, name));
  }

  /** An infant id: a UUID in its 8-4-4-4-12 form. */
  InfantId infantId(String field) {
    return parse(field, text(field), text -> {
      if (!UUID_FORM.matcher(text).matches()) {
        throw new IllegalArgumentException("not a UUID");
      }
      return InfantId.of(text);
    });
  }

  /** A JSON string turned into a value whose factory refuses bad text with {@code IllegalArgumentException}. */
  <T> T parse(String field, Function<String, T> factory) {
    return parse(field, text(field), factory);
  }

  /** A nested object holding only the allowed fields. */
  FieldReader object(String field, Collection<String> allowed) {
    return new FieldReader(objectNode(field), pathOf(field)).onlyFields(allowed);
  }

  /** A nested object's tree, unchecked (a nested event checks itself). */
  ObjectNode objectNode(String field) {
    JsonNode value = required(field);
    if (!value.isObject()) {
      throw invalid(field, value);
    }
    return (ObjectNode) value;
  }

  /** A JSON array of objects, each holding only the allowed fields. */
  ImmutableList<FieldReader> objects(String field, Collection<String> allowed) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw invalid(field, value);
    }
    ImmutableList.Builder<FieldReader> elements = ImmutableList.builderWithExpectedSize(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      String elementPath = pathOf(field) + "[" + i + "]";
      if (!element.isObject()) {
        throw new InvalidEventException(elementPath, element, Rule.EVENT_FIELD_INVALID);
      }
      elements.add(new FieldReader((ObjectNode) element, elementPath).onlyFields(allowed));
    }
    return elements.build();
  }

  /** A refusal of this object as a whole ({@code JSON-006}), for a check that spans its fields. */
  InvalidEventException invalidWhole(IllegalArgumentException cause) {
    InvalidEventException refused = new InvalidEventException(path, null, Rule.EVENT_FIELD_INVALID);
    // The domain's argument checks state the rule in fixed words, without values.
    refused.initCause(cause);
    return refused;
  }

  private String text(String field, JsonNode value) {
    if (!value.isTextual()) {
      throw invalid(field, value);
    }
    return value.textValue();
  }

  private int integer(String field, JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw invalid(field, value);
    }
    return value.intValue();
  }

  private <T> T parse(String field, String text, Function<String, T> factory) {
    try {
      return factory.apply(text);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw invalid(field, text);
    }
  }

  private InvalidEventException invalid(String field, @Nullable Object value) {
    return new InvalidEventException(pathOf(field), value, Rule.EVENT_FIELD_INVALID);
  }
}
