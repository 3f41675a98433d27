package org.mentor.fhir.mapping;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Identifier values and resource ids. A value joins the case id and a local part with {@code /};
 * both parts are escaped ({@code %} and {@code /}) so any case or event id round-trips. A
 * resource id is a name-based UUID of the resource type, system and value: deterministic,
 * non-numeric (HAPI's ALPHANUMERIC client-id rule) and 36 characters (FHIR allows 64).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Ids {
  private Ids() {}

  /** {@code <case>/<local>}, escaped. */
  public static String value(String caseId, String local) {
    return escape(caseId) + "/" + escape(local);
  }

  /**
   * Splits a value made by {@link #value}.
   *
   * @return the case id and the local part, or an empty list if the value has another shape
   */
  public static List<String> split(String value) {
    int slash = value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
      return List.of();
    }
    return List.of(unescape(value.substring(0, slash)), unescape(value.substring(slash + 1)));
  }

  /** The deterministic id of a resource with this type and identifier. */
  public static String resourceId(String type, String system, String value) {
    return UUID.nameUUIDFromBytes((type + "|" + system + "|" + value).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace("/", "%2F");
  }

  private static String unescape(String part) {
    return part.replace("%2F", "/").replace("%25", "%");
  }
}
