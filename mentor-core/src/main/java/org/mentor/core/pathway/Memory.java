package org.mentor.core.pathway;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;

/**
 * What the replay has seen so far, as plain fields the guards and deadlines read. Local to one
 * evaluation and never shared, so it may be mutable; the evaluation as a whole stays pure.
 */
final class Memory {
  @Nullable LocalDate diagnosedOn;
  Regimen.@Nullable DrugClass anchorClass;
  @Nullable ViralLoadResulted lastVl;
  int eacSinceLastVl;
  @Nullable LocalDate pendingAppointment;
  @Nullable LocalDate lastContact;
  @Nullable LocalDate deliveredOn;
  final Map<InfantId, InfantMemory> infants = new HashMap<>();

  /** One infant's part of the memory. */
  static final class InfantMemory {
    final InfantFacts facts;
    @Nullable LocalDate firstPositiveSample;

    InfantMemory(InfantFacts facts) {
      this.facts = facts;
    }
  }

  /**
   * An independent copy (for a replay resumed from a checkpoint), whose infants read their facts
   * from {@code facts} (the same facts, or facts that add events after the copied replay's date).
   */
  Memory copy(Facts facts) {
    Memory copy = new Memory();
    copy.diagnosedOn = diagnosedOn;
    copy.anchorClass = anchorClass;
    copy.lastVl = lastVl;
    copy.eacSinceLastVl = eacSinceLastVl;
    copy.pendingAppointment = pendingAppointment;
    copy.lastContact = lastContact;
    copy.deliveredOn = deliveredOn;
    infants.forEach((id, infant) -> {
      InfantFacts current = facts.infants().get(id);
      InfantMemory c = new InfantMemory(current == null ? infant.facts : current);
      c.firstPositiveSample = infant.firstPositiveSample;
      copy.infants.put(id, c);
    });
    return copy;
  }

  /** Records what an event shows on the day it occurred (results are remembered when returned). */
  void onOccurred(PathwayEvent event, Facts facts) {
    if (PathwayTable.isClinicalContact(event)) {
      lastContact = event.occurredOn();
    }
    switch (event.kind()) {
      case ENROLLED -> {
        Enrolled enrolled = (Enrolled) event;
        if (enrolled.hivStatus() == HivStatus.POSITIVE) {
          diagnose(enrolled.occurredOn());
        }
      }
      case MATERNAL_HIV_TESTED -> {
        HivTestResult result = ((MaternalHivTested) event).result();
        if (result == HivTestResult.POSITIVE) {
          diagnose(event.occurredOn());
        }
      }
      case ART_STARTED -> {
        anchorClass = ((ArtStarted) event).regimen().anchorClass();
      }
      case REGIMEN_CHANGED -> {
        anchorClass = ((RegimenChanged) event).regimen().anchorClass();
      }
      case ADHERENCE_COUNSELLED -> {
        if (((AdherenceCounselled) event).counselling() == Codes.CounsellingKind.ENHANCED) {
          eacSinceLastVl++;
        }
      }
      case APPOINTMENT_SET -> pendingAppointment = ((AppointmentSet) event).appointmentOn();
      case DELIVERED -> {
        deliveredOn = event.occurredOn();
        for (InfantFacts infant : facts.infants().values()) {
          if (infant.bornOn().equals(event.occurredOn())) {
            infants.putIfAbsent(infant.infantId(), new InfantMemory(infant));
          }
        }
      }
      case ARVS_DISPENSED, PILL_COUNTED, VIRAL_LOAD_RESULTED, APPOINTMENT_KEPT, RETURNED_TO_CARE, TRANSFERRED_IN,
          PROTOCOL_CHANGED, CONSENT_RECORDED, MENTOR_ASSIGNED, MENTOR_VISITED, TRACING_ATTEMPTED,
          INFANT_PROPHYLAXIS_STARTED, INFANT_PROPHYLAXIS_STOPPED, INFANT_HIV_TESTED, COTRIMOXAZOLE_STARTED,
          COTRIMOXAZOLE_STOPPED, FEEDING_RECORDED, INFANT_ART_STARTED, TRANSFERRED_OUT, DIED, CORRECTED, VOIDED -> {
        // nothing the guards read
      }
    }
  }

  /** Records a result on the day it was returned. */
  void onResult(PathwayEvent event) {
    if (event instanceof ViralLoadResulted vl) {
      lastVl = vl;
      eacSinceLastVl = 0;
    } else if (event instanceof InfantHivTested test && test.result() == InfantTestResult.POSITIVE) {
      InfantMemory infant = infants.get(test.infantId());
      if (infant != null && infant.firstPositiveSample == null) {
        infant.firstPositiveSample = test.sampleDate();
      }
    }
  }

  private void diagnose(LocalDate on) {
    if (diagnosedOn == null) {
      diagnosedOn = on;
    }
  }

  /** The appointment that stands missed (no clinical contact on or after it), or null. */
  @Nullable LocalDate missedAppointment() {
    if (pendingAppointment == null) {
      return null;
    }
    return lastContact != null && !lastContact.isBefore(pendingAppointment) ? null : pendingAppointment;
  }
}
