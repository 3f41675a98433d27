package org.mentor.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code mentor-examples/samples/clinic.ndjson}, the file docs/cli.md runs against, is the
 * {@link CliFixture}. Regenerate it with
 * {@code mvn -pl mentor-examples test -Dtest=CliSampleTest -Dmentor.docs.regenerate=true}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CliSampleTest {
  static final Path SAMPLE = Path.of("samples", "clinic.ndjson");

  @Test
  void the_committed_sample_is_the_fixture() throws IOException {
    String fixture = CliFixture.ndjson();
    if (Boolean.getBoolean("mentor.docs.regenerate")) {
      Files.writeString(SAMPLE, fixture, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(SAMPLE, StandardCharsets.UTF_8))
        .as("samples/clinic.ndjson is stale: regenerate it (see this test's javadoc)")
        .isEqualTo(fixture);
  }
}
