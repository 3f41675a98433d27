package org.mentor.fhir.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample in {@code docs/fhir-sync.md} is compiled: each fenced {@code java} block must appear, white space
 * aside, in {@link FhirSyncDocExamples}, which the test compiler builds. A sample edited on the page and not in the
 * examples (or the other way round) fails here.
 */
class FhirSyncDocsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void every_java_sample_of_the_sync_page_is_in_the_compiled_examples() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Path doc = (Files.exists(root.resolve("docs")) ? root : root.getParent()).resolve("docs/fhir-sync.md");
    String page = Files.readString(doc, StandardCharsets.UTF_8);
    String examples = squash(Files.readString(Path.of("src/test/java/org/mentor/fhir/docs/FhirSyncDocExamples.java"), StandardCharsets.UTF_8));
    List<String> samples = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(page);
    while (m.find()) {
      samples.add(m.group(1));
    }
    assertThat(samples).as("samples for push, pull, reconcile, auth and the national server").hasSizeGreaterThanOrEqualTo(5);
    for (String sample : samples) {
      assertThat(examples).as("compiled in FhirSyncDocExamples:%n%s", sample).contains(squash(sample));
    }
  }

  private static String squash(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
