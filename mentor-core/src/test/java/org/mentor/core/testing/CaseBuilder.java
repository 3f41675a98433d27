package org.mentor.core.testing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.AdherenceCounselled;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.ArvsDispensed;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.CounsellingKind;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.pathway.ConsentRecorded;
import org.mentor.core.pathway.CotrimoxazoleStarted;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Died;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.InfantArtStarted;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ReturnedToCare;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.TracingAttempted;
import org.mentor.core.pathway.TransferredOut;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.ProtocolRef;

/**
 * Builds synthetic cases for tests, in the words of the clinical tables:
 *
 * <pre>{@code
 * CaseFile file = aCase().lmp(LMP).enrolledAtAnc(ANC1, POSITIVE).startedArt(ANC1)
 *     .viralLoad(SAMPLE, ViralLoad.copies(45)).delivered(BIRTH).breastfed().file();
 * }</pre>
 *
 * Ids are deterministic ({@code <case>-e1}, {@code <case>-e2}, …), infants get name-based UUIDs
 * ({@link #infantA()}, {@link #infantB()}), and each event is recorded at noon UTC on the day it
 * occurred unless {@link #recordedAt} says otherwise. Every value is synthetic.
 */
public final class CaseBuilder {
  /** The recorder of every fixture event. */
  public static final RecordedBy CLINIC = new RecordedBy("user-1", "facility-1", "mentor-tests");

  private final CaseId caseId;
  private final MotherId motherId;
  private final List<PathwayEvent> events = new ArrayList<>();
  private ProtocolRef protocol = new ProtocolRef("WHO_2021", "1");
  private Optional<LocalDate> lmp = Optional.empty();
  private Optional<LocalDate> edd = Optional.empty();
  private Optional<Instant> recordedAt = Optional.empty();
  private int next = 1;

  private CaseBuilder(String caseId) {
    this.caseId = CaseId.of(caseId);
    this.motherId = MotherId.of("mother-of-" + caseId);
  }

  /** A new case with id {@code case-1}. */
  public static CaseBuilder aCase() {
    return new CaseBuilder("case-1");
  }

  /** A new case with the given id. */
  public static CaseBuilder aCase(String caseId) {
    return new CaseBuilder(caseId);
  }

  /** The first infant of this case (a name-based UUID). */
  public InfantId infantA() {
    return infant("A");
  }

  /** The second infant of this case (twins). */
  public InfantId infantB() {
    return infant("B");
  }

  private InfantId infant(String name) {
    return new InfantId(UUID.nameUUIDFromBytes((caseId + "/infant-" + name).getBytes(StandardCharsets.UTF_8)));
  }

  /** The case id. */
  public CaseId caseId() {
    return caseId;
  }

  /** The mother's id. */
  public MotherId motherId() {
    return motherId;
  }

  /** Manages the case under another protocol reference. */
  public CaseBuilder protocol(String id, String version) {
    this.protocol = new ProtocolRef(id, version);
    return this;
  }

  /** The LMP given at enrolment. */
  public CaseBuilder lmp(LocalDate lmp) {
    this.lmp = Optional.of(lmp);
    return this;
  }

  /** The EDD given at enrolment. */
  public CaseBuilder edd(LocalDate edd) {
    this.edd = Optional.of(edd);
    return this;
  }

  /** Records the following events at this instant instead of at noon on their day. */
  public CaseBuilder recordedAt(Instant instant) {
    this.recordedAt = Optional.of(instant);
    return this;
  }

  /** Enrols the case at the first antenatal visit. */
  public CaseBuilder enrolledAtAnc(LocalDate anc1, HivStatus status) {
    return add(new Enrolled(id(), anc1, at(anc1), CLINIC, motherId, protocol, status, lmp, edd, Optional.empty()));
  }

  /** Enrols an HIV-positive woman at the first antenatal visit. */
  public CaseBuilder enrolledAtAnc(LocalDate anc1) {
    return enrolledAtAnc(anc1, HivStatus.POSITIVE);
  }

  /** A maternal HIV test. */
  public CaseBuilder hivTest(LocalDate on, HivTestResult result) {
    return add(new MaternalHivTested(id(), on, at(on), CLINIC, result));
  }

