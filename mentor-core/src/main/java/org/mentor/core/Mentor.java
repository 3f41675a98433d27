package org.mentor.core;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.schedule.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mentor's entry point for an embedding EMR: enrol cases, record what happened (dated, often
 * late, sometimes corrected) and ask for a case's state, as of today or any date. Holds cases in
 * memory (the case registry, with stores and due lists, builds on this).
 *
 * <pre>{@code
 * Mentor mentor = Mentor.builder().clock(Clock.system(ZoneId.of("Africa/Nairobi"))).build();
 * mentor.enrol(caseId, enrolled);
 * mentor.record(caseId, artStarted);
 * CaseState today = mentor.state(caseId);
 * }</pre>
 *
 * <p>A mother's own HIV-care events (ART, viral loads, adherence, appointments, her death) are
 * seen by every case of hers: a second pregnancy while she still breastfeeds is a new case that
 * sees them without copied events. Corrections and voids of an event recorded through another of
 * her cases are routed to that case.
 *
 * <p>Thread-safe: updates to one case are atomic; {@link #record(CaseId, PathwayEvent, long)}
 * gives optimistic concurrency. Logs only counts, event kinds and rule ids, never patient data.
 */
public final class Mentor {
  private static final Logger LOG = LoggerFactory.getLogger(Mentor.class);

  private final ImmutableMap<ProtocolRef, Protocol> protocols;
  private final Protocol defaultProtocol;
  private final Clock clock;
  private final boolean redact;
  private final ConcurrentMap<CaseId, CaseFile> cases = new ConcurrentHashMap<>();
  private final ConcurrentMap<MotherId, List<CaseId>> casesByMother = new ConcurrentHashMap<>();

  private Mentor(Builder builder) {
    this.defaultProtocol = builder.defaultProtocol == null ? Protocol.who2021() : builder.defaultProtocol;
    Map<ProtocolRef, Protocol> all = new LinkedHashMap<>();
    Protocols.builtIn().forEach(p -> all.put(p.ref(), p));
    all.put(defaultProtocol.ref(), defaultProtocol);
    builder.protocols.forEach(p -> all.put(p.ref(), p));
    this.protocols = ImmutableMap.copyOf(all);
    this.clock = builder.clock == null ? Clock.systemDefaultZone() : builder.clock;
    this.redact = builder.redact == null || builder.redact;
  }

  /** A builder with WHO_2021 as the default protocol, the system clock and redaction on. */
  public static Builder builder() {
    return new Builder();
  }

  /** The protocol new enrolments use by default. */
  public Protocol defaultProtocol() {
    return defaultProtocol;
  }

  /** Today, in the clock's zone (the programme's time zone). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Enrols a new case.
   *
   * @param caseId the new case's id, not null
   * @param enrolled the enrolment, naming a configured protocol, not null
   * @return the case's version (1)
   * @throws InvalidEventException if the id is taken, the protocol unknown, or the enrolment invalid
   */
  public long enrol(CaseId caseId, Enrolled enrolled) {
    requireNonNull(caseId, "caseId");
    requireNonNull(enrolled, "enrolled");
    if (!protocols.containsKey(enrolled.protocol())) {
      throw refused(new InvalidEventException("enrolled.protocol", enrolled.protocol(), Rule.PROTOCOL_NOT_REGISTERED), enrolled);
    }
    CaseFile file;
    try {
      file = CaseFile.enrol(caseId, enrolled);
    } catch (InvalidEventException e) {
      throw refused(e, enrolled);
    }
    if (cases.putIfAbsent(caseId, file) != null) {
      throw refused(new InvalidEventException("case.id", caseId, Rule.CASE_ALREADY_EXISTS), enrolled);
    }
    casesByMother.compute(enrolled.motherId(), (mother, list) -> {
      List<CaseId> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
      next.add(caseId);
      return List.copyOf(next);
    });
    LOG.debug("enrolled a case (protocol {})", enrolled.protocol());
    return file.version();
  }

  /**
   * Records an event for a case.
   *
   * @param caseId the case, not null
   * @param event the event, not null
   * @return the case's version after it (unchanged for a repeat of a recorded event)
   * @throws UnknownCaseException if the case is not enrolled
   * @throws InvalidEventException if a hard rule refuses the event; nothing changes
   */
  public long record(CaseId caseId, PathwayEvent event) {
    return record(caseId, event, -1);
  }

  /**
   * Records an event if the case is at the expected version (optimistic concurrency).
   *
   * @param caseId the case, not null
   * @param event the event, not null
   * @param expectedVersion the version the caller read, or -1 for any
   * @return the case's version after it
   * @throws VersionConflictException if the case moved on; nothing changes
   * @throws UnknownCaseException if the case is not enrolled
   * @throws InvalidEventException if a hard rule refuses the event; nothing changes
   */
  public long record(CaseId caseId, PathwayEvent event, long expectedVersion) {
    requireNonNull(caseId, "caseId");
    requireNonNull(event, "event");
    if (event instanceof ProtocolChanged changed && !protocols.containsKey(changed.protocol())) {
      throw refused(new InvalidEventException("protocolChanged.protocol", changed.protocol(), Rule.PROTOCOL_NOT_REGISTERED), event);
    }
    CaseId target = routeTarget(caseId, event);
    CaseFile updated;
    try {
      updated = cases.compute(target, (id, file) -> {
        if (file == null) {
          throw new UnknownCaseException("case.id", id, Rule.CASE_UNKNOWN);
        }
        if (expectedVersion >= 0 && target.equals(caseId) && file.version() != expectedVersion) {
          throw new VersionConflictException(id, expectedVersion, file.version());
        }
        return file.record(event);
      });
    } catch (InvalidEventException e) {
      throw refused(e, event);
    } catch (UnknownCaseException e) {
      throw redact ? e : e.withRedaction(false);
    }
    return updated.version();
  }

  /** A correction or void is recorded in the case that holds its target (a sibling for a maternal event). */
  private CaseId routeTarget(CaseId caseId, PathwayEvent event) {
    EventId targetId = event.kind() == EventKind.CORRECTED ? ((Corrected) event).corrects()
        : event.kind() == EventKind.VOIDED ? ((Voided) event).voids() : null;
    CaseFile file = cases.get(caseId);
    if (targetId == null || file == null || file.event(targetId).isPresent()) {
      return caseId;
    }
    for (CaseId sibling : siblings(file)) {
      CaseFile other = cases.get(sibling);
      if (other != null && other.event(targetId).isPresent()) {
        return sibling;
      }
    }
    return caseId;
  }

  private InvalidEventException refused(InvalidEventException e, PathwayEvent event) {
    LOG.debug("refused a {} event by rule {}", event.kind(), e.rule().id());
    return redact ? e : e.withRedaction(false);
  }

  /**
   * A case's file: its events, facts and version.
   *
   * @param caseId the case, not null
   * @return the file
   * @throws UnknownCaseException if the case is not enrolled
   */
  public CaseFile file(CaseId caseId) {
    CaseFile file = cases.get(requireNonNull(caseId, "caseId"));
    if (file == null) {
      throw new UnknownCaseException("case.id", caseId, Rule.CASE_UNKNOWN, redact);
    }
    return file;
  }

  /** Every enrolled case id, in no particular order. */
  public ImmutableList<CaseId> caseIds() {
    return ImmutableList.copyOf(cases.keySet());
  }

  /**
   * A mother's cases, in enrolment order.
   *
   * @param motherId the mother, not null
   * @return her case ids, possibly empty
   */
  public ImmutableList<CaseId> casesOf(MotherId motherId) {
    return ImmutableList.copyOf(casesByMother.getOrDefault(requireNonNull(motherId, "motherId"), List.of()));
  }

  /** A case's state today. */
  public CaseState state(CaseId caseId) {
    return state(caseId, today());
  }

  /**
   * A case's state as of a date.
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @return the state
   * @throws UnknownCaseException if the case is not enrolled
   */
  public CaseState state(CaseId caseId, LocalDate asOf) {
    return state(caseId, asOf, null);
  }

  /**
   * A case's state as of a date, as it was known at an instant (events recorded later ignored).
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @param knownAsOf the instant, or null for everything recorded
   * @return the state
   * @throws UnknownCaseException if the case is not enrolled
   */
  public CaseState state(CaseId caseId, LocalDate asOf, @Nullable Instant knownAsOf) {
    requireNonNull(asOf, "asOf");
    CaseFile file = file(caseId);
    if (knownAsOf == null && siblings(file).isEmpty()) {
      return file.evaluate(protocolOf(file.facts()), asOf); // from the file's memoised checkpoint
    }
    Facts facts = facts(file, knownAsOf);
    return Pathway.evaluate(protocolOf(facts), facts, asOf);
  }

  /** A case's milestone schedule today. */
  public Schedule schedule(CaseId caseId) {
    return schedule(caseId, today());
  }

  /**
   * A case's milestone schedule as of a date: every milestone of its protocol with window, due
   * date, state and why.
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @return the schedule
   * @throws UnknownCaseException if the case is not enrolled
   */
  public Schedule schedule(CaseId caseId, LocalDate asOf) {
    requireNonNull(asOf, "asOf");
    Facts facts = facts(file(caseId), null);
    return Schedule.of(protocolOf(facts), facts, state(caseId, asOf));
  }

  /**
   * What needs attention in a case today, most urgent first: the state's actions and the
   * milestones due, late or overdue.
   *
   * @param caseId the case, not null
   * @return the items
   */
  public ImmutableList<Attention> attention(CaseId caseId) {
    return attention(caseId, today());
  }

  /**
   * What needs attention in a case on a date, most urgent first.
   *
   * @param caseId the case, not null
   * @param asOf the date, not null
   * @return the items
   */
  public ImmutableList<Attention> attention(CaseId caseId, LocalDate asOf) {
    Facts facts = facts(file(caseId), null);
    CaseState state = state(caseId, asOf);
    return Attention.of(state, Schedule.of(protocolOf(facts), facts, state));
  }

  private Protocol protocolOf(Facts facts) {
    ProtocolRef ref = facts.protocol().orElseThrow();
    Protocol protocol = protocols.get(ref);
    checkState(protocol != null, "protocol %s is not configured", ref);
    return protocol;
  }

  /** The case's facts merged with the mother's own events recorded through her other cases. */
  private Facts facts(CaseFile file, @Nullable Instant knownAsOf) {
    CaseFile own = knownAsOf == null ? file : file.knownAsOf(knownAsOf);
    List<CaseId> siblings = siblings(own);
    if (siblings.isEmpty()) {
      return own.facts();
    }
    List<PathwayEvent> merged = new ArrayList<>();
    own.facts().events().forEach(merged::add);
    for (CaseId sibling : siblings) {
      CaseFile other = cases.get(sibling);
      if (other == null) {
        continue;
      }
      CaseFile seen = knownAsOf == null ? other : other.knownAsOf(knownAsOf);
      for (PathwayEvent event : seen.facts().events()) {
        if (event.isMaternal()) {
          merged.add(event);
        }
      }
    }
    merged.sort(Fold.ORDER);
    return Fold.fold(own.caseId(), merged);
  }

  private List<CaseId> siblings(CaseFile file) {
    Optional<MotherId> mother = file.facts().enrolment().map(Enrolled::motherId);
    if (mother.isEmpty()) {
      return List.of();
    }
    List<CaseId> all = casesByMother.getOrDefault(mother.get(), List.of());
    return all.stream().filter(id -> !id.equals(file.caseId())).toList();
  }

  /**
   * Configures a {@link Mentor}. Each setting may be made once; a second call throws
   * {@link IllegalStateException}.
   */
  public static final class Builder {
    private @Nullable Protocol defaultProtocol;
    private final List<Protocol> protocols = new ArrayList<>();
    private boolean protocolsSet;
    private @Nullable Clock clock;
    private @Nullable Boolean redact;

    private Builder() {}

    /**
     * The protocol new enrolments use by default (WHO_2021 if not set).
     *
     * @param protocol the protocol, not null
     * @return this builder
     */
    public Builder defaultProtocol(Protocol protocol) {
      checkState(defaultProtocol == null, "defaultProtocol was already set");
      this.defaultProtocol = requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Further protocols cases may be enrolled under (a case keeps the id and version it was
     * enrolled with).
     *
     * @param more the protocols, not null
     * @return this builder
     */
    public Builder protocols(Protocol... more) {
      checkState(!protocolsSet, "protocols were already set");
      protocolsSet = true;
      for (Protocol protocol : more) {
        protocols.add(requireNonNull(protocol, "protocol"));
      }
      return this;
    }

    /**
     * The clock that says what "today" is, in the programme's time zone. The domain never reads
     * a clock; only this facade does.
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set");
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether exception messages leave out sensitive values (dates, results, identifiers). On by
     * default; turn off only where messages never reach shared logs.
     *
     * @param redact whether to redact
     * @return this builder
     */
    public Builder redactSensitiveValues(boolean redact) {
      checkState(this.redact == null, "redactSensitiveValues was already set");
      this.redact = redact;
      return this;
    }

    /** Builds the configured instance. */
    public Mentor build() {
      return new Mentor(this);
    }
  }
}
