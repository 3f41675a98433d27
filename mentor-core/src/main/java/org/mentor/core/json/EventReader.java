package org.mentor.core.json;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.Rule;
import org.mentor.core.json.EventTypes.Type;
import org.mentor.core.pathway.AdherenceCounselled;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.ArvsDispensed;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.CounsellingKind;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.Codes.RegimenChangeReason;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.pathway.ConsentRecorded;
import org.mentor.core.pathway.CotrimoxazoleStarted;
import org.mentor.core.pathway.CotrimoxazoleStopped;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Died;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.InfantArtStarted;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.InfantProphylaxisStopped;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.Origin;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.RegimenChanged;
import org.mentor.core.pathway.ReturnedToCare;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.TracingAttempted;
import org.mentor.core.pathway.TransferredIn;
import org.mentor.core.pathway.TransferredOut;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.ProtocolRef;

/**
 * Reads an event's JSON tree strictly: the type and schema version first, then the type's
 * upcasters up to its current version, then every field of the current form, in the order of
 * {@link EventTypes}. Domain rules stay with the records: their {@link InvalidEventException}s
 * pass through unchanged, and their argument checks across fields become {@code JSON-006} on the
 * object that holds the fields.
 */
final class EventReader {
  private static final ImmutableSet<String> RECORDED_BY = ImmutableSet.of("user", "facility", "sourceSystem", "origin");
  private static final ImmutableSet<String> ORIGIN = ImmutableSet.of("system", "identifier", "version");
  private static final ImmutableSet<String> PROTOCOL = ImmutableSet.of("id", "version");
  private static final ImmutableSet<String> REGIMEN = ImmutableSet.of("code", "anchorClass");
  private static final ImmutableSet<String> VIRAL_LOAD = ImmutableSet.of("copiesPerMl", "qualifier");
  private static final ImmutableSet<String> BIRTH = ImmutableSet.of("infantId", "sex", "birthWeightGrams", "outcome");
  private static final ImmutableSet<String> SUBJECT = ImmutableSet.of("infantId");

  private final ImmutableMap<EventKind, Integer> versions;
  private final ImmutableMap<String, EventUpcaster> upcasters;
  private final ImmutableMap<EventKind, ImmutableSet<String>> allowed;

  /**
   * @param versions every kind's current schema version
   * @param upcasters by {@link #key(String, int)}, one for every version of every type below its current one
   */
  EventReader(ImmutableMap<EventKind, Integer> versions, ImmutableMap<String, EventUpcaster> upcasters) {
    this.versions = versions;
    this.upcasters = upcasters;
    ImmutableMap.Builder<EventKind, ImmutableSet<String>> allowed = ImmutableMap.builder();
    for (EventKind kind : EventKind.values()) {
      allowed.put(kind, ImmutableSet.<String>builder().add("type", "schemaVersion")
          .addAll(EventTypes.of(kind).fields()).build());
    }
    this.allowed = allowed.buildOrThrow();
  }

  /** The key of the upcaster of one type from one version. */
  static String key(String type, int fromVersion) {
    return type + "@" + fromVersion;
  }

  /**
   * Reads one event.
   *
   * @param tree the event's object
   * @param path its JSON path, {@code $} at the root
   */
  PathwayEvent read(ObjectNode tree, String path) {
    FieldReader header = new FieldReader(tree, path);
    String name = header.text("type");
    Type type = EventTypes.named(name)
        .orElseThrow(() -> new InvalidEventException(header.pathOf("type"), name, Rule.EVENT_TYPE_UNKNOWN));
    int version = header.integer("schemaVersion");
    int current = versions.get(type.kind());
    if (version < 1 || version > current) {
      throw new InvalidEventException(header.pathOf("schemaVersion"), version, Rule.EVENT_SCHEMA_VERSION_UNSUPPORTED);
    }
    ObjectNode currentTree = tree;
    for (int from = version; from < current; from++) {
      EventUpcaster upcaster = requireNonNull(upcasters.get(key(name, from)), "checked when built");
      ObjectNode next = requireNonNull(upcaster.upcast(currentTree.deepCopy()), "an upcaster returns a tree");
      JsonNode nextType = next.get("type");
      checkState(nextType != null && name.equals(nextType.asText()), "an upcaster keeps the type: %s", name);
      next.put("schemaVersion", from + 1);
      currentTree = next;
    }
    FieldReader r = new FieldReader(currentTree, path).onlyFields(allowed.get(type.kind()));
    try {
      return build(type.kind(), r);
    } catch (IllegalArgumentException e) {
      throw r.invalidWhole(e);
    }
  }