  /** ART (TLD) started. */
  public CaseBuilder startedArt(LocalDate on) {
    return startedArt(on, Regimen.TLD);
  }

  /** ART started on a regimen. */
  public CaseBuilder startedArt(LocalDate on, Regimen regimen) {
    return add(new ArtStarted(id(), on, at(on), CLINIC, regimen));
  }

  /** A viral load returned on its sample date. */
  public CaseBuilder viralLoad(LocalDate sample, ViralLoad result) {
    return viralLoad(sample, sample, result);
  }

  /** A viral load returned on a later date. */
  public CaseBuilder viralLoad(LocalDate sample, LocalDate resultDate, ViralLoad result) {
    return add(new ViralLoadResulted(id(), sample, at(resultDate), CLINIC, resultDate, result));
  }

  /** An enhanced adherence counselling session. */
  public CaseBuilder enhancedCounselling(LocalDate on) {
    return add(new AdherenceCounselled(id(), on, at(on), CLINIC, CounsellingKind.ENHANCED));
  }

  /** ARVs dispensed. */
  public CaseBuilder dispensed(LocalDate on, int pills, int days) {
    return add(new ArvsDispensed(id(), on, at(on), CLINIC, pills, days));
  }

  /** A once-daily pill count. */
  public CaseBuilder pillCount(LocalDate on, int dispensed, int remaining, int daysSince) {
    return add(new PillCounted(id(), on, at(on), CLINIC, dispensed, remaining, daysSince, 1));
  }

  /** An appointment set on one date for another. */
  public CaseBuilder appointment(LocalDate setOn, LocalDate dueOn) {
    return add(new AppointmentSet(id(), setOn, at(setOn), CLINIC, dueOn, AppointmentPurpose.ART_REFILL));
  }

  /** An appointment kept. */
  public CaseBuilder kept(LocalDate on, LocalDate appointment) {
    return add(new AppointmentKept(id(), on, at(on), CLINIC, appointment));
  }

  /** A return to care. */
  public CaseBuilder returned(LocalDate on) {
    return add(new ReturnedToCare(id(), on, at(on), CLINIC));
  }

  /** A tracing attempt. */
  public CaseBuilder traced(LocalDate on, ContactMode mode, TracingOutcome outcome) {
    return add(new TracingAttempted(id(), on, at(on), CLINIC, mode, outcome));
  }

  /** The mother's consent to channels. */
  public CaseBuilder consent(LocalDate on, boolean homeVisits, boolean phone, boolean sms) {
    return add(new ConsentRecorded(id(), on, at(on), CLINIC, homeVisits, phone, sms, false));
  }

  /** A mentor assigned. */
  public CaseBuilder mentor(LocalDate on, String mentor) {
    return add(new MentorAssigned(id(), on, at(on), CLINIC, MentorId.of(mentor)));
  }

  /** A mentor's home visit. */
  public CaseBuilder mentorVisit(LocalDate on) {
    return add(new MentorVisited(id(), on, at(on), CLINIC, ContactMode.HOME));
  }

  /** A delivery of one live infant ({@link #infantA()}). */
  public CaseBuilder delivered(LocalDate on) {
    return add(new Delivered(id(), on, at(on), CLINIC, ImmutableList.of(Birth.live(infantA(), Birth.Sex.FEMALE, 3100))));
  }

  /** A delivery of live twins ({@link #infantA()}, {@link #infantB()}). */
  public CaseBuilder deliveredTwins(LocalDate on) {
    return add(new Delivered(id(), on, at(on), CLINIC, ImmutableList.of(
        Birth.live(infantA(), Birth.Sex.FEMALE, 2400), Birth.live(infantB(), Birth.Sex.MALE, 2300))));
  }

  /** A stillbirth. */
  public CaseBuilder stillbirth(LocalDate on) {
    return add(new Delivered(id(), on, at(on), CLINIC, ImmutableList.of(
        new Birth(infantA(), Birth.Sex.UNDETERMINED, Optional.empty(), Birth.Outcome.STILLBIRTH))));
  }

  /** Every live infant breastfed from the delivery date. */
  public CaseBuilder breastfed() {
    return feeding(FeedingMode.EXCLUSIVE_BREASTFEEDING);
  }

