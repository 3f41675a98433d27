package org.mentor.examples.cli;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.time.ZoneId;
import org.mentor.fhir.mapping.FhirMapping;
import picocli.CommandLine.Option;

/**
 * The FHIR mapping's settings that fix Mentor's identities on a server: the programme's base URI
 * and the system of the mother's identifier. {@code fhir export}, {@code push} and {@code pull} take
 * the same, so a pull finds what a push wrote (docs/fhir-sync.md, "What an integrator configures").
 */
final class MappingOptions {
  @Option(names = "--base", paramLabel = "URI", defaultValue = "https://fhir.example.org/mentor",
      description = "The programme's base URI for Mentor's identifier systems and extensions, a domain it owns; "
          + "never change it for a server that holds data (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--mother-system", paramLabel = "URI",
      description = "The identifier system of the mother's id, as the EMR and the labs name her on the server "
          + "(such as a national id's; default: BASE/sid/mother).")
  String motherSystem;

  /**
   * The mapping.
   *
   * @param zone the programme's time zone
   * @return the mapping
   * @throws BadUsage if a URI is not absolute
   */
  FhirMapping mapping(ZoneId zone) {
    if (!absolute(base) || base.endsWith("/")) {
      throw new BadUsage("--base: '" + base + "' is not an absolute URI without a trailing slash");
    }
    FhirMapping.Builder builder = FhirMapping.builder(FhirContext.forR4Cached(), base).zone(zone);
    if (motherSystem != null) {
      if (!absolute(motherSystem)) {
        throw new BadUsage("--mother-system: '" + motherSystem + "' is not an absolute URI");
      }
      builder.motherIdentifierSystem(motherSystem);
    }
    return builder.build();
  }

  private static boolean absolute(String uri) {
    try {
      return URI.create(uri).isAbsolute();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
