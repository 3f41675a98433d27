package org.mentor.fhir.pull;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the next pull starts: the server time its last complete pull began ({@code since}), and the resource versions
 * already read that a search reaching back over the overlap window may return again ({@code seen}, by
 * {@code Type/id/_history/version}, with their {@code meta.lastUpdated}). Store it after each pull
 * ({@link #toJson()}) and give it to the next ({@link #fromJson(String)}). It holds server resource ids and times,
 * never patient data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param since the server time the last complete pull began; empty before the first
 * @param seen resource versions already read, with their last-updated times
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PullCursor(Optional<Instant> since, ImmutableSortedMap<String, Instant> seen) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public PullCursor {
    requireNonNull(since, "since");
    seen = ImmutableSortedMap.copyOf(requireNonNull(seen, "seen"));
  }

  /** Before the first pull: everything the server holds for the cases. */
  public static PullCursor start() {
    return new PullCursor(Optional.empty(), ImmutableSortedMap.of());
  }

  /**
   * Resources changed at or after an instant (server time).
   *
   * @param since the instant, not null
   * @return the cursor
   */
  public static PullCursor since(Instant since) {
    return new PullCursor(Optional.of(requireNonNull(since, "since")), ImmutableSortedMap.of());
  }

  /** Whether a version was read already. */
  boolean saw(String version) {
    return seen.containsKey(version);
  }

  /**
   * The cursor after a pull: a new start (if the pull completed) and the versions read that the next search may
   * return again (last updated at or after the next start minus the overlap); older ones are dropped.
   */
  PullCursor next(Optional<Instant> nextSince, Map<String, Instant> read, Duration overlap) {
    Optional<Instant> start = nextSince.isPresent() ? nextSince : since;
    Optional<Instant> keepFrom = start.map(s -> s.minus(overlap));
    ImmutableSortedMap.Builder<String, Instant> kept = ImmutableSortedMap.naturalOrder();
    Map<String, Instant> all = new java.util.TreeMap<>(seen);
    all.putAll(read);
    all.forEach((version, at) -> {
      if (keepFrom.isEmpty() || !at.isBefore(keepFrom.get())) {
        kept.put(version, at);
      }
    });
    return new PullCursor(start, kept.build());
  }

  /** The cursor as one line of JSON: {@code {"since":"…","seen":{"Observation/9/_history/1":"…"}}}. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    since.ifPresent(s -> root.put("since", s.toString()));
    ObjectNode versions = root.putObject("seen");
    seen.forEach((version, at) -> versions.put(version, at.toString()));
    return root.toString();
  }

  /**
   * Reads a cursor written by {@link #toJson()}.
   *
   * @param json the text, not null
   * @return the cursor
   * @throws IllegalArgumentException if the text is not a cursor
   */
  public static PullCursor fromJson(String json) {
    requireNonNull(json, "json");
    try {
      JsonNode root = JSON.readTree(json);
      checkArgument(root != null && root.isObject(), "a pull cursor is a JSON object");
      Optional<Instant> since = root.hasNonNull("since") ? Optional.of(Instant.parse(root.get("since").asText())) : Optional.empty();
      ImmutableSortedMap.Builder<String, Instant> seen = ImmutableSortedMap.naturalOrder();
      JsonNode versions = root.path("seen");
      for (Iterator<Map.Entry<String, JsonNode>> it = versions.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        seen.put(e.getKey(), Instant.parse(e.getValue().asText()));
      }
      return new PullCursor(since, seen.build());
    } catch (IOException | DateTimeParseException e) {
      throw new IllegalArgumentException("not a pull cursor (" + e.getClass().getSimpleName() + ")");
    }
  }
}
