package org.mentor.examples.demo;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a FHIR server holds, checked against what the mapping produced: for each resource type, the
 * server's own count, every resource read back page by page, how many of those share a business
 * identifier with another (a duplicate), and how many carry both HIV security labels, the
 * confidentiality {@code R} and the sensitivity {@code HIV}.
 *
 * @param byType the check per resource type, by type name
 */
public record ServerCheck(ImmutableSortedMap<String, TypeCheck> byType) {
  /** HL7 v3 Confidentiality, the system of the {@code R} label. */
  static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  /** HL7 v3 ActCode, the system of the {@code HIV} label. */
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final int PAGE = 500;

  public ServerCheck {
    byType = ImmutableSortedMap.copyOf(byType);
  }

  /**
   * One resource type.
   *
   * @param type the resource type
   * @param mapped how many the mapping produced for the cases (shared resources once)
   * @param counted the server's count ({@code _summary=count})
   * @param readBack the resources read back, following the search's pages
   * @param duplicates resources read back whose business identifiers another one read back also has; for a type
   *     without identifiers (Provenance), whose content another one also has
   * @param labelled resources read back carrying both labels
   */
  public record TypeCheck(String type, int mapped, int counted, int readBack, int duplicates, int labelled) {
    /** Whether the server holds exactly what was mapped: same counts, no duplicate, every resource labelled. */
    public boolean agrees() {
      return mapped == counted && counted == readBack && duplicates == 0 && labelled == readBack;
    }
  }

  /** Whether every type agrees (and the server holds no type the mapping did not produce). */
  public boolean agrees() {
    return byType.values().stream().allMatch(TypeCheck::agrees);
  }

  /** The sum of a column. */
  public int total(java.util.function.ToIntFunction<TypeCheck> column) {
    return byType.values().stream().mapToInt(column).sum();
  }

  /**
   * Checks a server.
   *
   * @param client a client of the server, not null
   * @param mapped how many resources of each type the mapping produced, not null
   * @param otherTypes further types to count on the server (expected to hold none), not null
   * @return the check
   */
  public static ServerCheck run(IGenericClient client, Map<String, Integer> mapped, Set<String> otherTypes) {
    requireNonNull(client, "client");
    Set<String> types = new HashSet<>(mapped.keySet());
    types.addAll(otherTypes);
    ImmutableSortedMap.Builder<String, TypeCheck> checks = ImmutableSortedMap.naturalOrder();
    FhirContext fhir = client.getFhirContext();
    for (String type : types) {
      Bundle count = client.search().forResource(type).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute();
      List<Resource> all = new ArrayList<>();
      // Only what the check reads, for types with business identifiers: their identifiers and labels.
      boolean identified = fhir.getResourceDefinition(type).getChildByName("identifier") != null;
      var search = client.search().forResource(type).count(PAGE).returnBundle(Bundle.class);
      Bundle page = (identified ? search.elementsSubset("identifier", "meta") : search).execute();
      while (true) {
        page.getEntry().forEach(e -> all.add(e.getResource()));
        if (page.getLink(Bundle.LINK_NEXT) == null) {
          break;
        }
        page = client.loadPage().next(page).execute();
      }
      Set<String> keys = new HashSet<>();
      int duplicates = 0;
      int labelled = 0;
      for (Resource r : all) {
        if (!keys.add(key(fhir, r))) {
          duplicates++;
        }
        if (labelled(r)) {
          labelled++;
        }
      }
      checks.put(type, new TypeCheck(type, mapped.getOrDefault(type, 0), count.getTotal(), all.size(), duplicates, labelled));
    }
    return new ServerCheck(checks.build());
  }

  /** A resource's business identity: its identifiers, or for a type without any its content without server ids. */
  private static String key(FhirContext fhir, Resource r) {
    boolean identified = fhir.getResourceDefinition(r).getChildByName("identifier") != null;
    List<Identifier> identifiers = identified ? fhir.newTerser().getValues(r, r.fhirType() + ".identifier", Identifier.class)
        : List.of();
    if (!identifiers.isEmpty()) {
      return identifiers.stream().map(i -> i.getSystem() + "|" + i.getValue()).sorted().collect(Collectors.joining(","));
    }
    Resource copy = r.copy();
    copy.setIdElement(null);
    copy.setMeta(null);
    return fhir.newJsonParser().encodeResourceToString(copy);
  }

  private static boolean labelled(Resource r) {
    boolean restricted = false;
    boolean hiv = false;
    for (Coding c : r.getMeta().getSecurity()) {
      restricted |= CONFIDENTIALITY.equals(c.getSystem()) && "R".equals(c.getCode());
      hiv |= ACT_CODE.equals(c.getSystem()) && "HIV".equals(c.getCode());
    }
    return restricted && hiv;
  }
}
