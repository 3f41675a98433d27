package org.mentor.examples;

import static java.time.LocalDate.of;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.store.jdbc.JdbcCaseStore;

/**
 * Cases kept in a database survive a restart: a registry on an H2 file (the embedded default; an
 * EMR on PostgreSQL passes its own {@code DataSource} instead) records a case, and a second
 * registry built on the same file, as after a restart, holds it. The README shows the three
 * configuring lines; a test checks that it shows exactly these and runs the example.
 */
public final class JdbcStoreExample {
  private JdbcStoreExample() {}

  /**
   * Runs the example in a directory.
   *
   * @param directory where the database file goes
   * @param out where to print
   * @return the case's state as the restarted registry sees it
   */
  public static CaseState run(Path directory, PrintStream out) {
    // readme:begin
    JdbcConnectionPool dataSource = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("mentor"), "sa", "");
    CaseRegistry registry = CaseRegistry.builder()
        .store(JdbcCaseStore.create(dataSource)).build();      // creates or upgrades the tables, loads every case
    // readme:end
    try {
      RecordedBy nurse = new RecordedBy("nurse-07", "clinic-042", "my-emr");
      CaseId caseId = CaseId.of("case-001");
      registry.enrol(caseId, new Enrolled(EventId.of("emr-1"), of(2025, 4, 28), Instant.parse("2025-04-28T09:30:00Z"),
          nurse, MotherId.of("mother-001"), new ProtocolRef("WHO_2021", "1"), HivStatus.POSITIVE,
          Optional.of(of(2025, 1, 6)), Optional.empty(), Optional.empty()));
      registry.record(caseId, new ArtStarted(EventId.of("emr-2"), of(2025, 4, 28), Instant.parse("2025-04-28T10:15:00Z"),
          nurse, Regimen.TLD));
      registry.record(caseId, new ViralLoadResulted(EventId.of("emr-3"), of(2025, 7, 28),
          Instant.parse("2025-08-04T11:00:00Z"), nurse, of(2025, 8, 4), ViralLoad.copies(2_400)));
      out.println("recorded " + registry.file(caseId).version() + " events in " + directory.resolve("mentor.mv.db"));

      CaseRegistry restarted = CaseRegistry.builder().store(JdbcCaseStore.create(dataSource)).build();
      CaseState state = restarted.state(caseId, of(2025, 8, 20));
      out.println("after a restart: " + restarted.size() + " case, version " + restarted.file(caseId).version()
          + ", viral load " + state.mother().viralLoadStatus());
      return state;
    } finally {
      dataSource.dispose();
    }
  }

  /**
   * Runs the example in the directory given, or in a new temporary one.
   *
   * @param args an optional directory
   * @throws IOException if the temporary directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    Path directory = args.length > 0 ? Path.of(args[0]).toAbsolutePath() : Files.createTempDirectory("mentor-jdbc-example");
    run(directory, System.out);
  }
}
