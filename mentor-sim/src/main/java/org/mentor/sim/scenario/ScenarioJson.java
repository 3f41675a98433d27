package org.mentor.sim.scenario;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.sim.scenario.Parameter.Kind;

/**
 * Reads a scenario from JSON. The file nests objects along the parameters' paths; any parameter left
 * out keeps its default ({@link Parameters}):
 *
 * <pre>{@code
 * { "name": "ZA, no mentor", "pairs": 100000, "seed": 7, "protocol": "ZA_2023", "mentorSupport": false,
 *   "feeding": { "neverBreastfedShare": 0.20 },
 *   "transmission": { "model": "VIRAL_LOAD_BANDED" } }
 * }</pre>
 *
 * Strict: an unknown field (SIM-008), malformed JSON, a duplicate field or a value of the wrong type
 * (SIM-009) is refused, and then every range rule is checked as for the builder; the first error
 * is thrown, naming the parameter's path, the value and the rule.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScenarioJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ScenarioJson() {}

  /**
   * Reads a scenario from JSON text.
   *
   * @param json the text, not null
   * @return the checked scenario
   * @throws InvalidScenarioException naming the first parameter that breaks a rule
   */
  public static Scenario read(String json) {
    requireNonNull(json, "json");
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /**
   * Reads a scenario from a stream (UTF-8 JSON).
   *
   * @param in the stream, not null; not closed
   * @return the checked scenario
   * @throws InvalidScenarioException naming the first parameter that breaks a rule
   */
  public static Scenario read(InputStream in) {
    requireNonNull(in, "in");
    try {
      return fromTree(MAPPER.readTree(in));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a scenario file.
   *
   * @param file the file, not null
   * @return the checked scenario
   * @throws InvalidScenarioException naming the first parameter that breaks a rule
   */
  public static Scenario read(Path file) {
    try (InputStream in = Files.newInputStream(requireNonNull(file, "file"))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scenario's values as JSON, nested along the paths (every parameter, defaults included). */
  public static String write(Scenario scenario) {
    ObjectNode root = MAPPER.createObjectNode();
    for (Map.Entry<String, Object> e : scenario.values().entrySet()) {
      String[] parts = e.getKey().split("\\.");
      ObjectNode node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
      }
      String leaf = parts[parts.length - 1];
      Object v = e.getValue();
      if (v instanceof Double d) {
        node.put(leaf, d);
      } else if (v instanceof Integer i) {
        node.put(leaf, i);
      } else if (v instanceof Long l) {
        node.put(leaf, l);
      } else if (v instanceof Boolean b) {
        node.put(leaf, b);
      } else {
        node.put(leaf, v.toString());
      }
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InvalidScenarioException malformed(JsonProcessingException e) {
    String where = e.getLocation() == null ? "scenario"
        : "scenario (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    return new InvalidScenarioException(where, null, SimRule.WRONG_TYPE);
  }

  private static Scenario fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidScenarioException("scenario", root == null ? "empty" : root.getNodeType().name(), SimRule.WRONG_TYPE);
    }
    Scenario.Builder builder = Scenario.builder();
    walk("", root, builder);
    return builder.build();
  }

  private static void walk(String prefix, JsonNode object, Scenario.Builder builder) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix + field.getKey();
      JsonNode value = field.getValue();
      Optional<Parameter> parameter = Parameters.find(path);
      if (parameter.isPresent()) {
        builder.set(path, leaf(parameter.get(), value));
      } else if (value.isObject() && isPrefix(path + ".")) {
        walk(path + ".", value, builder);
      } else {
        throw new InvalidScenarioException(path, null, SimRule.UNKNOWN_FIELD);
      }
    }
  }

  private static boolean isPrefix(String prefix) {
    return Parameters.all().stream().anyMatch(p -> p.path().startsWith(prefix));
  }

  private static Object leaf(Parameter p, JsonNode value) {
    Kind kind = p.kind();
    Object read = switch (kind) {
      case PROBABILITY, RATE, RATIO, NUMBER -> value.isNumber() ? value.doubleValue() : null;
      case SIZE, DURATION -> value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
      case SEED -> value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
      case FLAG -> value.isBoolean() ? value.booleanValue() : null;
      case TEXT, PROTOCOL, MODEL -> value.isTextual() ? value.textValue() : null;
      case DATE -> value.isTextual() ? date(value.textValue()) : null;
    };
    if (read == null) {
      throw new InvalidScenarioException(p.path(), value.toString(), SimRule.WRONG_TYPE);
    }
    return read;
  }

  private static @Nullable Object date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
