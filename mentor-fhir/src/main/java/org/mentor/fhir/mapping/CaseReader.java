package org.mentor.fhir.mapping;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.Origin;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.Voided;
import org.mentor.fhir.FhirRule;
import org.mentor.fhir.InvalidFhirException;
import org.mentor.fhir.terminology.Terminology;

/**
 * Reads one case's resources back into events and records them, through the core's own checks,
 * on a copy of the target case file: either every event is accepted or an
 * {@link InvalidFhirException} names the resource, element and rule and the target is untouched
 * (case files are immutable). A chain whose content in force is a correction comes back as its
 * root event plus that correction, so the root keeps the FHIR identity; a withdrawn chain comes
 * back with its void.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CaseReader {
  /** One parsed resource with its label for messages ({@code Observation[3]}) and the URLs that name it. */
  public record Input(Resource resource, String label, List<String> urls) {
    public Input {
      requireNonNull(resource, "resource");
      requireNonNull(label, "label");
      urls = List.copyOf(urls);
    }
  }

  /**
   * Who and when, for resources that do not say (a third party's, without Provenance or Mentor's extension), and
   * where third parties' resources come from.
   *
   * @param recordedBy who recorded a resource that does not say, not null
   * @param recordedAt when, for a resource that does not say, not null
   * @param originSystem when present, the system the resources were read from (a FHIR server's base URL): an event
   *     read from a resource without a Mentor identity then remembers its {@link Origin} (this system, the
   *     resource's {@code Type/id} and {@code meta.versionId}), so Mentor never writes it back as its own; a later
   *     version of a resource already imported becomes a correction, an {@code entered-in-error} one a void
   */
  public record Defaults(RecordedBy recordedBy, Instant recordedAt, Optional<String> originSystem) {
    public Defaults {
      requireNonNull(recordedBy, "recordedBy");
      requireNonNull(recordedAt, "recordedAt");
      requireNonNull(originSystem, "originSystem");
    }

    /** Defaults without an origin system (a file or a message, not a server the resources stay on). */
    public Defaults(RecordedBy recordedBy, Instant recordedAt) {
      this(recordedBy, recordedAt, Optional.empty());
    }
  }

  /**
   * The event identity of a resource the importer reads as an event.
   *
   * @param root the id of the chain's first event: from Mentor's event identifier, or {@code fhir:Type/id} for a third
   *     party's resource
   * @param inForce for Mentor's resources, the id of the content in force (the root, or the correction it carries)
   * @param mentors whether the resource carries a Mentor event identity (Mentor owns it)
   */
  public record EventIdentity(EventId root, Optional<EventId> inForce, boolean mentors) {
    public EventIdentity {
      requireNonNull(root, "root");
      requireNonNull(inForce, "inForce");
    }
  }

  private final FhirMapping mapping;
  private final MentorUris uris;

  CaseReader(FhirMapping mapping) {
    this.mapping = mapping;
    this.uris = mapping.uris();
  }

  /**
   * What a resource is to the importer: an event's resource; a person references resolve to
   * (Patient, and the mentor's Practitioner and PractitionerRole), read only through those
   * references; Provenance; a derived resource (rebuilt from the events, skipped); or unsupported.
   */
  public enum Role { EVENT, PERSON, PROVENANCE, DERIVED, UNSUPPORTED }

  /** The role of a resource, and the case its Mentor event identifier names (if any). */
  public Role role(Resource resource) {
    if (resource instanceof Patient || resource instanceof Practitioner || resource instanceof PractitionerRole) {
      return Role.PERSON;
    }
    if (resource instanceof Provenance) {
      return Role.PROVENANCE;
    }
    if (resource instanceof DomainResource dr && derived(dr)) {
      return Role.DERIVED;
    }
    return mapping.mapperOf(resource.fhirType()) != null ? Role.EVENT : Role.UNSUPPORTED;
  }

  private boolean derived(DomainResource resource) {
    if (mapping.mapperOf(resource.fhirType()) == null && !List.of("Condition", "CarePlan", "ServiceRequest", "MedicationRequest", "RelatedPerson")
        .contains(resource.fhirType())) {
      return false;
    }
    for (Identifier id : identifiers(resource)) {
      if (uris.derivedSystem().equals(id.getSystem()) || uris.milestoneSystem().equals(id.getSystem())) {
        return true;
      }
    }
    return false;
  }

  private List<Identifier> identifiers(DomainResource resource) {
    if (mapping.fhirContext().getResourceDefinition(resource).getChildByName("identifier") == null) {
      return List.of();
    }
    return mapping.fhirContext().newTerser().getValues(resource, resource.fhirType() + ".identifier", Identifier.class);
  }

  /**
   * The event identity of a resource of an event type: the root and the content in force of a Mentor resource, or
   * the {@code fhir:Type/id} root of a third party's. Empty for resources that are not events, and for a Mentor
   * identifier or a third party's resource without an id, which {@link #read} refuses.
   */
  public Optional<EventIdentity> eventIdentity(Resource resource) {
    if (role(resource) != Role.EVENT) {
      return Optional.empty();
    }
    DomainResource dr = (DomainResource) resource;
    Optional<List<String>> identity = Envelope.identity(identifiers(dr), uris);
    if (identity.isPresent()) {
      if (identity.get().isEmpty()) {
        return Optional.empty();
      }
      EventId root = EventId.of(identity.get().get(1));
      return Optional.of(new EventIdentity(root, Optional.of(Envelope.effectiveId(dr, uris).map(EventId::of).orElse(root)), true));
    }
    if (!dr.hasIdElement() || dr.getIdElement().getIdPart() == null) {
      return Optional.empty();
    }
    return Optional.of(new EventIdentity(thirdPartyRoot(dr), Optional.empty(), false));
  }

  private static EventId thirdPartyRoot(DomainResource resource) {
    return EventId.of("fhir:" + resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  /** The case id a resource's Mentor event identifier names, if any. */
  public Optional<CaseId> caseOf(Resource resource) {
    if (!(resource instanceof DomainResource dr)) {
      return Optional.empty();
    }
    return Envelope.identity(identifiers(dr), uris).filter(p -> !p.isEmpty()).map(p -> CaseId.of(p.get(0)));
  }

  /**
   * Records a case's resources on a copy of a target file.
   *
   * @param target the case as it is (an empty file for a new case), not null
   * @param inputs the case's resources with the people and Provenance they need, not null
   * @param defaults who and when for resources that do not say, not null
   * @return the new file
   * @throws InvalidFhirException if any resource is refused; nothing is recorded
   */
  public CaseFile read(CaseFile target, List<Input> inputs, Defaults defaults) {
    Map<String, Subject> people = new HashMap<>();
    Map<String, Input> byUrl = new HashMap<>();
    Map<String, Provenance> provenance = new HashMap<>();
    Optional<MotherId> knownMother = target.facts().enrolment().map(Enrolled::motherId);
    if (knownMother.isEmpty()) { // a new case: its mother is the one its enrolment names
      for (Input input : inputs) {
        if (input.resource() instanceof org.hl7.fhir.r4.model.EpisodeOfCare e && Envelope.kind(e, uris).flatMap(k -> k).orElse(null) == EventKind.ENROLLED
            && uris.motherSystem().equals(e.getPatient().getIdentifier().getSystem()) && e.getPatient().getIdentifier().hasValue()) {
          knownMother = Optional.of(MotherId.of(e.getPatient().getIdentifier().getValue()));
        }
      }
    }
    for (Input input : inputs) {
      input.urls().forEach(url -> byUrl.put(url, input));
      if (input.resource() instanceof Provenance p) {
        for (Reference t : p.getTarget()) {
          provenance.put(t.getReference(), p);
        }
      }
    }
    Map<EventId, Read> reads = new LinkedHashMap<>();
    for (Input input : inputs) {
      Role role = role(input.resource());
      if (role == Role.UNSUPPORTED) {
        throw new InvalidFhirException(input.label(), input.resource().fhirType(), FhirRule.UNSUPPORTED_RESOURCE);
      }
      if (role != Role.EVENT) {
        continue;
      }
      Read read = readOne(target, input, byUrl, provenance, defaults, knownMother);
      if (read == null) {
        continue;
      }
      Read earlier = reads.putIfAbsent(read.root, read);
      if (earlier != null && !(earlier.content.equals(read.content) && earlier.voided.equals(read.voided))) {
        throw new InvalidFhirException(input.label(), input.resource().fhirType() + ".identifier", FhirRule.CONFLICTING_RESOURCES);
      }
    }
    return record(target, new ArrayList<>(reads.values()));
  }

  private record Read(EventId root, PathwayEvent original, PathwayEvent content, Optional<Voided> voided, EventMapper<?> mapper, String label) {}

  private Read readOne(CaseFile target, Input input, Map<String, Input> byUrl, Map<String, Provenance> provenance, Defaults defaults,
      Optional<MotherId> knownMother) {
    DomainResource resource = (DomainResource) input.resource();
    EventMapper<?> mapper = mapping.mapperOf(resource.fhirType());
    String label = input.label();
    Optional<List<String>> identity = Envelope.identity(identifiers(resource), uris);
    EventId root;
    EventId effective;
    Optional<Origin> origin = Optional.empty();
    if (identity.isPresent()) {
      if (identity.get().isEmpty()) {
        throw new InvalidFhirException(label, resource.fhirType() + ".identifier", FhirRule.INVALID_VALUE);
      }
      if (!identity.get().get(0).equals(target.caseId().value())) {
        throw new InvalidFhirException(label, resource.fhirType() + ".identifier", FhirRule.CASE_UNRESOLVED);
      }
      root = EventId.of(identity.get().get(1));
      effective = Envelope.effectiveId(resource, uris).map(EventId::of).orElse(root);
    } else {
      if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
        throw new InvalidFhirException(label, resource.fhirType() + ".id", FhirRule.REQUIRED_ELEMENT);
      }
      root = thirdPartyRoot(resource);
      effective = root;
      origin = defaults.originSystem().map(system -> new Origin(system, resource.fhirType() + "/" + resource.getIdElement().getIdPart(),
          Optional.ofNullable(resource.getMeta().getVersionId()).filter(v -> !v.isBlank())));
    }
    boolean rootKnown = target.event(root).isPresent();
    if (origin.isPresent() && rootKnown) {
      // A resource read before: a version already read brings nothing new; a later one corrects or withdraws the fact.
      if (origin.get().version().isEmpty() || originVersions(target, root).contains(origin.get().version().get())) {
        return null;
      }
      effective = EventId.of(root.value() + "/_history/" + origin.get().version().get());
    }
    boolean voidedHere = resource.getExtensionByUrl(uris.extension(Envelope.VOIDED)) != null;
    if (!voidedHere && isEnteredInError(mapper, resource)) {
      if (origin.isPresent() && rootKnown && !voidedIn(target, root)) {
        // Withdrawn at its source after Mentor read it: the fact is withdrawn here too.
        PathwayEvent existing = target.event(root).orElseThrow();
        RecordedBy by = defaults.recordedBy().withOrigin(origin.get());
        Voided withdrawn = new Voided(effective, LocalDate.ofInstant(defaults.recordedAt(), mapping.zone()), defaults.recordedAt(), by, root,
            "entered in error at its source");
        return new Read(root, existing, existing, Optional.of(withdrawn), mapper, label);
      }
      return null; // withdrawn at its source with nothing of ours to withdraw: nothing to import
    }
    Optional<Optional<EventKind>> tagged = Envelope.kind(resource, uris);
    EventKind kind;
    ReadContext probe = context(label, effective, defaults.recordedAt(), defaults.recordedBy(), byUrl, knownMother);
    if (tagged.isPresent()) {
      kind = tagged.get().orElseThrow(() -> new InvalidFhirException(label, resource.fhirType() + ".meta.tag", FhirRule.UNKNOWN_CODE));
      if (!mapper.kinds().contains(kind)) {
        throw new InvalidFhirException(label, resource.fhirType() + ".meta.tag", FhirRule.UNSUPPORTED_RESOURCE);
      }
    } else {
      kind = infer(mapper, resource, probe).orElseThrow(() -> new InvalidFhirException(label, resource.fhirType() + ".code", FhirRule.UNSUPPORTED_RESOURCE));
    }
    String ref = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    Provenance p = provenance.get(ref);
    if (p == null) {
      for (String url : input.urls()) {
        p = p == null ? provenance.get(url) : p;
      }
    }
    RecordedBy by = p == null ? defaults.recordedBy() : recorder(p, label);
    if (origin.isPresent()) {
      by = by.withOrigin(origin.get());
    }
    Instant at = Envelope.recordedAt(resource, uris)
        .orElse(p != null && p.hasRecorded() ? p.getRecorded().toInstant() : defaults.recordedAt());
    PathwayEvent content = readAs(mapper, resource, kind, context(label, effective, at, by, byUrl, knownMother));
    PathwayEvent original = effective.equals(root) ? content : readAs(mapper, resource, kind, context(label, root, at, by, byUrl, knownMother));
    Optional<Voided> voided;
    try {
      voided = Envelope.voided(resource, uris, root);
    } catch (RuntimeException e) {
      throw new InvalidFhirException(label, resource.fhirType() + ".extension:voided", FhirRule.REQUIRED_ELEMENT);
    }
    return new Read(root, original, content, voided, mapper, label);
  }

  @SuppressWarnings("unchecked")
  private static <R extends DomainResource> boolean isEnteredInError(EventMapper<R> mapper, DomainResource resource) {
    return mapper.isEnteredInError((R) resource);
  }

  @SuppressWarnings("unchecked")
  private static <R extends DomainResource> Optional<EventKind> infer(EventMapper<R> mapper, DomainResource resource, ReadContext rc) {
    return mapper.infer((R) resource, rc);
  }

  @SuppressWarnings("unchecked")
  private static <R extends DomainResource> PathwayEvent readAs(EventMapper<R> mapper, DomainResource resource, EventKind kind, ReadContext rc) {
    try {
      return mapper.read((R) resource, kind, rc);
    } catch (InvalidEventException e) {
      throw new InvalidFhirException(rc.label, mapper.element(kind, e.field()), e);
    } catch (IllegalArgumentException e) {
      throw new InvalidFhirException(rc.label, mapper.type, FhirRule.INVALID_VALUE);
    }
  }

  /** The versions of a third party's resource that the events of its chain were read from. */
  private static java.util.Set<String> originVersions(CaseFile file, EventId root) {
    java.util.Set<String> versions = new java.util.HashSet<>();
    for (PathwayEvent event : file.history()) {
      PathwayEvent content = event instanceof Corrected c ? c.replacement() : event;
      EventId target = event instanceof Corrected c ? c.corrects() : event instanceof Voided v ? v.voids() : event.id();
      if (file.event(target).isPresent() && file.rootOf(target).equals(root)) {
        content.recordedBy().origin().flatMap(Origin::version).ifPresent(versions::add);
      }
    }
    return versions;
  }

  private static boolean voidedIn(CaseFile file, EventId root) {
    return file.history().stream().anyMatch(e -> e instanceof Voided v && file.rootOf(v.voids()).equals(root));
  }

  private RecordedBy recorder(Provenance p, String label) {
    String user = null;
    String facility = null;
    String source = null;
    for (Provenance.ProvenanceAgentComponent agent : p.getAgent()) {
      if (Terminology.PARTICIPANT_ENTERER.matches(agent.getType().getCodingFirstRep())) {
        user = agent.getWho().getIdentifier().getValue();
        facility = agent.getOnBehalfOf().getIdentifier().getValue();
      } else if (Terminology.PARTICIPANT_ASSEMBLER.matches(agent.getType().getCodingFirstRep())) {
        source = agent.getWho().getIdentifier().getValue();
      }
    }
    if (user == null || facility == null || source == null || user.isBlank() || facility.isBlank() || source.isBlank()) {
      throw new InvalidFhirException(label, "Provenance.agent", FhirRule.REQUIRED_ELEMENT);
    }
    return new RecordedBy(user, facility, source);
  }

  private ReadContext context(String label, EventId id, Instant at, RecordedBy by, Map<String, Input> byUrl, Optional<MotherId> knownMother) {
    Function<Reference, Subject> people = reference -> person(reference, byUrl, knownMother);
    return new ReadContext(uris, mapping.zone(), label, id, at, by, people, reference -> mentor(reference, byUrl, true));
  }

  /**
   * The mentor a reference names: by the mentor identifier on the reference (what Mentor writes
   * beside the literal reference, and all older exports and third parties send), or else by the
   * Practitioner or PractitionerRole (and then its practitioner) a literal reference resolves to in
   * the same input. An identifier of another system is refused rather than passed over.
   */
  private MentorId mentor(Reference reference, Map<String, Input> byUrl, boolean followRole) {
    Identifier id = reference.getIdentifier();
    if (!id.isEmpty()) {
      if (!uris.mentorSystem().equals(id.getSystem()) || !id.hasValue()) {
        throw new InvalidFhirException("", ".identifier", FhirRule.DANGLING_REFERENCE);
      }
      return MentorId.of(id.getValue());
    }
    if (!reference.hasReference()) {
      throw new InvalidFhirException("", "", FhirRule.REQUIRED_ELEMENT);
    }
    Input target = resolve(reference.getReference(), byUrl);
    if (target == null) {
      throw new InvalidFhirException("", "", FhirRule.DANGLING_REFERENCE);
    }
    List<Identifier> identifiers;
    if (target.resource() instanceof Practitioner practitioner) {
      identifiers = practitioner.getIdentifier();
    } else if (target.resource() instanceof PractitionerRole role && followRole) {
      identifiers = role.getIdentifier();
      if (identifiers.stream().noneMatch(i -> uris.mentorSystem().equals(i.getSystem())) && role.hasPractitioner()) {
        return mentor(role.getPractitioner(), byUrl, false);
      }
    } else {
      throw new InvalidFhirException("", "", FhirRule.WRONG_REFERENCE_TYPE);
    }
    return identifiers.stream().filter(i -> uris.mentorSystem().equals(i.getSystem()) && i.hasValue()).findFirst()
        .map(i -> MentorId.of(i.getValue())).orElseThrow(() -> new InvalidFhirException("", "", FhirRule.DANGLING_REFERENCE));
  }

  /** The input a literal reference names: its full URL, or its {@code Type/id} tail. */
  private static Input resolve(String ref, Map<String, Input> byUrl) {
    int slash = ref.startsWith("urn:") ? -1 : ref.lastIndexOf('/', ref.lastIndexOf('/') - 1);
    String relative = slash >= 0 ? ref.substring(slash + 1) : ref;
    return byUrl.getOrDefault(ref, byUrl.get(relative));
  }

  private Subject person(Reference reference, Map<String, Input> byUrl, Optional<MotherId> knownMother) {
    if (reference.hasType() && !"Patient".equals(reference.getType())) {
      throw new InvalidFhirException("", "", FhirRule.WRONG_REFERENCE_TYPE);
    }
    if (reference.hasReference()) {
      String ref = reference.getReference();
      int slash = ref.startsWith("urn:") ? -1 : ref.lastIndexOf('/', ref.lastIndexOf('/') - 1);
      String relative = slash >= 0 ? ref.substring(slash + 1) : ref;
      if (!relative.startsWith("urn:") && !relative.startsWith("Patient/")) {
        throw new InvalidFhirException("", "", FhirRule.WRONG_REFERENCE_TYPE);
      }
      Input target = byUrl.getOrDefault(ref, byUrl.get(relative));
      if (target == null) {
        throw new InvalidFhirException("", "", FhirRule.DANGLING_REFERENCE);
      }
      if (!(target.resource() instanceof Patient patient)) {
        throw new InvalidFhirException("", "", FhirRule.WRONG_REFERENCE_TYPE);
      }
      for (Identifier id : patient.getIdentifier()) {
        Optional<Subject> subject = byIdentifier(id, knownMother);
        if (subject.isPresent()) {
          return subject.get();
        }
      }
      throw new InvalidFhirException("", "", FhirRule.DANGLING_REFERENCE);
    }
    return byIdentifier(reference.getIdentifier(), knownMother).orElseThrow(() -> new InvalidFhirException("", "", FhirRule.DANGLING_REFERENCE));
  }

  private Optional<Subject> byIdentifier(Identifier id, Optional<MotherId> knownMother) {
    if (uris.motherSystem().equals(id.getSystem()) && id.hasValue()) {
      if (knownMother.isPresent() && !knownMother.get().value().equals(id.getValue())) {
        throw new InvalidFhirException("", "", FhirRule.DANGLING_REFERENCE); // another mother: not this case
      }
      return Optional.of(Subject.mother());
    }
    if (uris.infantSystem().equals(id.getSystem()) && id.hasValue()) {
      try {
        return Optional.of(Subject.infant(new InfantId(UUID.fromString(id.getValue()))));
      } catch (IllegalArgumentException e) {
        throw new InvalidFhirException("", "", FhirRule.INVALID_VALUE);
      }
    }
    return Optional.empty();
  }

  private static CaseFile record(CaseFile target, List<Read> reads) {
    CaseFile file = target;
    List<Read> originals = new ArrayList<>(reads);
    // The enrolment first, the infants' events after everything else (after the delivery that names
    // them, so an infant event dated before the birth meets the core's own date rule), each in fold order.
    originals.sort(Comparator.comparing((Read r) -> r.original.kind() != EventKind.ENROLLED)
        .thenComparing(r -> r.original.aboutInfant().isPresent()).thenComparing(r -> r.original, Fold.ORDER));
    for (Read read : originals) {
      boolean rootKnown = file.event(read.root).isPresent();
      if (!rootKnown || read.original == read.content) {
        file = record(file, read.original, read);
      }
    }
    List<Read> corrected = reads.stream().filter(r -> r.original != r.content).sorted(Comparator.comparing(r -> r.content.recordedAt())).toList();
    for (Read read : corrected) {
      if (file.event(read.content.id()).isEmpty()) {
        file = record(file, new Corrected(read.root, read.content), read);
      }
    }
    List<Read> voided = reads.stream().filter(r -> r.voided.isPresent()).sorted(Comparator.comparing(r -> r.voided.get().recordedAt())).toList();
    for (Read read : voided) {
      if (file.event(read.voided.get().id()).isEmpty()) {
        file = record(file, read.voided.get(), read);
      }
    }
    return file;
  }

  private static CaseFile record(CaseFile file, PathwayEvent event, Read read) {
    try {
      return file.record(event);
    } catch (InvalidEventException e) {
      throw new InvalidFhirException(read.label, read.mapper.element(read.content.kind(), e.field()), e);
    }
  }
}