  private PathwayEvent build(EventKind kind, FieldReader r) {
    Envelope e = new Envelope(r);
    // Arguments are read left to right, so a missing or bad field is reported in written order.
    return switch (kind) {
      case CORRECTED -> new Corrected(r.parse("corrects", EventId::of),
          read(r.objectNode("replacement"), r.pathOf("replacement")));
      case ENROLLED -> new Enrolled(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.parse("motherId", MotherId::of), protocol(r), r.code("hivStatus", HivStatus.class),
          r.optionalDate("lmp"), r.optionalDate("edd"), r.optionalInteger("gestationalAgeDays"));
      case PROTOCOL_CHANGED -> new ProtocolChanged(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(), protocol(r));
      case MATERNAL_HIV_TESTED -> new MaternalHivTested(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.code("result", HivTestResult.class));
      case ART_STARTED -> new ArtStarted(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(), regimen(r));
      case REGIMEN_CHANGED -> new RegimenChanged(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          regimen(r), r.code("reason", RegimenChangeReason.class));
      case ARVS_DISPENSED -> new ArvsDispensed(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.integer("quantity"), r.integer("daysSupply"));
      case PILL_COUNTED -> new PillCounted(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.integer("pillsDispensed"), r.integer("pillsRemaining"), r.integer("daysSinceDispensing"),
          r.integer("dailyDoses"));
      case VIRAL_LOAD_RESULTED -> new ViralLoadResulted(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.date("resultDate"), viralLoad(r));
      case ADHERENCE_COUNSELLED -> new AdherenceCounselled(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.code("counselling", CounsellingKind.class));
      case CONSENT_RECORDED -> new ConsentRecorded(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.bool("homeVisits"), r.bool("phoneCalls"), r.bool("sms"), r.bool("disclosedToPartner"));
      case MENTOR_ASSIGNED -> new MentorAssigned(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.parse("mentor", MentorId::of));
      case MENTOR_VISITED -> new MentorVisited(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.code("mode", ContactMode.class));
      case APPOINTMENT_SET -> new AppointmentSet(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.date("appointmentOn"), r.code("purpose", AppointmentPurpose.class));
      case APPOINTMENT_KEPT -> new AppointmentKept(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.date("appointmentOn"));
      case DELIVERED -> new Delivered(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(), births(r));
      case INFANT_PROPHYLAXIS_STARTED -> new InfantProphylaxisStarted(e.id(), e.occurredOn(), e.recordedAt(),
          e.recordedBy(), r.infantId("infantId"), r.code("regimen", ProphylaxisRegimen.class));
      case INFANT_PROPHYLAXIS_STOPPED -> new InfantProphylaxisStopped(e.id(), e.occurredOn(), e.recordedAt(),
          e.recordedBy(), r.infantId("infantId"));
      case INFANT_HIV_TESTED -> new InfantHivTested(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.infantId("infantId"), r.code("testType", InfantTestType.class), r.code("result", InfantTestResult.class),
          r.optionalDate("resultDate"));
      case COTRIMOXAZOLE_STARTED -> new CotrimoxazoleStarted(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.infantId("infantId"));
      case COTRIMOXAZOLE_STOPPED -> new CotrimoxazoleStopped(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.infantId("infantId"));
      case FEEDING_RECORDED -> new FeedingRecorded(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.infantId("infantId"), r.code("mode", FeedingMode.class));
      case INFANT_ART_STARTED -> new InfantArtStarted(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.infantId("infantId"));
      case TRACING_ATTEMPTED -> new TracingAttempted(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.code("mode", ContactMode.class), r.code("outcome", TracingOutcome.class));
      case RETURNED_TO_CARE -> new ReturnedToCare(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy());
      case TRANSFERRED_IN -> new TransferredIn(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(), subject(r));
      case TRANSFERRED_OUT -> new TransferredOut(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(), subject(r));
      case DIED -> new Died(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(), subject(r));
      case VOIDED -> new Voided(e.id(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          r.parse("voids", EventId::of), r.text("reason"));
    };
  }

  private static ProtocolRef protocol(FieldReader event) {
    FieldReader r = event.object("protocol", PROTOCOL);
    return new ProtocolRef(r.nonBlankText("id"), r.nonBlankText("version"));
  }

  private static Regimen regimen(FieldReader event) {
    FieldReader r = event.object("regimen", REGIMEN);
    return new Regimen(r.nonBlankText("code"), r.code("anchorClass", Regimen.DrugClass.class));
  }

  private static ViralLoad viralLoad(FieldReader event) {
    FieldReader r = event.object("result", VIRAL_LOAD);
    int copiesPerMl = r.integer("copiesPerMl");
    ViralLoad.Qualifier qualifier = r.code("qualifier", ViralLoad.Qualifier.class);
    try {
      return new ViralLoad(copiesPerMl, qualifier);
    } catch (IllegalArgumentException e) {
      throw r.invalidWhole(e);
    }
  }

  private static ImmutableList<Birth> births(FieldReader event) {
    ImmutableList.Builder<Birth> births = ImmutableList.builder();
    for (FieldReader r : event.objects("births", BIRTH)) {
      births.add(new Birth(r.infantId("infantId"), r.code("sex", Birth.Sex.class),
          r.optionalInteger("birthWeightGrams"), r.code("outcome", Birth.Outcome.class)));
    }
    return births.build();
  }

  private static Subject subject(FieldReader event) {
    FieldReader r = event.object("subject", SUBJECT);
    return r.optional("infantId").isPresent() ? Subject.infant(r.infantId("infantId")) : Subject.mother();
  }

  /** The envelope fields, read when asked for so that each is reported in its written order. */
  private static final class Envelope {
    private final FieldReader r;

    Envelope(FieldReader r) {
      this.r = r;
    }

    EventId id() {
      return r.parse("id", EventId::of);
    }

    LocalDate occurredOn() {
      return r.date("occurredOn");
    }

    Instant recordedAt() {
      return r.instant("recordedAt");
    }

    RecordedBy recordedBy() {
      FieldReader by = r.object("recordedBy", RECORDED_BY);
      RecordedBy recordedBy = new RecordedBy(by.nonBlankText("user"), by.nonBlankText("facility"), by.nonBlankText("sourceSystem"));
      if (by.optional("origin").isEmpty()) {
        return recordedBy;
      }
      FieldReader origin = by.object("origin", ORIGIN);
      String system = origin.nonBlankText("system");
      String identifier = origin.nonBlankText("identifier");
      Optional<String> version = origin.optional("version").isPresent() ? Optional.of(origin.nonBlankText("version")) : Optional.empty();
      return recordedBy.withOrigin(new Origin(system, identifier, version));
    }
  }

  /** Checks that every version below a type's current one has exactly one upcaster. */
  static ImmutableMap<String, EventUpcaster> index(Map<EventKind, Integer> versions, Iterable<EventUpcaster> all) {
    ImmutableMap.Builder<String, EventUpcaster> byKey = ImmutableMap.builder();
    for (EventUpcaster upcaster : all) {
      Type type = EventTypes.named(upcaster.type())
          .orElseThrow(() -> new IllegalArgumentException("an upcaster names an unknown type: " + upcaster.type()));
      int current = versions.get(type.kind());
      if (upcaster.fromVersion() < 1 || upcaster.fromVersion() >= current) {
        throw new IllegalArgumentException("an upcaster of " + type.name() + " reads a version from 1 to "
            + (current - 1) + ", not " + upcaster.fromVersion());
      }
      byKey.put(key(type.name(), upcaster.fromVersion()), upcaster);
    }
    ImmutableMap<String, EventUpcaster> index;
    try {
      index = byKey.buildOrThrow();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("two upcasters read the same version of one type", e);
    }
    for (Map.Entry<EventKind, Integer> version : versions.entrySet()) {
      String name = EventTypes.of(version.getKey()).name();
      for (int from = 1; from < version.getValue(); from++) {
        if (!index.containsKey(key(name, from))) {
          throw new IllegalArgumentException(name + " is at version " + version.getValue()
              + " but has no upcaster from version " + from);
        }
      }
    }
    return index;
  }
}
