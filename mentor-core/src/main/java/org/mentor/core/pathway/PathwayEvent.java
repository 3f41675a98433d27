package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;

/**
 * Something that happened in a case: immutable, dated, with who recorded it. Events are never
 * edited or deleted; a {@link Corrected} replaces one and a {@link Voided} withdraws one, and the
 * history keeps all three.
 *
 * <p>Exhaustive handling switches on {@link #kind()} (Java 17 has no pattern switch): a switch
 * expression over {@link EventKind} with no default fails to compile when a kind is missing.
 */
@API(status = STABLE, since = "0.1")
public sealed interface PathwayEvent
    permits Enrolled,
        ProtocolChanged,
        MaternalHivTested,
        ArtStarted,
        RegimenChanged,
        ArvsDispensed,
        PillCounted,
        ViralLoadResulted,
        AdherenceCounselled,
        ConsentRecorded,
        MentorAssigned,
        MentorVisited,
        AppointmentSet,
        AppointmentKept,
        Delivered,
        InfantProphylaxisStarted,
        InfantProphylaxisStopped,
        InfantHivTested,
        CotrimoxazoleStarted,
        CotrimoxazoleStopped,
        FeedingRecorded,
        InfantArtStarted,
        TracingAttempted,
        ReturnedToCare,
        TransferredIn,
        TransferredOut,
        Died,
        Corrected,
        Voided {

  /** The caller-supplied, globally unique id. */
  EventId id();

  /** The clinic-local date it happened (for a test or viral load, the sample date). */
  LocalDate occurredOn();

  /** When it was recorded; {@code knownAsOf} evaluation ignores events recorded later. */
  Instant recordedAt();

  /** Who recorded it. */
  RecordedBy recordedBy();

  /** The event's kind, for exhaustive switches and the intra-day order. */
  EventKind kind();

  /** The infant the event concerns, if it concerns one infant. */
  default Optional<InfantId> aboutInfant() {
    return switch (this.kind()) {
      case INFANT_PROPHYLAXIS_STARTED -> Optional.of(((InfantProphylaxisStarted) this).infantId());
      case INFANT_PROPHYLAXIS_STOPPED -> Optional.of(((InfantProphylaxisStopped) this).infantId());
      case INFANT_HIV_TESTED -> Optional.of(((InfantHivTested) this).infantId());
      case COTRIMOXAZOLE_STARTED -> Optional.of(((CotrimoxazoleStarted) this).infantId());
      case COTRIMOXAZOLE_STOPPED -> Optional.of(((CotrimoxazoleStopped) this).infantId());
      case FEEDING_RECORDED -> Optional.of(((FeedingRecorded) this).infantId());
      case INFANT_ART_STARTED -> Optional.of(((InfantArtStarted) this).infantId());
      case TRANSFERRED_IN -> ((TransferredIn) this).subject().infantId();
      case TRANSFERRED_OUT -> ((TransferredOut) this).subject().infantId();
      case DIED -> ((Died) this).subject().infantId();
      case CORRECTED -> ((Corrected) this).replacement().aboutInfant();
      case ENROLLED, PROTOCOL_CHANGED, MATERNAL_HIV_TESTED, ART_STARTED, REGIMEN_CHANGED,
          ARVS_DISPENSED, PILL_COUNTED, VIRAL_LOAD_RESULTED, ADHERENCE_COUNSELLED,
          CONSENT_RECORDED, MENTOR_ASSIGNED, MENTOR_VISITED, APPOINTMENT_SET, APPOINTMENT_KEPT,
          DELIVERED, TRACING_ATTEMPTED, RETURNED_TO_CARE, VOIDED -> Optional.empty();
    };
  }

  /**
   * Whether the event belongs to the mother's own HIV care (ART, viral loads, adherence,
   * retention, her death) rather than to this pregnancy: every open case of hers sees it. A
   * correction is maternal when its replacement is; a void has no scope of its own (its target
   * decides), so callers ask this of effective events, as the facade does.
   */
  default boolean isMaternal() {
    if (kind() == EventKind.CORRECTED) {
      return ((Corrected) this).replacement().isMaternal();
    }
    return kind().scope() == EventKind.Scope.MOTHER
        || (kind().scope() == EventKind.Scope.SUBJECT && kind() != EventKind.VOIDED && aboutInfant().isEmpty());
  }
}
