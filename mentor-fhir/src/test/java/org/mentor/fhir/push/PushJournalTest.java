package org.mentor.fhir.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentor.core.CaseId;

/** The journals' records of cases and of shared resources, and the file journal's survival of a crash. */
class PushJournalTest {
  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "b".repeat(64);
  private static final String ROLE = "PractitionerRole/0b7f2d3e-6a51-3c55-9a36-1f5a1c2e9d40";

  @Test
  void a_shared_resource_s_confirmed_hash_survives_reopening_and_compaction(@TempDir Path dir) {
    Path file = dir.resolve("j");
    try (FilePushJournal journal = FilePushJournal.open(file)) {
      assertThat(journal.confirmedShared(ROLE)).isEmpty();
      journal.confirmShared(ROLE, HASH_A);
      journal.confirmShared(ROLE, HASH_B); // a later confirmation replaces the earlier
      journal.confirm(CaseId.of("c/1"), new PushRecord(3, LocalDate.of(2026, 1, 10), HASH_A));
    }
    try (FilePushJournal reopened = FilePushJournal.open(file)) {
      assertThat(reopened.confirmedShared(ROLE)).contains(HASH_B);
      assertThat(reopened.confirmed(CaseId.of("c/1"))).contains(new PushRecord(3, LocalDate.of(2026, 1, 10), HASH_A));
    }
    try (FilePushJournal again = FilePushJournal.open(file)) { // compacted once already: still there
      assertThat(again.confirmedShared(ROLE)).contains(HASH_B);
    }
  }

  @Test
  void a_line_cut_short_by_a_crash_is_ignored_and_a_malformed_one_is_refused_by_number(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("j");
    Files.writeString(file, "R\t" + ROLE.replace("/", "%2F") + "\t" + HASH_A + "\nR\tPractitioner%2Fx\t" + HASH_B.substring(0, 20),
        StandardCharsets.UTF_8);
    try (FilePushJournal journal = FilePushJournal.open(file)) {
      assertThat(journal.confirmedShared(ROLE)).contains(HASH_A);
      assertThat(journal.confirmedShared("Practitioner/x")).isEmpty();
    }
    Files.writeString(file, "R\tPractitioner%2Fx\tnot-a-hash\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FilePushJournal.open(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void a_hash_that_is_not_sha256_hex_is_refused(@TempDir Path dir) {
    InMemoryPushJournal memory = new InMemoryPushJournal();
    assertThatThrownBy(() -> memory.confirmShared(ROLE, "ABC")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contentHash");
    assertThat(memory.confirmedShared(ROLE)).isEmpty();
    try (FilePushJournal file = FilePushJournal.open(dir.resolve("j"))) {
      assertThatThrownBy(() -> file.confirmShared(ROLE, "ABC")).isInstanceOf(IllegalArgumentException.class);
      assertThat(file.confirmedShared(ROLE)).isEmpty();
    }
  }
}
