package org.mentor.core.json;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;

/**
 * The public, versioned JSON form of every {@link PathwayEvent}: the form stores keep, transfers
 * carry and the CLI reads and writes. {@code docs/events.md} specifies it type by type.
 *
 * <pre>{@code
 * EventJson json = EventJson.standard();
 * String text = json.write(event);            // {"type":"ViralLoadResulted","schemaVersion":1,"id":…}
 * PathwayEvent same = json.read(text);        // equals event
 * }</pre>
 *
 * <p>An event is a JSON object: {@code "type"} (a stable name per kind, such as {@code
 * "ViralLoadResulted"}), {@code "schemaVersion"} (per type), the envelope {@code "id"}, {@code
 * "occurredOn"} (ISO date), {@code "recordedAt"} (ISO instant, written in UTC) and {@code
 * "recordedBy"} ({@code user}, {@code facility}, {@code sourceSystem}), then the kind's own fields
 * under its record components' names. Absent optionals are omitted, never null; codes are their
 * enum names. A correction is {@code {"type":"Corrected","schemaVersion":1,"corrects":"…",
 * "replacement":{…the full replacement event…}}}. Writing is deterministic: the fields come in a
 * fixed order without white space, so one event always gives the same bytes.
 *
 * <p>Reading is strict and refuses the whole input with an {@link InvalidEventException} whose
 * field is the JSON path of the problem ({@code $.births[1].infantId}): malformed JSON or a root
 * that is not an object ({@code JSON-001}), an unknown type ({@code JSON-002}) or schema version
 * ({@code JSON-003}), an unknown field ({@code JSON-004}), a missing required field ({@code
 * JSON-005}), a null or a value of the wrong JSON type or form ({@code JSON-006}). The records'
 * own rules (a negative pill count, {@code ADH-001}) pass through unchanged. A document of an
 * older schema version is carried forward by the type's {@link EventUpcaster}s first.
 *
 * <p>Immutable and thread-safe. Nothing here logs, and no message holds a patient value beyond
 * what {@link InvalidEventException} allows.
 */
