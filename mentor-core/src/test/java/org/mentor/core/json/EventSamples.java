package org.mentor.core.json;

import static java.time.LocalDate.of;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
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
 * Synthetic events of every kind, dated along scenario S1 of {@code shared/clinical/scenarios.md}
 * (LMP 2025-01-06, first antenatal visit 2025-04-28, delivery 2025-10-10), with optional fields
 * both present and absent, twins and a stillbirth, and a correction and a void. Every value is
 * made up.
 */
final class EventSamples {
  static final RecordedBy NURSE = new RecordedBy("nurse-07", "clinic-042", "my-emr");
  static final MotherId MOTHER = MotherId.of("mother-001");
  static final ProtocolRef WHO_2021 = new ProtocolRef("WHO_2021", "1");
  static final InfantId INFANT_A = InfantId.of("0b6f5c1e-6a43-4f0e-9d2a-3c7e1f8a4b21");
  static final InfantId INFANT_B = InfantId.of("7d2e9a40-1c5b-4e8f-a6d3-9b0c2f4e6a58");

  static final LocalDate LMP = of(2025, 1, 6);
  static final LocalDate ANC1 = of(2025, 4, 28);
  static final LocalDate VL_SAMPLE = of(2025, 7, 28);
  static final LocalDate VL_RETURNED = of(2025, 8, 4);
  static final LocalDate BIRTH = of(2025, 10, 10);

  static final Enrolled ENROLLED = new Enrolled(id("0001"), ANC1, at("2025-04-28T09:30:00Z"), NURSE, MOTHER,
      WHO_2021, HivStatus.POSITIVE, Optional.of(LMP), Optional.empty(), Optional.empty());
  static final ViralLoadResulted VIRAL_LOAD = new ViralLoadResulted(id("0010"), VL_SAMPLE,
      at("2025-08-04T11:02:17.250Z"), NURSE, VL_RETURNED, ViralLoad.copies(2_400));
  static final PillCounted PILL_COUNT = new PillCounted(id("0007"), of(2025, 5, 26), at("2025-05-26T10:00:00Z"),
      NURSE, 30, 4, 28, 1);
  static final Corrected PILL_COUNT_CORRECTED = new Corrected(PILL_COUNT.id(), new PillCounted(id("0008"),
      of(2025, 5, 26), at("2025-05-27T08:45:00Z"), NURSE, 30, 2, 28, 1));
  static final Delivered TWINS = new Delivered(id("0020"), BIRTH, at("2025-10-10T16:40:00Z"), NURSE,
      ImmutableList.of(Birth.live(INFANT_A, Birth.Sex.FEMALE, 2400), Birth.live(INFANT_B, Birth.Sex.MALE, 2300)));
  static final Delivered STILLBIRTH = new Delivered(id("0021"), BIRTH, at("2025-10-10T18:05:00Z"), NURSE,
      ImmutableList.of(new Birth(INFANT_A, Birth.Sex.UNDETERMINED, Optional.empty(), Birth.Outcome.STILLBIRTH)));
  static final TransferredOut TRANSFERRED_OUT_MOTHER = new TransferredOut(id("0040"), of(2026, 2, 2),
      at("2026-02-02T12:00:00Z"), NURSE, Subject.mother());

  private EventSamples() {}

