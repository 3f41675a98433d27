package org.mentor.core.protocol;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.mentor.core.InvalidProtocolException;
import org.mentor.core.Rule;

/**
 * Reads protocol files (JSON) and validates them whole: an unknown field, a missing value, a
 * value of the wrong type or out of range, or a value without its source refuses the file with an
 * {@link InvalidProtocolException} naming the file, the path, the value and the rule. A protocol
 * is never half-loaded.
 *
 * <pre>{@code
 * Protocol mine = ProtocolLoader.fromStream(in, "my-programme.json");
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class ProtocolLoader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ImmutableSet<String> TOP_LEVEL = ImmutableSet.of("id", "version", "title", "jurisdiction",
      "effectiveFrom", "parent", "values", "milestones", "removeMilestones");
  private static final ImmutableSet<String> VALUE_FIELDS = ImmutableSet.of("value", "source", "confidence");

  private ProtocolLoader() {}

  /**
   * Loads a protocol from a class-path resource, resolving its parent among the built-ins.
   *
   * @param resource the resource path, not null
   * @return the protocol
   * @throws InvalidProtocolException if the file is missing or does not validate
   */
  public static Protocol fromResource(String resource) {
    return fromResource(resource, Protocols::builtIn);
  }

  /**
   * Loads a protocol from a class-path resource.
   *
   * @param resource the resource path, not null
   * @param parents finds a parent protocol by reference, not null
   * @return the protocol
   * @throws InvalidProtocolException if the file is missing or does not validate
   */
  public static Protocol fromResource(String resource, Function<ProtocolRef, Optional<Protocol>> parents) {
    requireNonNull(resource, "resource");
    requireNonNull(parents, "parents");
    try (InputStream in = ProtocolLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new InvalidProtocolException(resource, "$", null, Rule.PROTOCOL_UNREADABLE);
      }
      return fromStream(in, resource, parents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a protocol from a stream (which the caller closes), resolving its parent among the
   * built-ins.
   *
   * @param in the JSON, not null
   * @param file the file's name for error messages, not null
   * @return the protocol
   * @throws InvalidProtocolException if the file does not validate
   */
  public static Protocol fromStream(InputStream in, String file) {
    return fromStream(in, file, Protocols::builtIn);
  }

  /**
   * Loads a protocol from a stream (which the caller closes).
   *
   * @param in the JSON, not null
   * @param file the file's name for error messages, not null
   * @param parents finds a parent protocol by reference, not null
   * @return the protocol
   * @throws InvalidProtocolException if the file does not validate
   */
  public static Protocol fromStream(InputStream in, String file, Function<ProtocolRef, Optional<Protocol>> parents) {
    requireNonNull(in, "in");
    requireNonNull(file, "file");
    requireNonNull(parents, "parents");
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidProtocolException(file, "$", e.getOriginalMessage(), Rule.PROTOCOL_UNREADABLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidProtocolException(file, "$", null, Rule.PROTOCOL_UNREADABLE);
    }
    return parse(root, file, parents);
  }

  private static Protocol parse(JsonNode root, String file, Function<ProtocolRef, Optional<Protocol>> parents) {
    unknownFields(root, TOP_LEVEL, file, "");
    ProtocolRef ref = new ProtocolRef(text(root, "id", file), text(root, "version", file));
    String title = text(root, "title", file);
    String jurisdiction = text(root, "jurisdiction", file);
    LocalDate effectiveFrom;
    try {
      effectiveFrom = LocalDate.parse(text(root, "effectiveFrom", file));
    } catch (DateTimeParseException e) {
      throw new InvalidProtocolException(file, "effectiveFrom", root.get("effectiveFrom").asText(), Rule.PROTOCOL_WRONG_TYPE);
    }
    Optional<Protocol> parent = Optional.empty();
    JsonNode parentNode = root.get("parent");
    if (parentNode != null) {
      if (!parentNode.isObject()) {
        throw new InvalidProtocolException(file, "parent", parentNode.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
      unknownFields(parentNode, ImmutableSet.of("id", "version"), file, "parent.");
      ProtocolRef parentRef = new ProtocolRef(text(parentNode, "id", file, "parent."), text(parentNode, "version", file, "parent."));
      parent = parents.apply(parentRef);
      if (parent.isEmpty()) {
        throw new InvalidProtocolException(file, "parent", parentRef.toString(), Rule.PROTOCOL_PARENT_UNKNOWN);
      }
    }
    JsonNode values = root.get("values");
    if (values == null && parent.isEmpty()) {
      throw new InvalidProtocolException(file, "values", null, Rule.PROTOCOL_MISSING_VALUE);
    }
    if (values != null && !values.isObject()) {
      throw new InvalidProtocolException(file, "values", values.toString(), Rule.PROTOCOL_WRONG_TYPE);
    }
    Map<String, Key<?>> byName = new HashMap<>();
    Key.all().forEach(k -> byName.put(k.name(), k));
    if (values != null) {
      for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!byName.containsKey(name)) {
          throw new InvalidProtocolException(file, "values." + name, name, Rule.PROTOCOL_UNKNOWN_FIELD);
        }
      }
    }
    Map<Key<?>, Object> parsed = new HashMap<>();
    Map<Key<?>, Source> sources = new HashMap<>();
    for (Key<?> key : Key.all()) {
      String path = "values." + key.name();
      JsonNode entry = values == null ? null : values.get(key.name());
      if (entry == null) {
        if (parent.isPresent()) {
          parsed.put(key, parent.get().get(key));
          sources.put(key, parent.get().source(key));
          continue;
        }
        throw new InvalidProtocolException(file, path, null, Rule.PROTOCOL_MISSING_VALUE);
      }
      if (!entry.isObject()) {
        throw new InvalidProtocolException(file, path, entry.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
      unknownFields(entry, VALUE_FIELDS, file, path + ".");
      Object value = value(key, entry.get("value"), file, path + ".value");
      String problem = key.rangeProblem(value);
      if (!problem.isEmpty()) {
        throw new InvalidProtocolException(file, path + ".value", value + " (allowed: " + problem + ")", Rule.PROTOCOL_VALUE_RANGE);
      }
      parsed.put(key, value);
      sources.put(key, source(entry, file, path));
    }
    ImmutableList<MilestoneRule> milestones = MilestoneRules.parse(root, file, parent);
    checkConsistency(parsed, file);
    return new Protocol(ref, title, jurisdiction, effectiveFrom, parent.map(Protocol::ref), parsed, sources, milestones);
  }

  private static void checkConsistency(Map<Key<?>, Object> values, String file) {
    int suppressed = (Integer) values.get(Key.VL_SUPPRESSED_BELOW);
    int unsuppressed = (Integer) values.get(Key.VL_UNSUPPRESSED_ABOVE);
    if (suppressed > unsuppressed) {
      throw new InvalidProtocolException(file, "values." + Key.VL_SUPPRESSED_BELOW.name() + ".value",
          suppressed + " (must not exceed " + Key.VL_UNSUPPRESSED_ABOVE.name() + " " + unsuppressed + ")",
          Rule.PROTOCOL_VALUE_RANGE);
    }
    int good = (Integer) values.get(Key.ADHERENCE_GOOD_FROM);
    int fair = (Integer) values.get(Key.ADHERENCE_FAIR_FROM);
    if (fair > good) {
      throw new InvalidProtocolException(file, "values." + Key.ADHERENCE_FAIR_FROM.name() + ".value",
          fair + " (must not exceed " + Key.ADHERENCE_GOOD_FROM.name() + " " + good + ")", Rule.PROTOCOL_VALUE_RANGE);
    }
  }

  private static Object value(Key<?> key, JsonNode node, String file, String path) {
    if (node == null || node.isNull()) {
      throw new InvalidProtocolException(file, path, null, Rule.PROTOCOL_MISSING_VALUE);
    }
    if (key.type() == Integer.class) {
      if (!node.isInt()) {
        throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
      return node.intValue();
    }
    if (key.type() == Boolean.class) {
      if (!node.isBoolean()) {
        throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
      return node.booleanValue();
    }
    if (key.type() == Period.class) {
      try {
        return Period.parse(node.textValue() == null ? "" : node.textValue());
      } catch (DateTimeParseException e) {
        throw new InvalidProtocolException(file, path, node.toString(), Rule.PROTOCOL_WRONG_TYPE);
      }
    }
    throw new IllegalStateException("no reader for " + key.type());
  }

  static Source source(JsonNode entry, String file, String path) {
    JsonNode citation = entry.get("source");
    JsonNode confidence = entry.get("confidence");
    if (citation == null || !citation.isTextual() || citation.textValue().isBlank()) {
      throw new InvalidProtocolException(file, path + ".source", null, Rule.PROTOCOL_MISSING_SOURCE);
    }
    if (confidence == null || !confidence.isTextual()) {
      throw new InvalidProtocolException(file, path + ".confidence", null, Rule.PROTOCOL_MISSING_SOURCE);
    }
    try {
      return new Source(citation.textValue(),
          Confidence.valueOf(confidence.textValue().toUpperCase(Locale.ROOT).replace(' ', '_')));
    } catch (IllegalArgumentException e) {
      throw new InvalidProtocolException(file, path + ".confidence", confidence.textValue(), Rule.PROTOCOL_MISSING_SOURCE);
    }
  }

  static String text(JsonNode root, String field, String file) {
    return text(root, field, file, "");
  }

  /** A required, non-blank text field; {@code prefix} is the path of the object holding it. */
  static String text(JsonNode root, String field, String file, String prefix) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      throw new InvalidProtocolException(file, prefix + field, node == null ? null : node.toString(), Rule.PROTOCOL_MISSING_VALUE);
    }
    return node.textValue();
  }

  static void unknownFields(JsonNode node, ImmutableSet<String> allowed, String file, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidProtocolException(file, prefix + name, name, Rule.PROTOCOL_UNKNOWN_FIELD);
      }
    }
  }
}
