package org.mentor.examples;

import static java.time.LocalDate.of;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MotherId;
import org.mentor.core.export.ExportedCohort;
import org.mentor.core.export.ResearchExport;
import org.mentor.core.indicators.IndicatorReport;
import org.mentor.core.indicators.IndicatorResult;
import org.mentor.core.indicators.Indicators;
import org.mentor.core.indicators.ReportDiff;
import org.mentor.core.indicators.ReportRequest;
import org.mentor.core.indicators.ReportingPeriod;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.CotrimoxazoleStarted;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.InfantArtStarted;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseRegistry;

/**
 * A programme manager's quarter: the FY2026 Q1 PMTCT indicators are computed and submitted on
 * 30 January 2026; on 10 February two entries for the quarter arrive late (a woman's ANC1 test and
 * an infant's confirmatory result). The current figure changes, the submitted one is reproduced
 * exactly from {@code knownAsOf}, the difference is explained case by case, the report is written
 * as CSV, and a de-identified research extract is made. Every case is synthetic.
 *
 * <p>Run it with its test ({@code QuarterlyReportTest}), or after building, with
 * {@code java -cp <classpath> org.mentor.examples.QuarterlyReport [directory for the CSV files]}.
 */
public final class QuarterlyReport {
  /** The quarter reported. */
  static final ReportingPeriod QUARTER = ReportingPeriod.fiscalQuarter(2026, 1);
  /** The data cut-off and submission: 30 January 2026, 15:00 in Nairobi. */
  static final LocalDate SUBMITTED_ON = of(2026, 1, 30);
  static final Instant SUBMITTED_AT = Instant.parse("2026-01-30T12:00:00Z");
  /** Today for the example: the late entries arrived two days ago. */
  static final LocalDate TODAY = of(2026, 2, 12);
  private static final Instant LATE = Instant.parse("2026-02-10T07:00:00Z");

  private static final RecordedBy CLINIC = new RecordedBy("nurse-07", "clinic-042", "example-emr");
  private static final ProtocolRef WHO = new ProtocolRef("WHO_2021", "1");
  /** A synthetic key; a programme keeps its own (at least 32 random bytes) out of the code and the export. */
  private static final byte[] EXAMPLE_SECRET = "example-only secret, never use a literal for real data".getBytes(StandardCharsets.UTF_8);