  /** One or more samples of every kind. */
  static ImmutableList<PathwayEvent> all() {
    return ImmutableList.of(
        ENROLLED,
        new Enrolled(id("0002"), ANC1, at("2025-04-28T09:31:00Z"), NURSE, MotherId.of("mother-002"), WHO_2021,
            HivStatus.NEGATIVE, Optional.of(LMP), Optional.of(of(2025, 10, 13)), Optional.empty()),
        new Enrolled(id("0003"), ANC1, at("2025-04-28T09:32:00Z"), NURSE, MotherId.of("mother-003"), WHO_2021,
            HivStatus.UNKNOWN, Optional.empty(), Optional.empty(), Optional.of(16 * 7)),
        new ProtocolChanged(id("0004"), of(2025, 6, 1), at("2025-06-01T07:00:00Z"), NURSE,
            new ProtocolRef("WHO_2021", "2")),
        new MaternalHivTested(id("0005"), ANC1, at("2025-04-28T09:45:00Z"), NURSE, HivTestResult.POSITIVE),
        new ArtStarted(id("0006"), ANC1, at("2025-04-28T10:15:00Z"), NURSE, Regimen.TLD),
        PILL_COUNT,
        PILL_COUNT_CORRECTED,
        new RegimenChanged(id("0009"), of(2025, 9, 1), at("2025-09-01T10:00:00Z"), NURSE,
            new Regimen("AZT+3TC+ATV/r", Regimen.DrugClass.PI), RegimenChangeReason.TREATMENT_FAILURE),
        new ArvsDispensed(id("0011"), ANC1, at("2025-04-28T10:20:00Z"), NURSE, 30, 30),
        VIRAL_LOAD,
        new ViralLoadResulted(id("0012"), of(2025, 9, 3), at("2025-09-10T09:00:00Z"), NURSE, of(2025, 9, 10),
            ViralLoad.belowLimit(50)),
        new ViralLoadResulted(id("0013"), of(2025, 9, 3), at("2025-09-10T09:00:01Z"), NURSE, of(2025, 9, 10),
            ViralLoad.notDetected()),
        new AdherenceCounselled(id("0014"), of(2025, 8, 6), at("2025-08-06T10:00:00Z"), NURSE, CounsellingKind.ENHANCED),
        new ConsentRecorded(id("0015"), ANC1, at("2025-04-28T10:30:00Z"), NURSE, true, true, false, false),
        new MentorAssigned(id("0016"), ANC1, at("2025-04-28T10:35:00Z"), NURSE, MentorId.of("mentor-12")),
        new MentorVisited(id("0017"), of(2025, 5, 12), at("2025-05-12T15:00:00Z"), NURSE, ContactMode.HOME),
        new AppointmentSet(id("0018"), ANC1, at("2025-04-28T10:40:00Z"), NURSE, of(2025, 5, 26),
            AppointmentPurpose.ART_REFILL),
        new AppointmentKept(id("0019"), of(2025, 5, 26), at("2025-05-26T09:50:00Z"), NURSE, of(2025, 5, 26)),
        TWINS,
        STILLBIRTH,
        new Corrected(TWINS.id(), new Delivered(id("0022"), BIRTH, at("2025-10-11T08:00:00Z"), NURSE,
            ImmutableList.of(Birth.live(INFANT_A, Birth.Sex.FEMALE, 2450), Birth.live(INFANT_B, Birth.Sex.MALE, 2300)))),
        new InfantProphylaxisStarted(id("0023"), BIRTH, at("2025-10-10T17:00:00Z"), NURSE, INFANT_A,
            ProphylaxisRegimen.NVP),
        new InfantProphylaxisStopped(id("0024"), of(2025, 11, 21), at("2025-11-21T10:00:00Z"), NURSE, INFANT_A),
        new InfantHivTested(id("0025"), of(2025, 11, 21), at("2025-11-21T10:05:00Z"), NURSE, INFANT_A,
            InfantTestType.NAT, InfantTestResult.PENDING, Optional.empty()),
        new InfantHivTested(id("0026"), of(2025, 11, 21), at("2025-12-05T08:00:00Z"), NURSE, INFANT_A,
            InfantTestType.NAT, InfantTestResult.NEGATIVE, Optional.of(of(2025, 12, 5))),
        new CotrimoxazoleStarted(id("0027"), of(2025, 11, 21), at("2025-11-21T10:10:00Z"), NURSE, INFANT_A),
        new CotrimoxazoleStopped(id("0028"), of(2026, 1, 9), at("2026-01-09T10:00:00Z"), NURSE, INFANT_A),
        new FeedingRecorded(id("0029"), BIRTH, at("2025-10-10T17:05:00Z"), NURSE, INFANT_A,
            FeedingMode.EXCLUSIVE_BREASTFEEDING),
        new InfantArtStarted(id("0030"), of(2025, 12, 8), at("2025-12-08T11:00:00Z"), NURSE, INFANT_B),
        new TracingAttempted(id("0031"), of(2025, 7, 2), at("2025-07-02T14:00:00Z"), NURSE, ContactMode.PHONE,
            TracingOutcome.NOT_REACHED),
        new ReturnedToCare(id("0032"), of(2025, 7, 9), at("2025-07-09T09:00:00Z"), NURSE),
        new TransferredIn(id("0033"), ANC1, at("2025-04-28T09:29:00Z"), NURSE, Subject.mother()),
        TRANSFERRED_OUT_MOTHER,
        new TransferredOut(id("0041"), of(2026, 2, 2), at("2026-02-02T12:01:00Z"), NURSE, Subject.infant(INFANT_B)),
        new Died(id("0042"), of(2025, 10, 12), at("2025-10-12T08:00:00Z"), NURSE, Subject.infant(INFANT_B)),
        new Died(id("0043"), of(2026, 3, 1), at("2026-03-01T08:00:00Z"), NURSE, Subject.mother()),
        new Voided(id("0044"), of(2025, 9, 11), at("2025-09-11T08:00:00Z"), NURSE, id("0013"),
            "entered twice: same sample as emr-0012"));
  }

  static EventId id(String n) {
    return EventId.of("emr-" + n);
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