@API(status = STABLE, since = "0.1")
public final class EventJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final ImmutableSet<String> CASE_EVENT_FIELDS = ImmutableSet.of("caseId", "event");
  private static final EventJson STANDARD = new EventJson(EventTypes.versions(), EventTypes.UPCASTERS);

  private final ImmutableMap<EventKind, Integer> versions;
  private final EventWriter writer;
  private final EventReader reader;

  /**
   * Creates a reader and writer for a table of current schema versions and its upcasters. The
   * public form has one such table ({@link #standard()}); this constructor lets a test of this
   * package prove the upcasting mechanism with a table of its own.
   *
   * @param versions the current schema version of every kind, one or more
   * @param upcasters one upcaster for every version of every type below its current version
   * @throws IllegalArgumentException if a kind has no version or a version has no upcaster
   */
  EventJson(Map<EventKind, Integer> versions, List<EventUpcaster> upcasters) {
    requireNonNull(versions, "versions");
    requireNonNull(upcasters, "upcasters");
    checkArgument(versions.keySet().equals(EnumSet.allOf(EventKind.class)), "every kind has a schema version");
    checkArgument(versions.values().stream().allMatch(v -> v >= 1), "schema versions start at 1");
    this.versions = Maps.immutableEnumMap(versions);
    this.writer = new EventWriter(this.versions);
    this.reader = new EventReader(this.versions, EventReader.index(this.versions, upcasters));
  }

  /**
   * The public form at the current schema versions, with every upcaster the library has.
   *
   * @return the shared instance
   */
  public static EventJson standard() {
    return STANDARD;
  }

  /**
   * The stable name of a kind's type, as written in {@code "type"}.
   *
   * @param kind the kind, not null
   * @return the type name, such as {@code "ViralLoadResulted"}
   */
  public String typeName(EventKind kind) {
    return EventTypes.of(requireNonNull(kind, "kind")).name();
  }

  /**
   * The schema version this instance writes for a kind, and the newest it reads.
   *
   * @param kind the kind, not null
   * @return the version, one or more
   */
  public int schemaVersion(EventKind kind) {
    return versions.get(requireNonNull(kind, "kind"));
  }

  /**
   * Writes an event as one line of JSON (no line break inside or after it).
   *
   * @param event the event, not null
   * @return the JSON text; the same event always gives the same text
   */
  public String write(PathwayEvent event) {
    return text(writer.write(requireNonNull(event, "event")));
  }

  /**
   * Reads one event.
   *
   * @param json a JSON object in the public form, not null
   * @return the event
   * @throws InvalidEventException if the text is not a valid event: see the class description for
   *     the rules; the field is the JSON path of the problem, such as {@code $.result.copiesPerMl}
   */
  public PathwayEvent read(String json) {
    return reader.read(parseObject(requireNonNull(json, "json")), "$");
  }

  /**
   * Writes events as newline-delimited JSON: one event per line, each line ended by {@code \n}.
   * The writer is flushed, not closed.
   *
   * @param events the events, in the order to write them, not null and without nulls
   * @param out where to write, not null
   * @throws UncheckedIOException if writing fails
   */
  public void writeNdjson(Iterable<? extends PathwayEvent> events, Writer out) {
    requireNonNull(events, "events");
    writeLines(events, out, this::write);
  }

  /**
   * Reads newline-delimited JSON, one event per line, refusing the whole batch at the first bad
   * line. Blank lines are skipped; lines end with {@code \n}, {@code \r\n} or {@code \r}. The
   * reader is not closed.
   *
   * @param in the text, not null
   * @return the events in the order read
   * @throws InvalidEventException if a line is not a valid event; the field names the line
   *     (counted from 1, blank lines included) and the JSON path, such as {@code line 3: $.occurredOn}
   * @throws UncheckedIOException if reading fails
   */
  public ImmutableList<PathwayEvent> readNdjson(Reader in) {
    return readLines(in, this::read);
  }

  /**
   * Writes an event in its case envelope: {@code {"caseId":"…","event":{…}}}, on one line.
   *
   * @param caseEvent the case and event, not null
   * @return the JSON text; the same value always gives the same text
   */
  public String writeCaseEvent(CaseEvent caseEvent) {
    requireNonNull(caseEvent, "caseEvent");
    ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("caseId", caseEvent.caseId().value());
    envelope.set("event", writer.write(caseEvent.event()));
    return text(envelope);
  }

  /**
   * Reads an event in its case envelope.
   *
   * @param json a JSON object with exactly {@code caseId} and {@code event}, not null
   * @return the case and event
   * @throws InvalidEventException if the text is not a valid envelope or event; paths inside the
   *     event start with {@code $.event}
   */
  public CaseEvent readCaseEvent(String json) {
    FieldReader r = new FieldReader(parseObject(requireNonNull(json, "json")), "$").onlyFields(CASE_EVENT_FIELDS);
    CaseId caseId = r.parse("caseId", CaseId::of);
    return new CaseEvent(caseId, reader.read(r.objectNode("event"), r.pathOf("event")));
  }

  /**
   * Writes case envelopes as newline-delimited JSON, one per line, each ended by {@code \n}. The
   * writer is flushed, not closed.
   *
   * @param caseEvents the envelopes, in the order to write them, not null and without nulls
   * @param out where to write, not null
   * @throws UncheckedIOException if writing fails
   */
  public void writeCaseEventNdjson(Iterable<CaseEvent> caseEvents, Writer out) {
    requireNonNull(caseEvents, "caseEvents");
    writeLines(caseEvents, out, this::writeCaseEvent);
  }

  /**
   * Reads newline-delimited case envelopes, refusing the whole batch at the first bad line, as
   * {@link #readNdjson(Reader)} does.
   *
   * @param in the text, not null
   * @return the envelopes in the order read
   * @throws InvalidEventException if a line is not a valid envelope; the field names the line
   * @throws UncheckedIOException if reading fails
   */
  public ImmutableList<CaseEvent> readCaseEventNdjson(Reader in) {
    return readLines(in, this::readCaseEvent);
  }

  private static <T> void writeLines(Iterable<? extends T> values, Writer out, Function<T, String> line) {
    requireNonNull(out, "out");
    try {
      for (T value : values) {
        out.write(line.apply(requireNonNull(value, "an element")));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> ImmutableList<T> readLines(Reader in, Function<String, T> parse) {
    requireNonNull(in, "in");
    BufferedReader lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
    ImmutableList.Builder<T> values = ImmutableList.builder();
    try {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte-order mark some editors put at the start of a file
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          values.add(parse.apply(line));
        } catch (InvalidEventException e) {
          throw atLine(number, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values.build();
  }

  /** The same refusal with the line number in front of its field; the original is the cause. */
  private static InvalidEventException atLine(int number, InvalidEventException e) {
    InvalidEventException refused = new InvalidEventException(
        "line " + number + ": " + e.field(), e.rejectedValue().orElse(null), e.rule(), e.redacted());
    refused.initCause(e);
    return refused;
  }

  private static ObjectNode parseObject(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // Jackson's text may quote the input, so it is the rejected value (redacted from the
      // message), never the cause.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidEventException("$", e.getOriginalMessage() + where, Rule.EVENT_JSON_UNREADABLE);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidEventException("$", tree == null ? null : tree.getNodeType(), Rule.EVENT_JSON_UNREADABLE);
    }
    return (ObjectNode) tree;
  }

  private static String text(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans always serializes", e);
    }
  }
}
