package org.mentor.fhir.mapping;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Voided;

/**
 * One correction chain of a case file: the event first recorded (its root id is the FHIR
 * identity), the content in force (the latest-recorded correction wins, as in the core), and the
 * void that withdrew it, if any. One chain is one resource.
 *
 * <p>Immutable and thread-safe.
 *
 * @param root the id of the event first recorded
 * @param content the content in force: never a {@link Corrected} or {@link Voided}
 * @param voidedBy the void that withdrew the chain, if any
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Chain(EventId root, PathwayEvent content, Optional<Voided> voidedBy) {
  /** The core's tie-break between competing corrections: recorded last wins, then the greater id. */
  private static final Comparator<PathwayEvent> LATEST =
      Comparator.comparing(PathwayEvent::recordedAt).thenComparing(PathwayEvent::id);

  public Chain {
    requireNonNull(root, "root");
    requireNonNull(content, "content");
    requireNonNull(voidedBy, "voidedBy");
  }

  /** Whether the content in force is a correction (its id differs from the root's). */
  public boolean corrected() {
    return !content.id().equals(root);
  }

  /**
   * Every chain of a file, in the order the roots were recorded.
   *
   * @param file the case file, not null
   * @return the chains
   */
  public static ImmutableList<Chain> of(CaseFile file) {
    Map<EventId, EventId> rootOf = new HashMap<>();
    Map<EventId, PathwayEvent> content = new LinkedHashMap<>();
    Map<EventId, PathwayEvent> winner = new HashMap<>();
    Map<EventId, Voided> voids = new HashMap<>();
    for (PathwayEvent event : file.history()) {
      if (event.kind() == EventKind.CORRECTED) {
        Corrected correction = (Corrected) event;
        EventId root = rootOf.get(correction.corrects());
        if (root == null) {
          continue;
        }
        rootOf.put(correction.id(), root);
        PathwayEvent best = winner.get(root);
        if (best == null || LATEST.compare(correction, best) > 0) {
          winner.put(root, correction);
          content.put(root, correction.replacement());
        }
      } else if (event.kind() == EventKind.VOIDED) {
        Voided voided = (Voided) event;
        EventId root = rootOf.get(voided.voids());
        if (root != null) {
          voids.putIfAbsent(root, voided);
        }
      } else {
        rootOf.put(event.id(), event.id());
        content.put(event.id(), event);
      }
    }
    List<Chain> chains = new ArrayList<>(content.size());
    content.forEach((root, in) -> chains.add(new Chain(root, in, Optional.ofNullable(voids.get(root)))));
    return ImmutableList.copyOf(chains);
  }
}
