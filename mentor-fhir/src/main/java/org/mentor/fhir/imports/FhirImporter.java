package org.mentor.fhir.imports;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.core.CaseId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.UnknownCaseException;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.InvalidFhirException;
import org.mentor.fhir.mapping.CaseReader;
import org.mentor.fhir.mapping.CaseReader.Defaults;
import org.mentor.fhir.mapping.CaseReader.Input;
import org.mentor.fhir.mapping.FhirMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports FHIR resources as a case's events, through the core's validation: Bundles (transaction,
 * batch, searchset, collection), single resources and NDJSON, Mentor's own resources and third
 * parties' (a lab's Observation with only a LOINC code, a Patient with only a national id,
 * server-assigned ids). Each case is imported whole or not at all: a refusal names resource,
 * element path and rule, and neither the case file nor the registry changes.
 *
 * <p>Input is parsed strictly (HAPI's {@link StrictErrorHandler}); XML with a DOCTYPE or entity
 * declaration is refused before parsing; input over the configured size is refused. Thread-safe;
 * logs only counts and rule ids.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirImporter {
  private static final Logger LOG = LoggerFactory.getLogger(FhirImporter.class);

  private final FhirMapping mapping;
  private final CaseReader reader;
  private final int maxResources;
  private final long maxChars;

  /**
   * An importer.
   *
   * @param mapping the mapping (its URIs, zone and FhirContext), not null
   * @param maxResources the most resources one input may hold (a bundle's entries, NDJSON lines)
   * @param maxChars the most characters one input may hold
   */
  public FhirImporter(FhirMapping mapping, int maxResources, long maxChars) {
    this.mapping = requireNonNull(mapping, "mapping");
    this.reader = mapping.reader();
    this.maxResources = maxResources;
    this.maxChars = maxChars;
  }

  /** An importer with limits of 10 000 resources and 50 million characters per input. */
  public FhirImporter(FhirMapping mapping) {
    this(mapping, 10_000, 50_000_000L);
  }

  /**
   * Parses a Bundle or a single resource, JSON or XML.
   *
   * @param text the input, not null
   * @return the resources with labels and URLs
   * @throws InvalidFhirException if the input is unreadable, too large, XML with entities, or a bundle of another type
   */
  public List<Input> parse(String text) {
    requireNonNull(text, "text");
    if (text.length() > maxChars) {
      throw new InvalidFhirException("input", "(document)", FhirRule.TOO_LARGE);
    }
    String start = text.stripLeading();
    boolean xml = start.startsWith("<");
    if (xml) {
      String upper = text.toUpperCase(Locale.ROOT);
      if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
        throw new InvalidFhirException("input", "(document)", FhirRule.XML_ENTITY);
      }
    }
    IParser parser = (xml ? mapping.fhirContext().newXmlParser() : mapping.fhirContext().newJsonParser())
        .setParserErrorHandler(new StrictErrorHandler());
    IBaseResource parsed;
    try {
      parsed = parser.parseResource(text);
    } catch (DataFormatException | ClassCastException e) {
      throw new InvalidFhirException("input", "(document)", FhirRule.UNREADABLE);
    }
    return inputs((Resource) parsed);
  }

  /** The resources of a parsed Bundle (or one resource), checked against the size limit and bundle types. */
  public List<Input> inputs(Resource resource) {
    List<Input> inputs = new ArrayList<>();
    if (resource instanceof Bundle bundle) {
      BundleType type = bundle.getType();
      if (type != BundleType.TRANSACTION && type != BundleType.BATCH && type != BundleType.SEARCHSET && type != BundleType.COLLECTION) {
        throw new InvalidFhirException("Bundle", "Bundle.type", FhirRule.BUNDLE_TYPE);
      }
      if (bundle.getEntry().size() > maxResources) {
        throw new InvalidFhirException("Bundle", "Bundle.entry", FhirRule.TOO_LARGE);
      }
      for (int i = 0; i < bundle.getEntry().size(); i++) {
        Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
        if (!entry.hasResource()) {
          if (type == BundleType.SEARCHSET) {
            continue;
          }
          throw new InvalidFhirException("Bundle.entry[" + i + "]", "Bundle.entry.resource", FhirRule.REQUIRED_ELEMENT);
        }
        if (type == BundleType.SEARCHSET && entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME) {
          continue;
        }
        inputs.add(input(entry.getResource(), entry.getResource().fhirType() + "[" + i + "]", entry.getFullUrl()));
      }
    } else {
      inputs.add(input(resource, resource.fhirType() + "[0]", null));
    }
    return inputs;
  }

  private static Input input(Resource resource, String label, String fullUrl) {
    List<String> urls = new ArrayList<>();
    if (fullUrl != null && !fullUrl.isBlank()) {
      urls.add(fullUrl);
    }
    if (resource.getIdElement().getIdPart() != null) {
      urls.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    return new Input(resource, label, urls);
  }

  /**
   * Parses NDJSON (FHIR Bulk Data: one resource per line), streaming line by line.
   *
   * @param ndjson the lines, not null
   * @return the resources
   * @throws InvalidFhirException if a line is unreadable or the input too large
   */
  public List<Input> parseNdjson(Reader ndjson) {
    IParser parser = mapping.fhirContext().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    List<Input> inputs = new ArrayList<>();
    long chars = 0;
    try (BufferedReader lines = new BufferedReader(ndjson)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        chars += line.length() + 1;
        if (chars > maxChars || inputs.size() >= maxResources) {
          throw new InvalidFhirException("line " + number, "(document)", FhirRule.TOO_LARGE);
        }
        if (line.isBlank()) {
          continue;
        }
        Resource resource;
        try {
          resource = (Resource) parser.parseResource(line);
        } catch (DataFormatException | ClassCastException e) {
          throw new InvalidFhirException("line " + number, "(document)", FhirRule.UNREADABLE);
        }
        if (resource instanceof Bundle) {
          throw new InvalidFhirException("line " + number, "Bundle", FhirRule.UNSUPPORTED_RESOURCE);
        }
        inputs.add(input(resource, resource.fhirType() + "[line " + number + "]", null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return inputs;
  }

  /**
   * Reads resources into a case file: Mentor's resources of this case and third-party resources
   * (which the caller attributes to this case by calling this).
   *
   * @param target the case as it is, or {@link CaseFile#empty} for a new case, not null
   * @param inputs the resources, not null
   * @param defaults who and when for resources that do not say, not null
   * @return the case with the imported events
   * @throws InvalidFhirException if any resource is refused; the target is unchanged
   */
  public ImportedCase importCase(CaseFile target, List<Input> inputs, Defaults defaults) {
    try {
      CaseFile file = reader.read(target, inputs, defaults);
      LOG.debug("imported {} resources into a case ({} new events)", inputs.size(), file.version() - target.version());
      return new ImportedCase(file, newEvents(target, file));
    } catch (InvalidFhirException e) {
      LOG.debug("refused FHIR input by rule {}", e.ruleId());
      throw e;
    }
  }

  /**
   * Splits resources by the case their Mentor identifiers name and imports each as a new case
   * (bulk import). Every case is checked before any is returned; resources that name no case are
   * refused ({@link FhirRule#CASE_UNRESOLVED}).
   *
   * @param inputs the resources, not null
   * @param defaults who and when for resources that do not say, not null
   * @return the cases, in the order they first appear
   */
  public ImmutableList<ImportedCase> importCases(List<Input> inputs, Defaults defaults) {
    Map<CaseId, List<Input>> byCase = new LinkedHashMap<>();
    List<Input> shared = new ArrayList<>();
    for (Input input : inputs) {
      CaseReader.Role role = reader.role(input.resource());
      Optional<CaseId> caseId = reader.caseOf(input.resource());
      if (role == CaseReader.Role.EVENT && caseId.isEmpty()) {
        throw new InvalidFhirException(input.label(), input.resource().fhirType() + ".identifier", FhirRule.CASE_UNRESOLVED);
      }
      if (caseId.isPresent()) {
        byCase.computeIfAbsent(caseId.get(), k -> new ArrayList<>()).add(input);
      } else {
        shared.add(input); // Patients, Provenance, derived resources
      }
    }
    ImmutableList.Builder<ImportedCase> cases = ImmutableList.builder();
    for (Map.Entry<CaseId, List<Input>> entry : byCase.entrySet()) {
      List<Input> all = new ArrayList<>(entry.getValue());
      all.addAll(shared.stream().filter(i -> reader.role(i.resource()) != CaseReader.Role.DERIVED).toList());
      cases.add(importCase(CaseFile.empty(entry.getKey()), all, defaults));
    }
    return cases.build();
  }

  /**
   * Imports resources into a case held by a registry (enrolling it when new): validated on a copy
   * first, then recorded as one batch at the version read, so a refusal or a concurrent writer
   * leaves the registry unchanged.
   *
   * @param registry the registry, not null
   * @param caseId the case, not null
   * @param inputs the resources, not null
   * @param defaults who and when for resources that do not say, not null
   * @return the imported case
   * @throws org.mentor.core.VersionConflictException if the case changed while importing; nothing was recorded
   */
  public ImportedCase importInto(CaseRegistry registry, CaseId caseId, List<Input> inputs, Defaults defaults) {
    CaseFile target;
    try {
      target = registry.file(caseId);
    } catch (UnknownCaseException e) {
      target = CaseFile.empty(caseId);
    }
    ImportedCase imported = importCase(target, inputs, defaults);
    List<PathwayEvent> events = imported.newEvents();
    if (events.isEmpty()) {
      return imported;
    }
    long version = target.version();
    if (version == 0 && events.get(0).kind() == EventKind.ENROLLED) {
      version = registry.enrol(caseId, (Enrolled) events.get(0));
      events = events.subList(1, events.size());
    }
    if (!events.isEmpty()) {
      registry.record(caseId, events, version);
    }
    return imported;
  }

  private static ImmutableList<PathwayEvent> newEvents(CaseFile before, CaseFile after) {
    List<PathwayEvent> history = after.history();
    return ImmutableList.copyOf(history.subList(before.history().size(), history.size()));
  }
}
