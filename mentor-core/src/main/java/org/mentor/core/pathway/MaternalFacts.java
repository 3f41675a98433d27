package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The mother's own HIV-care facts, shared by all her cases: each history is newest first in fold
 * order. What depends on the date (retention, ART and viral-load status) is not stored here but
 * evaluated from these facts as of a date. Her dispensings, appointments and visits are not kept here
 * a second time: they are in the case's timeline ({@link Facts#events()}), and nothing reads them
 * as histories of their own (a registry holds every case's facts: each history node is 24 bytes per
 * event, mentor-bench {@code HeapPerCase}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param hivTests her HIV tests
 * @param artStarts her ART starts (a restart after an interruption is a second start)
 * @param regimenChanges her regimen changes
 * @param pillCounts pill counts
 * @param viralLoads viral-load results, by sample date
 * @param counselling adherence counselling sessions
 * @param consents consent and disclosure records; the newest applies
 * @param tracing tracing attempts and outcomes
 * @param transfers her transfers in and out (with her infants)
 * @param death her recorded death, if any
 */
@API(status = STABLE, since = "0.1")
public record MaternalFacts(
    History<MaternalHivTested> hivTests,
    History<ArtStarted> artStarts,
    History<RegimenChanged> regimenChanges,
    History<PillCounted> pillCounts,
    History<ViralLoadResulted> viralLoads,
    History<AdherenceCounselled> counselling,
    History<ConsentRecorded> consents,
    History<TracingAttempted> tracing,
    History<PathwayEvent> transfers,
    Optional<Died> death) {

  private static final MaternalFacts EMPTY =
      new MaternalFacts(History.empty(), History.empty(), History.empty(), History.empty(),
          History.empty(), History.empty(), History.empty(), History.empty(), History.empty(), Optional.empty());

  public MaternalFacts {
    requireNonNull(hivTests, "hivTests");
    requireNonNull(artStarts, "artStarts");
    requireNonNull(regimenChanges, "regimenChanges");
    requireNonNull(pillCounts, "pillCounts");
    requireNonNull(viralLoads, "viralLoads");
    requireNonNull(counselling, "counselling");
    requireNonNull(consents, "consents");
    requireNonNull(tracing, "tracing");
    requireNonNull(transfers, "transfers");
    requireNonNull(death, "death");
  }

  /** No facts yet. */
  public static MaternalFacts empty() {
    return EMPTY;
  }

  /** Whether her latest transfer, on or before the newest fact, is a transfer out. */
  public boolean transferredOut() {
    PathwayEvent latest = transfers.newest();
    return latest != null && latest.kind() == EventKind.TRANSFERRED_OUT;
  }

  /** The first ART start, if any. */
  public Optional<ArtStarted> firstArtStart() {
    return artStarts.earliest(a -> true);
  }

  /** The regimen in use after all changes, if ART has started. */
  public Optional<Regimen> currentRegimen() {
    Optional<RegimenChanged> change = regimenChanges.latest();
    Optional<ArtStarted> start = artStarts.latest();
    if (change.isPresent()
        && (start.isEmpty() || !change.get().occurredOn().isBefore(start.get().occurredOn()))) {
      return Optional.of(change.get().regimen());
    }
    return start.map(ArtStarted::regimen);
  }
}
