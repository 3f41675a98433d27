package org.mentor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.testing.CaseBuilder;
import org.mentor.fhir.imports.FhirImporter;
import org.mentor.fhir.mapping.CaseReader.Defaults;
import org.mentor.fhir.mapping.FhirMapping;
import org.slf4j.LoggerFactory;

/** Mapping and import of a fixture case, and a refusal, log no identifier, date of birth or result. */
class NoPatientDataInLogsTest {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level level;

  @BeforeEach
  void capture() {
    level = root.getLevel();
    root.setLevel(Level.TRACE); // everything our code could log
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
    root.setLevel(level);
  }

  @Test
  void mapping_and_import_log_no_patient_data() {
    var s6 = Scenarios.all().get("S6");
    CaseBuilder b = s6.builder();
    FhirMapping mapping = Scenarios.mapping();
    FhirImporter importer = new FhirImporter(mapping);
    Defaults defaults = new Defaults(new RecordedBy("u", "f", "s"), Instant.parse("2030-01-01T00:00:00Z"));
    var resources = mapping.map(b.file(), Protocol.who2021(), s6.asOf());
    String json = Scenarios.FHIR.newJsonParser().encodeResourceToString(mapping.transaction(resources));
    importer.importInto(CaseRegistry.builder().build(), b.caseId(), importer.parse(json), defaults);
    try {
      importer.importInto(CaseRegistry.builder().build(), b.caseId(), importer.parse(json.replace("\"value\":24000", "\"value\":-24000")), defaults);
    } catch (InvalidFhirException expected) {
      assertThat(expected.getMessage()).doesNotContain("24000");
    }
    List<String> ours = logs.list.stream().filter(e -> e.getLoggerName().startsWith("org.mentor")).map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(ours).isNotEmpty(); // the capture works: counts and rule ids are logged
    for (String message : ours) {
      assertThat(message).doesNotContain(b.motherId().value()).doesNotContain(b.infantA().toString())
          .doesNotContain("2025-05-20") // the infant's date of birth
          .doesNotContain("24000").doesNotContain("24 000").doesNotContain(b.caseId().value() + "/");
    }
  }
}
