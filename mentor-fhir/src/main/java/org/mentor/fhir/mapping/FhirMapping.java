package org.mentor.fhir.mapping;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.util.UrlUtil;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Origin;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a case, as of a date, to FHIR R4 resources (shared/fhir/MAPPING.md; docs/fhir-mapping.md
 * is generated from {@link #table()}), and builds the transaction Bundle that writes them.
 *
 * <pre>{@code
 * FhirMapping mapping = FhirMapping.builder(fhirContext, "https://fhir.example.org/mentor").build();
 * CaseResources resources = mapping.map(caseFile, protocol, asOf);
 * Bundle transaction = mapping.transaction(resources);
 * }</pre>
 *
 * <p>Mapping the same case at the same date twice gives equal resources. Every resource carries
 * the HIV security labels. The {@link FhirContext} is the application's (expensive to create,
 * thread-safe); this class never creates one. Thread-safe; logs only counts, never patient data.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirMapping {
  private static final Logger LOG = LoggerFactory.getLogger(FhirMapping.class);

  private final FhirContext fhir;
  private final MentorUris uris;
  private final ZoneId zone;
  private final boolean writePatients;
  private final ImmutableMap<EventKind, EventMapper<?>> mappers;
  private final ImmutableMap<String, EventMapper<?>> mappersByType;

  private FhirMapping(Builder builder) {
    this.fhir = builder.fhir;
    this.uris = builder.motherSystem == null ? MentorUris.under(builder.base) : new MentorUris(builder.base, builder.motherSystem);
    this.zone = builder.zone == null ? ZoneOffset.UTC : builder.zone;
    this.writePatients = builder.writePatients;
    List<EventMapper<?>> all = List.of(new EpisodeOfCareMapper(), new ObservationMapper(), new MedicationStatementMapper(),
        new SmallMappers.Dispense(), new SmallMappers.Counselling(), new SmallMappers.ConsentMapper(), new CareMappers.Assignment(),
        new CareMappers.Encounters(), new CareMappers.Appointments(), new CareMappers.Tracing(), new CareMappers.Basics());
    Map<EventKind, EventMapper<?>> byKind = new LinkedHashMap<>();
    Map<String, EventMapper<?>> byType = new LinkedHashMap<>();
    for (EventMapper<?> mapper : all) {
      mapper.kinds().forEach(kind -> checkState(byKind.put(kind, mapper) == null, "two mappers for %s", kind));
      byType.put(mapper.type, mapper);
    }
    this.mappers = ImmutableMap.copyOf(byKind);
    this.mappersByType = ImmutableMap.copyOf(byType);
  }

  /**
   * A builder.
   *
   * @param fhir the application's R4 context, not null
   * @param base the programme's base URI for every Mentor system and extension (a domain it owns), not null
   * @return the builder
   */
  public static Builder builder(FhirContext fhir, String base) {
    return new Builder(fhir, base);
  }

  /** The URIs in use. */
  public MentorUris uris() {
    return uris;
  }

  /** The programme's time zone (for the few elements that need an instant from a clinic date). */
  public ZoneId zone() {
    return zone;
  }

  /** The application's FHIR context. */
  public FhirContext fhirContext() {
    return fhir;
  }

  /**
   * Maps a case as of a date.
   *
   * @param file the case, enrolled, not null
   * @param protocol the case's protocol, not null
   * @param asOf the date (milestone states, statuses), not null
   * @return the resources
   */
  public CaseResources map(CaseFile file, Protocol protocol, LocalDate asOf) {
    requireNonNull(file, "file");
    requireNonNull(protocol, "protocol");
    requireNonNull(asOf, "asOf");
    CaseState state = file.evaluate(protocol, asOf);
    Schedule schedule = Schedule.of(protocol, file.facts(), state);
    MapContext ctx = new MapContext(uris, zone, file, protocol, state, schedule);
    for (Milestone m : schedule.milestones()) {
      m.satisfiedBy().ifPresent(event -> ctx.requestBySatisfyingEvent.put(event, Derived.requestReference(ctx, m)));
    }
    List<Resource> out = new ArrayList<>();
    Map<String, RecordedBy> recorders = new LinkedHashMap<>();
    Map<String, Instant> recordedAt = new HashMap<>();
    List<Resource> outcomes = new ArrayList<>();
    List<Chain> chains = Chain.of(file);
    for (Chain chain : chains) {
      ownerOf(file, chain).ifPresent(origin -> ctx.ownedElsewhere.put(chain.root(), origin));
    }
    for (Chain chain : chains) {
      if (ctx.ownedElsewhere.containsKey(chain.root())) {
        continue; // another system's record (a lab's result read from the server): never written as Mentor's
      }
      DomainResource resource = write(mappers.get(chain.content().kind()), chain, ctx);
      String ref = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
      recorders.put(ref, chain.content().recordedBy());
      recordedAt.put(ref, chain.content().recordedAt());
      out.add(resource);
      if (chain.content().kind() == EventKind.DELIVERED) {
        outcomes.addAll(CareMappers.Encounters.birthOutcomes(chain, ctx));
      }
    }
    out.addAll(outcomes);
    out.addAll(Derived.write(ctx, writePatients));
    out.addAll(Derived.provenance(ctx, recorders, recordedAt));
    LOG.debug("mapped a case to {} resources", out.size());
    return new CaseResources(file.caseId(), asOf, ImmutableList.copyOf(out));
  }

  /**
   * The record another system owns that a chain copies, if any: its root event was read from that system (a
   * third party's resource on the server), so the fact stays that system's, whatever was corrected here since.
   *
   * @param file the case, not null
   * @param chain one of its chains, not null
   * @return the origin of the chain's root event, if it has one
   */
  public static Optional<Origin> ownerOf(CaseFile file, Chain chain) {
    return file.event(chain.root()).flatMap(root -> root.recordedBy().origin());
  }

  private static <R extends DomainResource> R write(EventMapper<R> mapper, Chain chain, MapContext ctx) {
    return Envelope.write(mapper, chain, ctx);
  }

  /**
   * The transaction Bundle that writes a mapped case: one entry per resource, each a conditional
   * update on its business identifier ({@code PUT Type?identifier=system|value}; Provenance, which
   * has no identifier, by its deterministic id), references between entries as {@code urn:uuid}
   * full URLs (MAPPING.md §7). The resources are copied; {@code resources} is unchanged.
   *
   * @param resources a mapped case, not null
   * @return the bundle
   */
  public Bundle transaction(CaseResources resources) {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    Map<String, String> urnByRef = new HashMap<>();
    for (Resource r : resources.resources()) {
      urnByRef.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), "urn:uuid:" + r.getIdElement().getIdPart());
    }
    for (Resource original : resources.resources()) {
      Resource r = original.copy();
      String id = r.getIdElement().getIdPart();
      for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
        String urn = ref.hasReference() ? urnByRef.get(ref.getReference()) : null;
        if (urn != null) {
          ref.setReference(urn);
        }
      }
      Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(r);
      Identifier identifier = firstIdentifier(r);
      if (identifier == null) {
        entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(r.fhirType() + "/" + id);
      } else {
        r.setId((String) null);
        entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(r.fhirType() + "?identifier="
            + UrlUtil.escapeUrlParam(identifier.getSystem() + "|" + identifier.getValue()));
      }
    }
    return bundle;
  }

  private @Nullable Identifier firstIdentifier(Resource r) {
    if (fhir.getResourceDefinition(r).getChildByName("identifier") == null) {
      return null; // Provenance has none
    }
    List<Identifier> all = fhir.newTerser().getValues(r, r.fhirType() + ".identifier", Identifier.class);
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * The milestone requests of an earlier mapping that a later one no longer has (a correction or
   * void removed their anchor), as copies marked withdrawn: ServiceRequest {@code revoked},
   * MedicationRequest {@code cancelled}. Send them with the later mapping so nothing stays active
   * on the server for a milestone that disappeared.
   *
   * @param previous the resources sent before, not null
   * @param current the resources now, not null
   * @return the revocations, in the earlier mapping's order
   */
  public ImmutableList<Resource> revocations(CaseResources previous, CaseResources current) {
    Set<String> now = new java.util.HashSet<>();
    current.resources().forEach(r -> now.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));
    ImmutableList.Builder<Resource> out = ImmutableList.builder();
    for (Resource r : previous.resources()) {
      if (now.contains(r.fhirType() + "/" + r.getIdElement().getIdPart())) {
        continue;
      }
      if (r instanceof org.hl7.fhir.r4.model.ServiceRequest sr) {
        out.add(sr.copy().setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.REVOKED));
      } else if (r instanceof org.hl7.fhir.r4.model.MedicationRequest mr) {
        out.add(mr.copy().setStatus(org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus.CANCELLED));
      }
    }
    return out.build();
  }

  /** The published mapping table: every event kind and derived concept, with elements, codes and direction. */
  public ImmutableList<MappingRow> table() {
    ImmutableList.Builder<MappingRow> rows = ImmutableList.builder();
    for (EventKind kind : EventKind.values()) {
      EventMapper<?> mapper = mappers.get(kind);
      if (mapper != null) {
        mapper.rows().stream().filter(r -> r.concept().equals(kind.name()) || r.concept().startsWith(kind.name() + ",")).forEach(rows::add);
      }
    }
    mappersByType.values().forEach(m -> m.rows().stream().filter(r -> r.concept().startsWith("(")).forEach(rows::add));
    rows.addAll(CareMappers.envelopeRows());
    rows.addAll(Derived.rows());
    return rows.build().stream().distinct().collect(ImmutableList.toImmutableList());
  }

  /** The resource types that carry events (what the importer reads as events, and a pull searches). */
  public com.google.common.collect.ImmutableSet<String> eventTypes() {
    return mappersByType.keySet();
  }

  /** The event kinds that have a resource of their own (all but corrections and voids). */
  public Set<EventKind> mappedKinds() {
    return mappers.keySet();
  }

  /** The reader that turns a case's resources back into events (used by the importer). */
  public CaseReader reader() {
    return new CaseReader(this);
  }

  @Nullable EventMapper<?> mapperOf(String type) {
    return mappersByType.get(type);
  }

  /** Configures a {@link FhirMapping}. */
  public static final class Builder {
    private final FhirContext fhir;
    private final String base;
    private @Nullable String motherSystem;
    private @Nullable ZoneId zone;
    private boolean writePatients;

    private Builder(FhirContext fhir, String base) {
      this.fhir = requireNonNull(fhir, "fhir");
      checkState(fhir.getVersion().getVersion() == FhirVersionEnum.R4, "the FhirContext is for R4");
      this.base = requireNonNull(base, "base");
      MentorUris.under(base); // validates
    }

    /** The system of the mother's identifier, when her {@code MotherId} is, say, a national id (default: {@code <base>/sid/mother}). */
    public Builder motherIdentifierSystem(String system) {
      this.motherSystem = requireNonNull(system, "system");
      return this;
    }

    /** The programme's time zone (default UTC): appointment times and result instants are the start of the clinic-local day. */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /** Whether to write the mother's and infants' Patient resources (off: the Patient is the EMR's, referenced by identifier). */
    public Builder writePatients(boolean write) {
      this.writePatients = write;
      return this;
    }

    public FhirMapping build() {
      return new FhirMapping(this);
    }
  }
}
