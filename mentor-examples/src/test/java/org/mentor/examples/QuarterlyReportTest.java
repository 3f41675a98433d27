package org.mentor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quarterly-report example and checks its figures against the quarter it records. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuarterlyReportTest {
  @TempDir Path dir;

  private String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new QuarterlyReport().run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Optional.of(dir));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_submitted_quarter_is_reproduced_after_late_entries_and_the_moves_are_explained() {
    String out = run();
    // Submitted: ANC1 in FY2026 Q1 for anc-01..anc-06 = 6; anc-05's status not yet known = 5/6
    // (indicators.md §1 PMTCT_STAT). del-08's infant awaits confirmation: HEI_POS 0 (K4).
    assertThat(out).contains("As submitted: FY2026 Q1 [2025-10-01, 2025-12-31], data cut-off 2026-01-30, "
        + "known at 2026-01-30T12:00:00Z, definitions version 1, 10 cases (WHO_2021@1 10)");
    assertThat(out).contains("  PMTCT_STAT         5/6  83%  KNOWN_POSITIVE 2, NEWLY_TESTED_POSITIVE 1, NEWLY_TESTED_NEGATIVE 2; "
        + "not computed: HIV_STATUS_NOT_ASCERTAINED_AT_ANC1 1");
    assertThat(out).contains("  PMTCT_HEI_POS        0       not computed: CONFIRMATION_PENDING 1");
    // After the late entries (anc-05 positive at ANC1; del-08's confirmatory sample of 2025-12-15
    // positive): 6/6 and one infant identified, confirmed in the quarter by its sample date (K2, K4).
    assertThat(out).contains("  PMTCT_STAT         6/6 100%  KNOWN_POSITIVE 2, NEWLY_TESTED_POSITIVE 2, NEWLY_TESTED_NEGATIVE 2");
    assertThat(out).contains("  PMTCT_HEI_POS        1       AGE_0_TO_2_MONTHS 1, STARTED_ART 1");
    assertThat(out).contains("Reproduced as known at 2026-01-30T12:00:00Z: identical to the submission");
    assertThat(out).contains("PMTCT_STAT: 5/6 -> 6/6\n").contains("PMTCT_HEI_POS: 0 -> 1\n");
    assertThat(out).contains("  PMTCT_STAT anc-05: denominator gaps [MATERNAL_AGE_NOT_HELD, HIV_STATUS_NOT_ASCERTAINED_AT_ANC1] -> "
        + "numerator+denominator [NEWLY_TESTED_POSITIVE] gaps [MATERNAL_AGE_NOT_HELD]; recorded since: MATERNAL_HIV_TESTED dated "
        + "2025-11-19, recorded 2026-02-10T07:00:00Z");
    assertThat(out).contains("-> numerator [AGE_0_TO_2_MONTHS, STARTED_ART]; recorded since: correction of INFANT_HIV_TESTED "
        + "dated 2025-12-15, recorded 2026-02-10T07:00:00Z");
  }

  @Test
  void the_CSV_files_are_written_and_the_extract_holds_no_case_id() throws Exception {
    run();
    String indicators = Files.readString(dir.resolve("indicators-FY2026-Q1.csv"));
    assertThat(indicators).startsWith("indicator,definition_set,definition_version,period,")
        .contains("PMTCT_STAT,PEPFAR MER 2.6.1,1,FY2026 Q1,2025-10-01,2025-12-31,2026-02-12,,WHO_2021@1=6,numerator,,,6");
    for (String file : new String[] {"export-cases.csv", "export-infants.csv", "export-events.csv"}) {
      String text = Files.readString(dir.resolve(file));
      assertThat(text).doesNotContain("anc-0").doesNotContain("del-0").doesNotContain("hei-").doesNotContain("evt-")
          .doesNotContain("clinic-042").doesNotContain("nurse-07").doesNotContain("2025-11-19");
    }
  }
}
