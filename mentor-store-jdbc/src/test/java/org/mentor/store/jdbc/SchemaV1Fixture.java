package org.mentor.store.jdbc;

import static java.time.LocalDate.of;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Optional;
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
 * What {@code schema-v1-events.ndjson} holds, as the current records: events of every kind, in
 * two cases, as schema version 1 of the public form wrote them. The file is frozen; when a type's
 * form changes, the file stays and the expected record here changes to what the upcaster makes of
 * the old text. Every value is synthetic.
 */
final class SchemaV1Fixture {
  static final String RESOURCE = "schema-v1-events.ndjson";
  static final CaseId MOTHER_CASE = CaseId.of("fixture-v1-a");
  static final CaseId INFANT_CASE = CaseId.of("fixture-v1-b");

  private static final RecordedBy NURSE = new RecordedBy("nurse-03", "clinic-117", "emr-v1");
  private static final InfantId INFANT_A = InfantId.of("3f1c2b7a-9d44-4c1e-8b6a-5e2f7d9c0a13");
  private static final InfantId INFANT_B = InfantId.of("c8e4a1d2-5b3f-4e6a-9c7d-1a2b3c4d5e6f");

  private SchemaV1Fixture() {}

  /** The fixture's events by case, in the order they are stored. */
  static ImmutableMap<CaseId, ImmutableList<PathwayEvent>> events() {
    PillCounted count = new PillCounted(id("a07"), of(2024, 3, 18), at("2024-03-18T10:00:00Z"), NURSE, 30, 5, 28, 1);
    ViralLoadResulted twice = new ViralLoadResulted(id("a11"), of(2024, 5, 13), at("2024-05-20T09:00:00Z"), NURSE,
        of(2024, 5, 20), ViralLoad.notDetected());
    ImmutableList<PathwayEvent> mother = ImmutableList.of(
        new Enrolled(id("a01"), of(2024, 2, 19), at("2024-02-19T08:30:00Z"), NURSE, MotherId.of("fixture-mother-1"),
            new ProtocolRef("WHO_2021", "1"), HivStatus.UNKNOWN, Optional.of(of(2023, 11, 20)), Optional.empty(),
            Optional.empty()),
        new MaternalHivTested(id("a02"), of(2024, 2, 19), at("2024-02-19T08:50:00Z"), NURSE, HivTestResult.POSITIVE),
        new ConsentRecorded(id("a03"), of(2024, 2, 19), at("2024-02-19T09:00:00Z"), NURSE, true, true, false, false),
        new MentorAssigned(id("a04"), of(2024, 2, 19), at("2024-02-19T09:05:00Z"), NURSE, MentorId.of("fixture-mentor")),
        new ArtStarted(id("a05"), of(2024, 2, 19), at("2024-02-19T09:10:00Z"), NURSE, Regimen.TLD),
        new ArvsDispensed(id("a06"), of(2024, 2, 19), at("2024-02-19T09:15:00Z"), NURSE, 30, 30),
        count,
        new Corrected(count.id(), new PillCounted(id("a08"), of(2024, 3, 18), at("2024-03-19T07:45:00Z"), NURSE, 30,
            3, 28, 1)),
        new AppointmentSet(id("a09"), of(2024, 3, 18), at("2024-03-18T10:05:00Z"), NURSE, of(2024, 4, 15),
            AppointmentPurpose.ANTENATAL),
        new ViralLoadResulted(id("a10"), of(2024, 5, 13), at("2024-05-24T11:02:17.250Z"), NURSE, of(2024, 5, 24),
            ViralLoad.copies(1_250)),
        twice,
        new Voided(id("a12"), of(2024, 5, 25), at("2024-05-25T08:00:00Z"), NURSE, twice.id(), "entered twice"),
        new AdherenceCounselled(id("a13"), of(2024, 5, 27), at("2024-05-27T10:00:00Z"), NURSE, CounsellingKind.ENHANCED),
        new MentorVisited(id("a14"), of(2024, 6, 3), at("2024-06-03T15:00:00Z"), NURSE, ContactMode.HOME),
        new TracingAttempted(id("a15"), of(2024, 6, 20), at("2024-06-20T14:00:00Z"), NURSE, ContactMode.PHONE,
            TracingOutcome.REACHED_WILL_RETURN),
        new AppointmentKept(id("a16"), of(2024, 6, 24), at("2024-06-24T09:30:00Z"), NURSE, of(2024, 6, 17)),
        new ReturnedToCare(id("a17"), of(2024, 6, 24), at("2024-06-24T09:31:00Z"), NURSE),
        new RegimenChanged(id("a18"), of(2024, 7, 1), at("2024-07-01T10:00:00Z"), NURSE,
            new Regimen("AZT+3TC+ATV/r", Regimen.DrugClass.PI), RegimenChangeReason.TREATMENT_FAILURE),
        new ProtocolChanged(id("a19"), of(2024, 7, 2), at("2024-07-02T07:00:00Z"), NURSE,
            new ProtocolRef("WHO_2025", "1")));
    ImmutableList<PathwayEvent> infants = ImmutableList.of(
        new Enrolled(id("b01"), of(2024, 1, 8), at("2024-01-08T08:00:00Z"), NURSE, MotherId.of("fixture-mother-2"),
            new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE, Optional.empty(), Optional.of(of(2024, 6, 10)),
            Optional.empty()),
        new TransferredIn(id("b02"), of(2024, 1, 8), at("2024-01-08T08:01:00Z"), NURSE, Subject.mother()),
        new Delivered(id("b03"), of(2024, 6, 7), at("2024-06-07T16:40:00Z"), NURSE, ImmutableList.of(
            Birth.live(INFANT_A, Birth.Sex.FEMALE, 2_600),
            new Birth(INFANT_B, Birth.Sex.UNDETERMINED, Optional.empty(), Birth.Outcome.LIVE_BIRTH))),
        new InfantProphylaxisStarted(id("b04"), of(2024, 6, 7), at("2024-06-07T17:00:00Z"), NURSE, INFANT_A,
            ProphylaxisRegimen.NVP),
        new FeedingRecorded(id("b05"), of(2024, 6, 7), at("2024-06-07T17:05:00Z"), NURSE, INFANT_A,
            FeedingMode.EXCLUSIVE_BREASTFEEDING),
        new InfantHivTested(id("b06"), of(2024, 6, 7), at("2024-06-07T17:10:00Z"), NURSE, INFANT_A, InfantTestType.NAT,
            InfantTestResult.PENDING, Optional.empty()),
        new InfantHivTested(id("b07"), of(2024, 7, 19), at("2024-08-02T09:00:00Z"), NURSE, INFANT_A, InfantTestType.NAT,
            InfantTestResult.NEGATIVE, Optional.of(of(2024, 8, 2))),
        new InfantProphylaxisStopped(id("b08"), of(2024, 7, 19), at("2024-07-19T10:00:00Z"), NURSE, INFANT_A),
        new CotrimoxazoleStarted(id("b09"), of(2024, 7, 19), at("2024-07-19T10:05:00Z"), NURSE, INFANT_A),
        new InfantArtStarted(id("b10"), of(2024, 8, 5), at("2024-08-05T11:00:00Z"), NURSE, INFANT_B),
        new Died(id("b11"), of(2024, 9, 1), at("2024-09-02T08:00:00Z"), NURSE, Subject.infant(INFANT_B)),
        new CotrimoxazoleStopped(id("b12"), of(2025, 12, 8), at("2025-12-08T10:00:00Z"), NURSE, INFANT_A),
        new TransferredOut(id("b13"), of(2026, 1, 5), at("2026-01-05T12:00:00Z"), NURSE, Subject.mother()),
        new Died(id("b14"), of(2026, 2, 1), at("2026-02-01T08:00:00Z"), NURSE, Subject.mother()));
    return ImmutableMap.of(MOTHER_CASE, mother, INFANT_CASE, infants);
  }

  private static EventId id(String n) {
    return EventId.of("fixture-v1-" + n);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