  private final CaseRegistry registry = CaseRegistry.builder()
      .clock(Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(3)), ZoneId.of("Africa/Nairobi")))
      .build();
  private int nextEvent = 1;
  /** The confirmatory sample recorded as pending, whose result arrives late. */
  private EventId confirmatorySample = EventId.of("none-yet");

  /**
   * Runs the example, printing to standard output and writing the CSV files to the directory given.
   *
   * @param args optionally, a directory for {@code indicators-FY2026-Q1.csv} and the export's files
   */
  public static void main(String[] args) {
    new QuarterlyReport().run(System.out, args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty());
  }

  /**
   * Records the quarter, reports it, records the late entries, reports again and explains.
   *
   * @param out where to print, not null
   * @param csvDirectory where to write the CSV files, if anywhere
   */
  public void run(PrintStream out, Optional<Path> csvDirectory) {
    recordTheQuarter();
    IndicatorReport submitted = Indicators.report(registry, ReportRequest.knownAt(QUARTER, SUBMITTED_ON, SUBMITTED_AT));
    print(out, "As submitted", submitted);

    recordTheLateEntries();
    IndicatorReport current = Indicators.report(registry, ReportRequest.current(QUARTER, registry.today()));
    print(out, "Current", current);

    IndicatorReport reproduced = Indicators.report(registry, ReportRequest.knownAt(QUARTER, SUBMITTED_ON, SUBMITTED_AT));
    out.println();
    out.println("Reproduced as known at " + SUBMITTED_AT + ": " + (reproduced.equals(submitted) ? "identical to the submission" : "DIFFERENT"));
    out.println();
    out.println("What moved since the submission, and why:");
    ReportDiff diff = Indicators.diff(registry, submitted, current);
    out.print(diff.describe());

    String csv = current.toCsv();
    ExportedCohort extract = ResearchExport.builder().secret(EXAMPLE_SECRET).study("example-study").build()
        .export(registry, registry.today(), null);
    out.println();
    out.printf("CSV: %d figures; research extract: %d cases, %d infants, %d events (pseudonymised, dates shifted)%n",
        csv.split("\r\n").length - 1, extract.cases().size(), extract.infants().size(), extract.events().size());
    out.print(extract.files().get(ResearchExport.PHASES_TABLE + ".csv").replace("\r\n", "\n"));
    csvDirectory.ifPresent(dir -> write(dir, csv, extract));
  }

  private static void print(PrintStream out, String title, IndicatorReport report) {
    ReportRequest request = report.request();
    out.println();
    out.printf("%s: %s, data cut-off %s%s, definitions version %s, %d cases (%s)%n", title, request.period(),
        request.evaluatedOn(), request.knownAsOf().map(i -> ", known at " + i).orElse(""), report.definitionVersion(),
        report.casesEvaluated(), report.protocols().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    for (IndicatorResult result : report.results().values()) {
      String figure = result.numerator() + result.denominator().map(d -> "/" + d).orElse("");
      String share = result.proportion().map(p -> String.format(Locale.ROOT, "%3.0f%%", 100 * p)).orElse("    ");
      String strata = result.strata().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
      String gaps = result.notComputed().entrySet().stream().filter(e -> !e.getKey().name().equals("MATERNAL_AGE_NOT_HELD"))
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
      String line = String.format(Locale.ROOT, "  %-15s %6s %s  %s%s", result.indicator().code(), figure, share, strata,
          gaps.isEmpty() ? "" : (strata.isEmpty() ? "" : "; ") + "not computed: " + gaps);
      out.println(line.stripTrailing());
    }
  }

  private static void write(Path dir, String csv, ExportedCohort extract) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("indicators-FY2026-Q1.csv"), csv);
      for (var file : extract.files().entrySet()) {
        Files.writeString(dir.resolve("export-" + file.getKey()), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- the quarter as the clinic recorded it ------------------------------------------------

  private void recordTheQuarter() {
    // Antenatal: six first visits in the quarter.
    enrol("anc-01", of(2025, 10, 6), HivStatus.POSITIVE, of(2025, 7, 7));
    record("anc-01", new ArtStarted(id(), of(2022, 3, 14), at(of(2025, 10, 6)), CLINIC, Regimen.TLD));
    enrol("anc-02", of(2025, 10, 14), HivStatus.POSITIVE, of(2025, 7, 21));
    record("anc-02", new MaternalHivTested(id(), of(2025, 10, 14), at(of(2025, 10, 14)), CLINIC, HivTestResult.POSITIVE));
    record("anc-02", new ArtStarted(id(), of(2025, 10, 14), at(of(2025, 10, 14)), CLINIC, Regimen.TLD));
    enrol("anc-03", of(2025, 10, 22), HivStatus.NEGATIVE, of(2025, 8, 4));
    record("anc-03", new MaternalHivTested(id(), of(2025, 10, 22), at(of(2025, 10, 22)), CLINIC, HivTestResult.NEGATIVE));
    enrol("anc-04", of(2025, 11, 5), HivStatus.NEGATIVE, of(2025, 8, 11));
    record("anc-04", new MaternalHivTested(id(), of(2025, 11, 5), at(of(2025, 11, 5)), CLINIC, HivTestResult.NEGATIVE));
    record("anc-04", new MaternalHivTested(id(), of(2026, 1, 14), at(of(2026, 1, 14)), CLINIC, HivTestResult.NEGATIVE));
    enrol("anc-05", of(2025, 11, 19), HivStatus.UNKNOWN, of(2025, 8, 25)); // her test is entered late
    enrol("anc-06", of(2025, 12, 3), HivStatus.POSITIVE, of(2025, 9, 1));
    record("anc-06", new ArtStarted(id(), of(2025, 12, 3), at(of(2025, 12, 3)), CLINIC, Regimen.TLD));

    // Deliveries in the quarter.
    enrol("del-07", of(2025, 4, 14), HivStatus.POSITIVE, of(2025, 1, 21));
    record("del-07", new ArtStarted(id(), of(2025, 4, 14), at(of(2025, 4, 14)), CLINIC, Regimen.TLD));
    InfantId infant7 = infant("del-07");
    record("del-07", delivered(of(2025, 10, 28), infant7));
    record("del-07", new ViralLoadResulted(id(), of(2025, 10, 28), at(of(2025, 11, 4)), CLINIC, of(2025, 11, 4), ViralLoad.belowLimit(50)));
    birthCare("del-07", infant7, of(2025, 10, 28));
    record("del-07", nat(infant7, of(2025, 10, 28), Optional.of(of(2025, 11, 4)), InfantTestResult.NEGATIVE));
    record("del-07", new CotrimoxazoleStarted(id(), of(2025, 12, 9), at(of(2025, 12, 9)), CLINIC, infant7));

    enrol("del-08", of(2025, 5, 19), HivStatus.POSITIVE, of(2025, 2, 10));
    record("del-08", new ArtStarted(id(), of(2025, 5, 19), at(of(2025, 5, 19)), CLINIC, Regimen.TLD));
    InfantId infant8 = infant("del-08");
    record("del-08", delivered(of(2025, 11, 17), infant8));
    record("del-08", new ViralLoadResulted(id(), of(2025, 11, 17), at(of(2025, 11, 24)), CLINIC, of(2025, 11, 24), ViralLoad.copies(2_400)));
    birthCare("del-08", infant8, of(2025, 11, 17));
    record("del-08", nat(infant8, of(2025, 12, 2), Optional.of(of(2025, 12, 12)), InfantTestResult.POSITIVE));
    record("del-08", new InfantArtStarted(id(), of(2025, 12, 12), at(of(2025, 12, 12)), CLINIC, infant8));
    InfantHivTested confirmatory = nat(infant8, of(2025, 12, 15), Optional.empty(), InfantTestResult.PENDING);
    record("del-08", confirmatory);
    confirmatorySample = confirmatory.id();

    // Infants followed up: first NATs in the quarter, and one that is not a first.
    InfantId infant9 = followed("hei-09", of(2025, 6, 10));
    record("hei-09", nat(infant9, of(2025, 7, 22), Optional.of(of(2025, 8, 1)), InfantTestResult.NEGATIVE));
    record("hei-09", nat(infant9, of(2025, 12, 10), Optional.of(of(2025, 12, 19)), InfantTestResult.NEGATIVE));
    InfantId infant10 = followed("hei-10", of(2025, 9, 2));
    record("hei-10", nat(infant10, of(2025, 10, 14), Optional.of(of(2025, 10, 24)), InfantTestResult.NEGATIVE));
  }

  private void recordTheLateEntries() {
    // anc-05's ANC1 test: positive on 2025-11-19, ART the same day, both entered on 10 February.
    record("anc-05", new MaternalHivTested(id(), of(2025, 11, 19), LATE, CLINIC, HivTestResult.POSITIVE));
    record("anc-05", new ArtStarted(id(), of(2025, 11, 19), LATE, CLINIC, Regimen.TLD));
    // del-08's confirmatory sample of 2025-12-15: positive, resulted 2026-02-09, entered on 10 February.
    record("del-08", new Corrected(confirmatorySample, new InfantHivTested(id(), of(2025, 12, 15), LATE, CLINIC, infant("del-08"),
        InfantTestType.NAT, InfantTestResult.POSITIVE, Optional.of(of(2026, 2, 9)))));
  }

  // --- building synthetic events ----------------------------------------------------------------

  private void enrol(String caseId, LocalDate anc1, HivStatus status, LocalDate lmp) {
    registry.enrol(CaseId.of(caseId), new Enrolled(id(), anc1, at(anc1), CLINIC, MotherId.of("mother-" + caseId), WHO, status,
        Optional.of(lmp), Optional.empty(), Optional.empty()));
  }

  private InfantId followed(String caseId, LocalDate born) {
    LocalDate lmp = born.minusDays(280);
    enrol(caseId, lmp.plusWeeks(14), HivStatus.POSITIVE, lmp);
    record(caseId, new ArtStarted(id(), lmp.plusWeeks(14), at(lmp.plusWeeks(14)), CLINIC, Regimen.TLD));
    InfantId infant = infant(caseId);
    record(caseId, delivered(born, infant));
    birthCare(caseId, infant, born);
    return infant;
  }

  private void birthCare(String caseId, InfantId infant, LocalDate born) {
    record(caseId, new FeedingRecorded(id(), born, at(born), CLINIC, infant, FeedingMode.EXCLUSIVE_BREASTFEEDING));
    record(caseId, new InfantProphylaxisStarted(id(), born, at(born), CLINIC, infant, ProphylaxisRegimen.NVP));
  }

  private void record(String caseId, PathwayEvent event) {
    registry.record(CaseId.of(caseId), event);
  }

  private Delivered delivered(LocalDate on, InfantId infant) {
    return new Delivered(id(), on, at(on), CLINIC, ImmutableList.of(Birth.live(infant, Birth.Sex.FEMALE, 3_000)));
  }

  private InfantHivTested nat(InfantId infant, LocalDate sample, Optional<LocalDate> resulted, InfantTestResult result) {
    return new InfantHivTested(id(), sample, at(resulted.orElse(sample)), CLINIC, infant, InfantTestType.NAT, result, resulted);
  }

  private static InfantId infant(String caseId) {
    return new InfantId(UUID.nameUUIDFromBytes(("infant-of-" + caseId).getBytes(StandardCharsets.UTF_8)));
  }

  private EventId id() {
    return EventId.of("evt-" + nextEvent++);
  }

  private static Instant at(LocalDate day) {
    return day.atTime(15, 0).toInstant(ZoneOffset.ofHours(3));
  }
}
