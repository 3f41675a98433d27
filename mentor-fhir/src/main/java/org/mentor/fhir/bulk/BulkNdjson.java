package org.mentor.fhir.bulk;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.imports.FhirImporter;
import org.mentor.fhir.imports.ImportedCase;
import org.mentor.fhir.mapping.CaseReader;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.mapping.FhirMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FHIR Bulk Data NDJSON for many cases: one stream per resource type (as a {@code $export}
 * manifest lists them), one resource per line, written case by case so memory holds one case at
 * a time; and the way back. References between resources are {@code Type/id} with Mentor's
 * deterministic ids, so the files need no rewriting to be read back or loaded into a server.
 *
 * <p>Immutable and thread-safe (each call has its own writers and readers).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BulkNdjson {
  private static final Logger LOG = LoggerFactory.getLogger(BulkNdjson.class);

  private final FhirMapping mapping;

  public BulkNdjson(FhirMapping mapping) {
    this.mapping = requireNonNull(mapping, "mapping");
  }

  /**
   * Writes cases as NDJSON, one writer per resource type (opened on first use, by the caller's
   * function, for example a file {@code Observation.ndjson} in an export folder).
   *
   * @param cases the cases, streamed, not null
   * @param protocolOf each case's protocol, not null
   * @param asOf the mapping date, not null
   * @param writerFor the writer of a resource type, not null; the caller closes the writers
   * @return the number of resources written per type
   */
  public Map<String, Integer> export(Iterable<CaseFile> cases, Function<CaseFile, Protocol> protocolOf, LocalDate asOf,
      Function<String, Writer> writerFor) {
    IParser parser = mapping.fhirContext().newJsonParser().setPrettyPrint(false);
    Map<String, Writer> writers = new LinkedHashMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    Set<String> staffWritten = new HashSet<>(); // a mentor's resources are shared by her cases: one line each
    try {
      for (CaseFile file : cases) {
        CaseResources resources = mapping.map(file, protocolOf.apply(file), asOf);
        for (Resource r : resources.resources()) {
          if ((r instanceof Practitioner || r instanceof PractitionerRole) && !staffWritten.add(r.fhirType() + "/" + r.getIdElement().getIdPart())) {
            continue;
          }
          Writer w = writers.computeIfAbsent(r.fhirType(), writerFor);
          w.write(parser.encodeResourceToString(r));
          w.write('\n');
          counts.merge(r.fhirType(), 1, Integer::sum);
        }
      }
      for (Writer w : writers.values()) {
        w.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.debug("exported {} resource types", counts.size());
    return counts;
  }

  /**
   * Reads NDJSON streams (one per type, in any order) back into cases, each checked whole.
   *
   * @param streams the streams, not null; the caller closes them
   * @param importer the importer (limits apply per stream), not null
   * @param defaults who and when for resources that do not say, not null
   * @return the cases
   */
  public List<ImportedCase> importCases(List<Reader> streams, FhirImporter importer, CaseReader.Defaults defaults) {
    List<CaseReader.Input> all = new ArrayList<>();
    for (Reader stream : streams) {
      all.addAll(importer.parseNdjson(stream));
    }
    return importer.importCases(all, defaults);
  }
}
