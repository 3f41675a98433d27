package org.mentor.core.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.mentor.core.pathway.EventKind;

/**
 * The table of event types of the public JSON form (docs/events.md): for each {@link EventKind}
 * its stable type name, its current schema version and its fields in the order they are
 * written. The type names are literals, never derived from class names, so renaming a Java type
 * cannot change the format. Changing a type's form means bumping its version here and adding an
 * {@link EventUpcaster} from the previous version to {@link #UPCASTERS}.
 */
final class EventTypes {
  /** The fields every event but a correction starts with, after {@code type} and {@code schemaVersion}. */
  static final ImmutableList<String> ENVELOPE = ImmutableList.of("id", "occurredOn", "recordedAt", "recordedBy");

  /** The upcasters of the public form, none yet: every type is at its first version. */
  static final ImmutableList<EventUpcaster> UPCASTERS = ImmutableList.of();

  private static final ImmutableMap<EventKind, Type> BY_KIND;
  private static final ImmutableMap<String, Type> BY_NAME;

  static {
    Map<EventKind, Type> byKind = new EnumMap<>(EventKind.class);
    ImmutableMap.Builder<String, Type> byName = ImmutableMap.builder();
    for (EventKind kind : EventKind.values()) {
      Type type = define(kind);
      byKind.put(kind, type);
      byName.put(type.name(), type);
    }
    BY_KIND = Maps.immutableEnumMap(byKind);
    BY_NAME = byName.buildOrThrow();
  }

  private EventTypes() {}

  /**
   * One event type of the public form.
   *
   * @param kind the event kind
   * @param name the stable type name written in {@code "type"}
   * @param schemaVersion the current schema version
   * @param fields the fields after {@code type} and {@code schemaVersion}, in written order
   */
  record Type(EventKind kind, String name, int schemaVersion, ImmutableList<String> fields) {}

  /** The type of a kind. */
  static Type of(EventKind kind) {
    return BY_KIND.get(kind);
  }

  /** The type with a name, if any. */
  static Optional<Type> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every kind's current schema version. */
  static ImmutableMap<EventKind, Integer> versions() {
    Map<EventKind, Integer> versions = new EnumMap<>(EventKind.class);
    BY_KIND.forEach((kind, type) -> versions.put(kind, type.schemaVersion()));
    return Maps.immutableEnumMap(versions);
  }

  // The one table: a switch expression with no default, so a new kind fails to compile here.
  private static Type define(EventKind kind) {
    return switch (kind) {
      case ENROLLED -> event(kind, "Enrolled", 1,
          "motherId", "protocol", "hivStatus", "lmp", "edd", "gestationalAgeDays");
      case PROTOCOL_CHANGED -> event(kind, "ProtocolChanged", 1, "protocol");
      case MATERNAL_HIV_TESTED -> event(kind, "MaternalHivTested", 1, "result");
      case ART_STARTED -> event(kind, "ArtStarted", 1, "regimen");
      case REGIMEN_CHANGED -> event(kind, "RegimenChanged", 1, "regimen", "reason");
      case ARVS_DISPENSED -> event(kind, "ArvsDispensed", 1, "quantity", "daysSupply");
      case PILL_COUNTED -> event(kind, "PillCounted", 1,
          "pillsDispensed", "pillsRemaining", "daysSinceDispensing", "dailyDoses");
      case VIRAL_LOAD_RESULTED -> event(kind, "ViralLoadResulted", 1, "resultDate", "result");
      case ADHERENCE_COUNSELLED -> event(kind, "AdherenceCounselled", 1, "counselling");
      case CONSENT_RECORDED -> event(kind, "ConsentRecorded", 1,
          "homeVisits", "phoneCalls", "sms", "disclosedToPartner");
      case MENTOR_ASSIGNED -> event(kind, "MentorAssigned", 1, "mentor");
      case MENTOR_VISITED -> event(kind, "MentorVisited", 1, "mode");
      case APPOINTMENT_SET -> event(kind, "AppointmentSet", 1, "appointmentOn", "purpose");
      case APPOINTMENT_KEPT -> event(kind, "AppointmentKept", 1, "appointmentOn");
      case DELIVERED -> event(kind, "Delivered", 1, "births");
      case INFANT_PROPHYLAXIS_STARTED -> event(kind, "InfantProphylaxisStarted", 1, "infantId", "regimen");
      case INFANT_PROPHYLAXIS_STOPPED -> event(kind, "InfantProphylaxisStopped", 1, "infantId");
      case INFANT_HIV_TESTED -> event(kind, "InfantHivTested", 1, "infantId", "testType", "result", "resultDate");
      case COTRIMOXAZOLE_STARTED -> event(kind, "CotrimoxazoleStarted", 1, "infantId");
      case COTRIMOXAZOLE_STOPPED -> event(kind, "CotrimoxazoleStopped", 1, "infantId");
      case FEEDING_RECORDED -> event(kind, "FeedingRecorded", 1, "infantId", "mode");
      case INFANT_ART_STARTED -> event(kind, "InfantArtStarted", 1, "infantId");
      case TRACING_ATTEMPTED -> event(kind, "TracingAttempted", 1, "mode", "outcome");
      case RETURNED_TO_CARE -> event(kind, "ReturnedToCare", 1);
      case TRANSFERRED_IN -> event(kind, "TransferredIn", 1, "subject");
      case TRANSFERRED_OUT -> event(kind, "TransferredOut", 1, "subject");
      case DIED -> event(kind, "Died", 1, "subject");
      case CORRECTED -> new Type(kind, "Corrected", 1, ImmutableList.of("corrects", "replacement"));
      case VOIDED -> event(kind, "Voided", 1, "voids", "reason");
    };
  }

  private static Type event(EventKind kind, String name, int version, String... own) {
    return new Type(kind, name, version, ImmutableList.<String>builder().addAll(ENVELOPE).add(own).build());
  }
}
