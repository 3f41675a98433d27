package org.mentor.fhir;

import static java.time.LocalDate.of;
import static org.mentor.core.testing.CaseBuilder.aCase;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.mapping.FhirMapping;

/**
 * The worked cases of shared/clinical/scenarios.md (S1–S10), built as the core's scenario tests
 * build them, each with the date the test maps it at. Synthetic throughout.
 */
public final class Scenarios {
  /** One FhirContext for every test (expensive to create; thread-safe). */
  public static final FhirContext FHIR = FhirContext.forR4Cached();
  public static final String BASE = "https://fhir.example.org/mentor";

  private Scenarios() {}

  public static FhirMapping mapping() {
    return FhirMapping.builder(FHIR, BASE).build();
  }

  /** A scenario's case and the date it is mapped at (after its last fact). */
  public record Scenario(String name, CaseBuilder builder, LocalDate asOf) {}

  public static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    add(all, "S1", aCase("s1").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28))
        .hivTest(of(2025, 4, 28), HivTestResult.POSITIVE).startedArt(of(2025, 4, 28))
        .viralLoad(of(2025, 7, 28), ViralLoad.copies(45)).viralLoad(of(2025, 9, 3), ViralLoad.notDetected())
        .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10))
        .nat(of(2025, 11, 21), InfantTestResult.NEGATIVE).nat(of(2026, 7, 10), InfantTestResult.NEGATIVE)
        .breastfeedingStopped(of(2026, 10, 10)).antibody(of(2027, 4, 10), InfantTestResult.NEGATIVE), of(2027, 5, 1));
    add(all, "S2", aCase("s2").lmp(of(2025, 2, 3)).enrolledAtAnc(of(2025, 4, 7)).startedArt(of(2021, 3, 15))
        .viralLoad(of(2025, 4, 7), ViralLoad.belowLimit(50)).viralLoad(of(2025, 10, 6), ViralLoad.belowLimit(50))
        .delivered(of(2025, 11, 5)).replacementFed().prophylaxisStarted(of(2025, 11, 5)), of(2025, 12, 20));
    add(all, "S3", aCase("s3").lmp(of(2025, 3, 3)).enrolledAtAnc(of(2025, 10, 27))
        .startedArt(of(2025, 10, 27)).delivered(of(2025, 11, 22)).breastfed().prophylaxisStarted(of(2025, 11, 22))
        .viralLoad(of(2025, 11, 22), of(2025, 11, 29), ViralLoad.copies(2400)), of(2026, 1, 10));
    add(all, "S4", aCase("s4").lmp(of(2025, 2, 10)).enrolledAtAnc(of(2025, 5, 5)).startedArt(of(2025, 5, 5))
        .viralLoad(of(2025, 8, 5), ViralLoad.copies(180)).viralLoad(of(2025, 10, 22), ViralLoad.copies(15_400))
        .delivered(of(2025, 11, 10)).breastfed().prophylaxisStarted(of(2025, 11, 10))
        .viralLoad(of(2026, 1, 22), ViralLoad.belowLimit(50)), of(2026, 2, 1));
    add(all, "S5", aCase("s5").lmp(of(2025, 1, 13)).enrolledAtAnc(of(2025, 6, 2)).startedArt(of(2025, 6, 2))
        .delivered(of(2025, 8, 18)).breastfed().prophylaxisStarted(of(2025, 8, 18))
        .viralLoad(of(2025, 8, 18), of(2025, 8, 25), ViralLoad.copies(60)), of(2025, 10, 1));
    add(all, "S6", aCase("s6").enrolledAtAnc(of(2024, 11, 4)).startedArt(of(2024, 11, 4))
        .delivered(of(2025, 5, 20)).breastfed().prophylaxisStarted(of(2025, 5, 20))
        .nat(of(2025, 7, 1), InfantTestResult.NEGATIVE)
        .kept(of(2025, 8, 11), of(2025, 8, 11)).appointment(of(2025, 8, 11), of(2025, 9, 8))
        .traced(of(2025, 9, 10), ContactMode.PHONE, TracingOutcome.NOT_REACHED)
        .traced(of(2025, 9, 15), ContactMode.HOME, TracingOutcome.NOT_LOCATED)
        .returned(of(2025, 11, 3)).viralLoad(of(2025, 11, 3), of(2025, 11, 10), ViralLoad.copies(24_000))
        .consent(of(2024, 11, 4), true, true, false).mentor(of(2024, 11, 4), "mentor-7").mentorVisit(of(2024, 12, 2))
        .enhancedCounselling(of(2025, 11, 10)).dispensed(of(2025, 8, 11), 90, 90).pillCount(of(2025, 11, 3), 90, 40, 84),
        of(2025, 11, 20));
    add(all, "S7", aCase("s7").lmp(of(2024, 12, 16)).enrolledAtAnc(of(2025, 7, 14)).startedArt(of(2025, 7, 14))
        .viralLoad(of(2025, 8, 18), ViralLoad.copies(850)).delivered(of(2025, 9, 22)).breastfed()
        .viralLoad(of(2025, 9, 22), ViralLoad.belowLimit(50)).prophylaxisStarted(of(2025, 9, 22))
        .nat(of(2025, 11, 3), of(2025, 11, 17), InfantTestResult.POSITIVE).infantArt(of(2025, 11, 17))
        .nat(of(2025, 11, 17), of(2025, 12, 1), InfantTestResult.POSITIVE), of(2025, 12, 10));
    add(all, "S8", aCase("s8").lmp(of(2024, 9, 2)).enrolledAtAnc(of(2024, 11, 25), HivStatus.NEGATIVE)
        .hivTest(of(2025, 4, 14), HivTestResult.NEGATIVE).delivered(of(2025, 6, 6)).breastfed()
        .hivTest(of(2025, 9, 12), HivTestResult.POSITIVE).startedArt(of(2025, 9, 12))
        .prophylaxisStarted(of(2025, 9, 12)).nat(of(2025, 9, 12), InfantTestResult.NEGATIVE).cotrimoxazole(of(2025, 9, 12)), of(2025, 10, 1));
    add(all, "S9", aCase("s9").enrolledAtAnc(of(2024, 9, 1)).startedArt(of(2022, 5, 1))
        .delivered(of(2025, 3, 3)).breastfed().prophylaxisStarted(of(2025, 3, 3))
        .nat(of(2025, 4, 14), InfantTestResult.NEGATIVE).nat(of(2025, 12, 3), InfantTestResult.NEGATIVE)
        .breastfeedingStopped(of(2026, 5, 3)).antibody(of(2026, 9, 3), InfantTestResult.NEGATIVE), of(2026, 9, 10));
    CaseBuilder s10 = aCase("s10").lmp(of(2024, 10, 18)).enrolledAtAnc(of(2024, 12, 27)).startedArt(of(2023, 6, 1))
        .viralLoad(of(2024, 12, 27), ViralLoad.belowLimit(50)).viralLoad(of(2025, 6, 14), ViralLoad.belowLimit(50))
        .deliveredTwins(of(2025, 6, 30)).breastfed().prophylaxisStarted(of(2025, 6, 30));
    s10.infantDied(s10.infantB(), of(2025, 9, 15));
    add(all, "S10", s10, of(2025, 10, 1));
    return all;
  }

  private static void add(Map<String, Scenario> all, String name, CaseBuilder builder, LocalDate asOf) {
    all.put(name, new Scenario(name, builder, asOf));
  }
}