  /** Every live infant replacement-fed from the delivery date. */
  public CaseBuilder replacementFed() {
    return feeding(FeedingMode.REPLACEMENT_FEEDING);
  }

  private CaseBuilder feeding(FeedingMode mode) {
    Delivered delivery = delivery();
    for (Birth birth : delivery.births()) {
      if (birth.isLive()) {
        add(new FeedingRecorded(id(), delivery.occurredOn(), at(delivery.occurredOn()), CLINIC, birth.infantId(), mode));
      }
    }
    return this;
  }

  /** Breastfeeding of every live infant stopped on a date. */
  public CaseBuilder breastfeedingStopped(LocalDate on) {
    for (Birth birth : delivery().births()) {
      if (birth.isLive()) {
        add(new FeedingRecorded(id(), on, at(on), CLINIC, birth.infantId(), FeedingMode.BREASTFEEDING_STOPPED));
      }
    }
    return this;
  }

  /** NVP started for every live infant. */
  public CaseBuilder prophylaxisStarted(LocalDate on) {
    for (Birth birth : delivery().births()) {
      if (birth.isLive()) {
        add(new InfantProphylaxisStarted(id(), on, at(on), CLINIC, birth.infantId(), ProphylaxisRegimen.NVP));
      }
    }
    return this;
  }

  /** A NAT for infant A, returned on its sample date. */
  public CaseBuilder nat(LocalDate sample, InfantTestResult result) {
    return test(infantA(), InfantTestType.NAT, sample, sample, result);
  }

  /** A NAT for infant A, returned later. */
  public CaseBuilder nat(LocalDate sample, LocalDate resultDate, InfantTestResult result) {
    return test(infantA(), InfantTestType.NAT, sample, resultDate, result);
  }

  /** An infant HIV test. */
  public CaseBuilder test(InfantId infant, InfantTestType type, LocalDate sample, LocalDate resultDate, InfantTestResult result) {
    Optional<LocalDate> returned = result == InfantTestResult.PENDING ? Optional.empty() : Optional.of(resultDate);
    return add(new InfantHivTested(id(), sample, at(resultDate), CLINIC, infant, type, result, returned));
  }

  /** An antibody test for infant A. */
  public CaseBuilder antibody(LocalDate sample, InfantTestResult result) {
    return test(infantA(), InfantTestType.ANTIBODY, sample, sample, result);
  }

  /** Cotrimoxazole started for infant A. */
  public CaseBuilder cotrimoxazole(LocalDate on) {
    return add(new CotrimoxazoleStarted(id(), on, at(on), CLINIC, infantA()));
  }

  /** ART started for infant A. */
  public CaseBuilder infantArt(LocalDate on) {
    return add(new InfantArtStarted(id(), on, at(on), CLINIC, infantA()));
  }

  /** An infant died. */
  public CaseBuilder infantDied(InfantId infant, LocalDate on) {
    return add(new Died(id(), on, at(on), CLINIC, Subject.infant(infant)));
  }

  /** The mother died. */
  public CaseBuilder died(LocalDate on) {
    return add(new Died(id(), on, at(on), CLINIC, Subject.mother()));
  }

  /** The mother (with her infants) transferred out. */
  public CaseBuilder transferredOut(LocalDate on) {
    return add(new TransferredOut(id(), on, at(on), CLINIC, Subject.mother()));
  }

  /** Adds any event. */
  public CaseBuilder add(PathwayEvent event) {
    events.add(requireNonNull(event, "event"));
    return this;
  }

  /** The next event id this builder will use. */
  public EventId nextId() {
    return EventId.of(caseId + "-e" + next);
  }

  /** The events so far, in the order added. */
  public ImmutableList<PathwayEvent> events() {
    return ImmutableList.copyOf(events);
  }

  /** The events recorded, in the order added, into a case file. */
  public CaseFile file() {
    return CaseFile.replay(caseId, events);
  }

  /** The recording instant of an event that occurred (or was returned) on a day. */
  public Instant at(LocalDate day) {
    return recordedAt.orElse(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
  }

  private EventId id() {
    return EventId.of(caseId + "-e" + next++);
  }

  private Delivered delivery() {
    return events.stream().filter(Delivered.class::isInstance).map(Delivered.class::cast).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("record the delivery first"));
  }
}
