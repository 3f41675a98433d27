package org.mentor.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import org.mentor.core.pathway.AdherenceCounselled;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.ArvsDispensed;
import org.mentor.core.pathway.Birth;
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
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.RegimenChanged;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.TracingAttempted;
import org.mentor.core.pathway.TransferredIn;
import org.mentor.core.pathway.TransferredOut;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.ProtocolRef;

/**
 * Turns an event into its JSON tree, field by field in the order of {@link EventTypes}: {@code
 * type}, {@code schemaVersion}, the envelope, then the kind's own fields. Dates are ISO text,
 * codes their enum names, absent optionals omitted. The same event always gives the same tree.
 */
final class EventWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ImmutableMap<EventKind, Integer> versions;

  EventWriter(ImmutableMap<EventKind, Integer> versions) {
    this.versions = versions;
  }

  ObjectNode write(PathwayEvent event) {
    EventKind kind = event.kind();
    ObjectNode n = NODES.objectNode();
    n.put("type", EventTypes.of(kind).name());
    n.put("schemaVersion", versions.get(kind));
    return switch (kind) {
      case CORRECTED -> {
        Corrected e = (Corrected) event;
        n.put("corrects", e.corrects().value());
        n.set("replacement", write(e.replacement()));
        yield n;
      }
      case ENROLLED -> {
        Enrolled e = (Enrolled) event;
        envelope(n, e).put("motherId", e.motherId().value());
        n.set("protocol", protocol(e.protocol()));
        n.put("hivStatus", e.hivStatus().name());
        e.lmp().ifPresent(lmp -> n.put("lmp", lmp.toString()));
        e.edd().ifPresent(edd -> n.put("edd", edd.toString()));
        e.gestationalAgeDays().ifPresent(days -> n.put("gestationalAgeDays", days));
        yield n;
      }
      case PROTOCOL_CHANGED -> {
        envelope(n, event).set("protocol", protocol(((ProtocolChanged) event).protocol()));
        yield n;
      }
      case MATERNAL_HIV_TESTED -> envelope(n, event).put("result", ((MaternalHivTested) event).result().name());
      case ART_STARTED -> {
        envelope(n, event).set("regimen", regimen(((ArtStarted) event).regimen()));
        yield n;
      }
      case REGIMEN_CHANGED -> {
        RegimenChanged e = (RegimenChanged) event;
        envelope(n, e).set("regimen", regimen(e.regimen()));
        yield n.put("reason", e.reason().name());
      }
      case ARVS_DISPENSED -> {
        ArvsDispensed e = (ArvsDispensed) event;
        yield envelope(n, e).put("quantity", e.quantity()).put("daysSupply", e.daysSupply());
      }
      case PILL_COUNTED -> {
        PillCounted e = (PillCounted) event;
        yield envelope(n, e).put("pillsDispensed", e.pillsDispensed()).put("pillsRemaining", e.pillsRemaining())
            .put("daysSinceDispensing", e.daysSinceDispensing()).put("dailyDoses", e.dailyDoses());
      }
      case VIRAL_LOAD_RESULTED -> {
        ViralLoadResulted e = (ViralLoadResulted) event;
        envelope(n, e).put("resultDate", e.resultDate().toString()).set("result", viralLoad(e.result()));
        yield n;
      }
      case ADHERENCE_COUNSELLED ->
          envelope(n, event).put("counselling", ((AdherenceCounselled) event).counselling().name());
      case CONSENT_RECORDED -> {
        ConsentRecorded e = (ConsentRecorded) event;
        yield envelope(n, e).put("homeVisits", e.homeVisits()).put("phoneCalls", e.phoneCalls())
            .put("sms", e.sms()).put("disclosedToPartner", e.disclosedToPartner());
      }
      case MENTOR_ASSIGNED -> envelope(n, event).put("mentor", ((MentorAssigned) event).mentor().value());
      case MENTOR_VISITED -> envelope(n, event).put("mode", ((MentorVisited) event).mode().name());
      case APPOINTMENT_SET -> {
        AppointmentSet e = (AppointmentSet) event;
        yield envelope(n, e).put("appointmentOn", e.appointmentOn().toString()).put("purpose", e.purpose().name());
      }
      case APPOINTMENT_KEPT ->
          envelope(n, event).put("appointmentOn", ((AppointmentKept) event).appointmentOn().toString());
      case DELIVERED -> {
        ArrayNode births = envelope(n, event).putArray("births");
        for (Birth birth : ((Delivered) event).births()) {
          ObjectNode b = births.addObject().put("infantId", birth.infantId().toString()).put("sex", birth.sex().name());
          birth.birthWeightGrams().ifPresent(grams -> b.put("birthWeightGrams", grams));
          b.put("outcome", birth.outcome().name());
        }
        yield n;
      }
      case INFANT_PROPHYLAXIS_STARTED -> {
        InfantProphylaxisStarted e = (InfantProphylaxisStarted) event;
        yield envelope(n, e).put("infantId", e.infantId().toString()).put("regimen", e.regimen().name());
      }
      case INFANT_PROPHYLAXIS_STOPPED ->
          envelope(n, event).put("infantId", ((InfantProphylaxisStopped) event).infantId().toString());
      case INFANT_HIV_TESTED -> {
        InfantHivTested e = (InfantHivTested) event;
        envelope(n, e).put("infantId", e.infantId().toString()).put("testType", e.testType().name())
            .put("result", e.result().name());
        e.resultDate().ifPresent(date -> n.put("resultDate", date.toString()));
        yield n;
      }
      case COTRIMOXAZOLE_STARTED ->
          envelope(n, event).put("infantId", ((CotrimoxazoleStarted) event).infantId().toString());
      case COTRIMOXAZOLE_STOPPED ->
          envelope(n, event).put("infantId", ((CotrimoxazoleStopped) event).infantId().toString());
      case FEEDING_RECORDED -> {
        FeedingRecorded e = (FeedingRecorded) event;
        yield envelope(n, e).put("infantId", e.infantId().toString()).put("mode", e.mode().name());
      }
      case INFANT_ART_STARTED ->
          envelope(n, event).put("infantId", ((InfantArtStarted) event).infantId().toString());
      case TRACING_ATTEMPTED -> {
        TracingAttempted e = (TracingAttempted) event;
        yield envelope(n, e).put("mode", e.mode().name()).put("outcome", e.outcome().name());
      }
      case RETURNED_TO_CARE -> envelope(n, event);
      case TRANSFERRED_IN -> {
        envelope(n, event).set("subject", subject(((TransferredIn) event).subject()));
        yield n;
      }
      case TRANSFERRED_OUT -> {
        envelope(n, event).set("subject", subject(((TransferredOut) event).subject()));
        yield n;
      }
      case DIED -> {
        envelope(n, event).set("subject", subject(((Died) event).subject()));
        yield n;
      }
      case VOIDED -> {
        Voided e = (Voided) event;
        yield envelope(n, e).put("voids", e.voids().value()).put("reason", e.reason());
      }
    };
  }

  private static ObjectNode envelope(ObjectNode n, PathwayEvent event) {
    n.put("id", event.id().value());
    n.put("occurredOn", event.occurredOn().toString());
    n.put("recordedAt", event.recordedAt().toString());
    n.set("recordedBy", recordedBy(event.recordedBy()));
    return n;
  }

  private static ObjectNode recordedBy(RecordedBy by) {
    ObjectNode n = NODES.objectNode()
        .put("user", by.user()).put("facility", by.facility()).put("sourceSystem", by.sourceSystem());
    by.origin().ifPresent(origin -> {
      ObjectNode o = n.putObject("origin").put("system", origin.system()).put("identifier", origin.identifier());
      origin.version().ifPresent(version -> o.put("version", version));
    });
    return n;
  }

  private static ObjectNode protocol(ProtocolRef protocol) {
    return NODES.objectNode().put("id", protocol.id()).put("version", protocol.version());
  }

  private static ObjectNode regimen(Regimen regimen) {
    return NODES.objectNode().put("code", regimen.code()).put("anchorClass", regimen.anchorClass().name());
  }

  private static ObjectNode viralLoad(ViralLoad result) {
    return NODES.objectNode().put("copiesPerMl", result.copiesPerMl()).put("qualifier", result.qualifier().name());
  }

  private static ObjectNode subject(Subject subject) {
    ObjectNode n = NODES.objectNode();
    subject.infantId().ifPresent(infant -> n.put("infantId", infant.toString()));
    return n;
  }
}
