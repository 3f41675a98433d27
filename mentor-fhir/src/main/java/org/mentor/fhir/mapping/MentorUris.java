package org.mentor.fhir.mapping;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import org.apiguardian.api.API;

/**
 * Every system and extension URI Mentor defines, derived from one base that a programme sets to
 * a domain it owns (shared/fhir/MAPPING.md §4; DESIGN.md §4). Nothing else in the module spells a
 * Mentor URI.
 *
 * <p>Immutable and thread-safe.
 *
 * @param base the programme's base, an absolute {@code https:}, {@code http:} or {@code urn:} URI without a trailing slash
 * @param motherSystem the system of the mother's identifier (her {@code MotherId}); a programme whose
 *     mother ids are national ids sets the national system here
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MentorUris(String base, String motherSystem) {
  public MentorUris {
    requireNonNull(base, "base");
    requireNonNull(motherSystem, "motherSystem");
    checkArgument(!base.endsWith("/") && URI.create(base).isAbsolute(), "the base is an absolute URI without a trailing slash");
    checkArgument(URI.create(motherSystem).isAbsolute(), "the mother's identifier system is an absolute URI");
  }

  /** The URIs under a base, with the mother's identifier system under it too. */
  public static MentorUris under(String base) {
    return new MentorUris(base, base + "/sid/mother");
  }

  /** The system of case identifiers (EpisodeOfCare, CarePlan). */
  public String caseSystem() {
    return base + "/sid/case";
  }

  /** The system of event identifiers: {@code <case>/<root event id>}. */
  public String eventSystem() {
    return base + "/sid/event";
  }

  /** The system of milestone identifiers: {@code <case>/<milestone key>}. */
  public String milestoneSystem() {
    return base + "/sid/milestone";
  }

  /** The system of derived resources (plans, conditions, links): {@code <case>/<what>}. */
  public String derivedSystem() {
    return base + "/sid/derived";
  }

  /** The system of infant identifiers (the infant's UUID). */
  public String infantSystem() {
    return base + "/sid/infant";
  }

  /** The system of mentor identifiers. */
  public String mentorSystem() {
    return base + "/sid/mentor";
  }

  /** The system of recording users (staff ids, never patients'). */
  public String userSystem() {
    return base + "/sid/user";
  }

  /** The system of facility codes. */
  public String facilitySystem() {
    return base + "/sid/facility";
  }

  /** The system of source systems (the EMR that captured an event). */
  public String sourceSystemSystem() {
    return base + "/sid/source-system";
  }

  /** A Mentor code system, such as {@code event-kind}. */
  public String codeSystem(String name) {
    return base + "/CodeSystem/" + name;
  }

  /** A Mentor extension, such as {@code recorded-at}. */
  public String extension(String name) {
    return base + "/StructureDefinition/" + name;
  }
}
