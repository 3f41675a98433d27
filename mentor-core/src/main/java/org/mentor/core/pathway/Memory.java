package org.mentor.core.pathway;

import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;

/**
 * What the replay has seen so far, as plain fields the guards and deadlines read. Local to one
 * replay and never shared, so it may be mutable; the evaluation as a whole stays pure. Its infants'
 * entries are immutable (a change replaces one), so copies share them.
 */
final class Memory {
  @Nullable LocalDate diagnosedOn;
  Regimen.@Nullable DrugClass anchorClass;
  @Nullable ViralLoadResulted lastVl;
  int eacSinceLastVl;
  @Nullable LocalDate pendingAppointment;
  @Nullable LocalDate lastContact;
  @Nullable LocalDate deliveredOn;
  /** The live-born infants, in birth order (a case has one or two: a scan beats a map, and copies cheaply). */
  private InfantMemory[] infants = NO_INFANTS;
  private static final InfantMemory[] NO_INFANTS = new InfantMemory[0];

  /** One infant's part of the memory: immutable. */
  static final class InfantMemory {
    final InfantFacts facts;
    final @Nullable LocalDate firstPositiveSample;

    InfantMemory(InfantFacts facts, @Nullable LocalDate firstPositiveSample) {
      this.facts = facts;
      this.firstPositiveSample = firstPositiveSample;
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
    copy.infants = infants;
    for (int i = 0; i < infants.length; i++) {
      InfantMemory infant = infants[i];
      InfantFacts current = facts.infants().get(infant.facts.infantId());
      if (current != null && current != infant.facts) {
        copy.replace(i, new InfantMemory(current, infant.firstPositiveSample));
      }
    }
    return copy;
  }

  /** Replaces one infant's entry (the array is shared with copies, so it is copied first). */
  private void replace(int slot, InfantMemory entry) {
    infants = infants.clone();
    infants[slot] = entry;
  }

  /** An infant's slot, or -1 if it was not born alive in the facts. */
  int slotOf(InfantId infantId) {
    for (int i = 0; i < infants.length; i++) {
      if (infants[i].facts.infantId().equals(infantId)) {
        return i;
      }
    }
    return -1;
  }

  /** The infant in a slot. */
  InfantMemory infantAt(int slot) {
    return infants[slot];
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
          if (infant.bornOn().equals(event.occurredOn()) && slotOf(infant.infantId()) < 0) {
            infants = Arrays.copyOf(infants, infants.length + 1);
            infants[infants.length - 1] = new InfantMemory(infant, null);
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
      int slot = slotOf(test.infantId());
      if (slot >= 0 && infants[slot].firstPositiveSample == null) {
        replace(slot, new InfantMemory(infants[slot].facts, test.sampleDate()));
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
