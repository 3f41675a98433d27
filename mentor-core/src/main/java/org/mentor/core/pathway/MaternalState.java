package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.pathway.Codes.HivStatus;

/**
 * The mother's evaluated state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hivStatus her HIV status as known on the evaluation date
 * @param diagnosedOn her diagnosis date, if positive
 * @param art the ART region (diagnosis and start)
 * @param artStartedOn her first ART start, if any
 * @param viralLoad the viral-load region
 * @param latestViralLoad her latest viral load returned by the evaluation date
 * @param adherence the adherence region
 * @param latestAdherencePercent her latest pill-count adherence, uncapped
 * @param retention the retention region
 * @param tracingAttempts tracing attempts since her latest missed appointment
 * @param lastTracing the latest tracing attempt, if any
 * @param consent her latest consent and disclosure record, if any
 */
@API(status = STABLE, since = "0.1")
public record MaternalState(
    HivStatus hivStatus,
    Optional<LocalDate> diagnosedOn,
    RegionState art,
    Optional<LocalDate> artStartedOn,
    RegionState viralLoad,
    Optional<ViralLoadResulted> latestViralLoad,
    RegionState adherence,
    Optional<Double> latestAdherencePercent,
    RegionState retention,
    int tracingAttempts,
    Optional<TracingAttempted> lastTracing,
    Optional<ConsentRecorded> consent) {
  public MaternalState {
    requireNonNull(hivStatus, "hivStatus");
    requireNonNull(diagnosedOn, "diagnosedOn");
    requireNonNull(art, "art");
    requireNonNull(artStartedOn, "artStartedOn");
    requireNonNull(viralLoad, "viralLoad");
    requireNonNull(latestViralLoad, "latestViralLoad");
    requireNonNull(adherence, "adherence");
    requireNonNull(latestAdherencePercent, "latestAdherencePercent");
    requireNonNull(retention, "retention");
    requireNonNull(lastTracing, "lastTracing");
    requireNonNull(consent, "consent");
  }

  /** The ART state. */
  public ArtStatus artStatus() {
    return (ArtStatus) art.state();
  }

  /** The viral-load state. */
  public ViralLoadStatus viralLoadStatus() {
    return (ViralLoadStatus) viralLoad.state();
  }

  /** The adherence band. */
  public AdherenceBand adherenceBand() {
    return (AdherenceBand) adherence.state();
  }

  /** The retention state. */
  public Retention retentionStatus() {
    return (Retention) retention.state();
  }
}
