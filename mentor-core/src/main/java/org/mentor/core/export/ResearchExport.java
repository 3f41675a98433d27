package org.mentor.core.export;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.HashBasedTable;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.InfantId;
import org.mentor.core.adherence.PillCountAdherence;
import org.mentor.core.pathway.AdherenceCounselled;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.ArvsDispensed;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.ConsentRecorded;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Died;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.FinalOutcome;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Phase;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.RegimenChanged;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.TracingAttempted;
import org.mentor.core.pathway.TransferredIn;
import org.mentor.core.pathway.TransferredOut;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.registry.CaseRegistry;

/**
 * Exports a cohort for analysis without putting women at risk: every identifier (case, mother,
 * infant, facility, mentor) becomes a keyed-hash pseudonym under a secret the programme holds;
 * every date of one mother moves by one whole number of days (so every interval is kept, across
 * her pregnancies too); gestational age, birth weight and infant ages are coarsened; events carry
 * coded values only; aggregate tables are small-cell suppressed. What it protects and what it does
 * not: docs/privacy.md.
 *
 * <pre>{@code
 * ResearchExport export = ResearchExport.builder().secret(programmeSecret).study("pmtct-cohort-2026").build();
 * ExportedCohort cohort = export.export(registry, LocalDate.of(2026, 3, 31), null);
 * cohort.files().forEach((name, csv) -> write(name, csv));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ResearchExport {
  /** The aggregate table of infants by protocol version and final outcome. */
  public static final String OUTCOMES_TABLE = "infants_by_protocol_and_final_outcome";
  /** The aggregate table of cases by enrolling facility (pseudonym) and phase. */
  public static final String PHASES_TABLE = "cases_by_facility_and_phase";
  /** The final-outcome column for infants with none yet. */
  static final String NO_OUTCOME = "NONE_YET";

  private final Pseudonyms pseudonyms;
  private final String study;
  private final int minShiftDays;
  private final int maxShiftDays;
  private final int threshold;

  private ResearchExport(Builder builder) {
    this.pseudonyms = new Pseudonyms(builder.secret, builder.study);
    this.study = builder.study;
    this.minShiftDays = builder.minShiftDays;
    this.maxShiftDays = builder.maxShiftDays;
    this.threshold = builder.threshold;
  }

  /** A builder: the secret and the study label are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Exports every case.
   *
   * @param registry the registry, not null
   * @param asOf the date states and outcomes are evaluated as of, not null
   * @param knownAsOf the instant the data are taken as known at, or null for everything recorded
   * @return the de-identified cohort
   */
  public ExportedCohort export(CaseRegistry registry, LocalDate asOf, @Nullable Instant knownAsOf) {
    return export(registry, requireNonNull(registry, "registry").caseIds(), asOf, knownAsOf);
  }

  /**
   * Exports some cases.
   *
   * @param registry the registry, not null
   * @param caseIds the cases (a case not enrolled as known at {@code knownAsOf} is left out), not null
   * @param asOf the date states and outcomes are evaluated as of, not null
   * @param knownAsOf the instant the data are taken as known at, or null for everything recorded
   * @return the de-identified cohort
   */
  public ExportedCohort export(CaseRegistry registry, Collection<CaseId> caseIds, LocalDate asOf, @Nullable Instant knownAsOf) {
    requireNonNull(registry, "registry");
    requireNonNull(caseIds, "caseIds");
    requireNonNull(asOf, "asOf");
    List<CaseRow> cases = new ArrayList<>();
    List<InfantRow> infants = new ArrayList<>();
    List<EventRow> events = new ArrayList<>();
    Table<String, String, Integer> outcomes = HashBasedTable.create();
    Table<String, String, Integer> phases = HashBasedTable.create();
    for (CaseId caseId : new TreeSet<>(caseIds)) {
      CaseFile file = registry.file(caseId);
      CaseFile known = knownAsOf == null ? file : file.knownAsOf(knownAsOf);
      Optional<Enrolled> enrolled = known.facts().enrolment();
      if (enrolled.isEmpty() || enrolled.get().occurredOn().isAfter(asOf)) {
        continue;
      }
      CaseState state = registry.state(caseId, asOf, knownAsOf);
      new CaseExport(known.facts(), enrolled.get(), state, asOf).addTo(cases, infants, events, outcomes, phases);
    }
    cases.sort(Comparator.comparing(CaseRow::caseKey));
    infants.sort(Comparator.comparing(InfantRow::caseKey).thenComparing(InfantRow::infantKey));
    events.sort(Comparator.comparing(EventRow::caseKey).thenComparing(EventRow::date));
    List<String> outcomeColumns = new ArrayList<>();
    for (FinalOutcome.Category category : FinalOutcome.Category.values()) {
      outcomeColumns.add(category.name());
    }
    outcomeColumns.add(NO_OUTCOME);
    List<String> phaseColumns = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      phaseColumns.add(phase.name());
    }
    ImmutableList<SuppressedTable> tables = ImmutableList.of(
        SmallCellSuppression.apply(OUTCOMES_TABLE, "protocol", new ArrayList<>(new TreeSet<>(outcomes.rowKeySet())),
            outcomeColumns, outcomes, threshold),
        SmallCellSuppression.apply(PHASES_TABLE, "facility", new ArrayList<>(new TreeSet<>(phases.rowKeySet())),
            phaseColumns, phases, threshold));
    return new ExportedCohort(study, ImmutableList.copyOf(cases), ImmutableList.copyOf(infants), ImmutableList.copyOf(events), tables);
  }

  /** One case's rows: every date moved by its mother's shift, every identifier pseudonymised. */
  private final class CaseExport {
    private final Facts facts;
    private final Enrolled enrolled;
    private final CaseState state;
    private final LocalDate asOf;
    private final String caseKey;
    private final int shift;

    CaseExport(Facts facts, Enrolled enrolled, CaseState state, LocalDate asOf) {
      this.facts = facts;
      this.enrolled = enrolled;
      this.state = state;
      this.asOf = asOf;
      this.caseKey = pseudonyms.of("case", facts.caseId().value());
      this.shift = pseudonyms.shiftDays(enrolled.motherId().value(), minShiftDays, maxShiftDays);
    }

    void addTo(List<CaseRow> cases, List<InfantRow> infants, List<EventRow> events, Table<String, String, Integer> outcomes,
        Table<String, String, Integer> phases) {
      Optional<Delivered> delivery = facts.delivery().filter(d -> !d.occurredOn().isAfter(asOf));
      int live = delivery.map(d -> (int) d.births().stream().filter(Birth::isLive).count()).orElse(0);
      int still = delivery.map(d -> d.births().size()).orElse(0) - live;
      String facility = pseudonyms.of("facility", enrolled.recordedBy().facility());
      cases.add(new CaseRow(caseKey, pseudonyms.of("mother", enrolled.motherId().value()), facility,
          state.protocol().toString(), enrolled.hivStatus().name(),
          enrolled.datedLmp().map(lmp -> (int) (ChronoUnit.DAYS.between(lmp, enrolled.occurredOn()) / 7)),
          shifted(enrolled.occurredOn()), delivery.map(d -> shifted(d.occurredOn())), live, still, state.phaseStatus().name()));
      phases.put(facility, state.phaseStatus().name(), count(phases, facility, state.phaseStatus().name()) + 1);
      for (InfantState infant : state.infants()) {
        Birth birth = facts.infants().get(infant.infantId()).birth();
        Optional<FinalOutcome> outcome = infant.outcome();
        infants.add(new InfantRow(infantKey(infant.infantId()), caseKey, birth.sex().name(), birth.birthWeightGrams().map(ResearchExport::band),
            infant.risk().riskClass().name(), infant.hivStatus().name(), outcome.map(o -> o.category().name()),
            outcome.map(o -> (int) ChronoUnit.MONTHS.between(infant.bornOn(), o.on()))));
        String column = outcome.map(o -> o.category().name()).orElse(NO_OUTCOME);
        outcomes.put(state.protocol().toString(), column, count(outcomes, state.protocol().toString(), column) + 1);
      }
      for (PathwayEvent event : facts.events()) {
        if (!event.occurredOn().isAfter(asOf)) {
          events.add(row(event));
        }
      }
    }

    private String infantKey(InfantId infantId) {
      return pseudonyms.of("infant", infantId.toString());
    }

    private LocalDate shifted(LocalDate date) {
      return date.plusDays(shift);
    }

    private EventRow row(PathwayEvent event) {
      Optional<InfantId> infant = event.aboutInfant();
      Optional<Integer> age = infant.flatMap(id -> Optional.ofNullable(facts.infants().get(id)))
          .map(i -> (int) ChronoUnit.MONTHS.between(i.bornOn(), event.occurredOn()));
      String subject = infant.map(this::infantKey).orElse("mother");
      Details d = details(event);
      return new EventRow(caseKey, subject, event.kind().name(), shifted(event.occurredOn()), age, d.code, d.value, d.days);
    }

    /** Each kind's coded details; no default, so a new event kind must decide what it exports. */
    private Details details(PathwayEvent e) {
      return switch (e.kind()) {
        case ENROLLED -> Details.code(((Enrolled) e).hivStatus().name());
        case PROTOCOL_CHANGED -> Details.code(((ProtocolChanged) e).protocol().toString());
        case TRANSFERRED_IN -> Details.code(subject(((TransferredIn) e).subject()));
        case TRANSFERRED_OUT -> Details.code(subject(((TransferredOut) e).subject()));
        case DIED -> Details.code(subject(((Died) e).subject()));
        case MENTOR_ASSIGNED -> Details.code(pseudonyms.of("staff", ((MentorAssigned) e).mentor().value()));
        case CONSENT_RECORDED -> {
          ConsentRecorded c = (ConsentRecorded) e;
          yield Details.code("home=" + c.homeVisits() + ";phone=" + c.phoneCalls() + ";sms=" + c.sms()
              + ";disclosed=" + c.disclosedToPartner());
        }
        case MATERNAL_HIV_TESTED -> Details.code(((MaternalHivTested) e).result().name());
        // The regimen's class, not its code: the code is text a clinic typed.
        case ART_STARTED -> Details.code(((ArtStarted) e).regimen().anchorClass().name());
        case REGIMEN_CHANGED -> Details.code(((RegimenChanged) e).regimen().anchorClass().name() + ":" + ((RegimenChanged) e).reason().name());
        case ARVS_DISPENSED -> new Details(Optional.empty(), Optional.of(((ArvsDispensed) e).quantity()),
            Optional.of(((ArvsDispensed) e).daysSupply()));
        case PILL_COUNTED -> new Details(Optional.empty(), Optional.of((int) Math.round(PillCountAdherence.percent((PillCounted) e))),
            Optional.of(((PillCounted) e).daysSinceDispensing()));
        case VIRAL_LOAD_RESULTED -> {
          ViralLoadResulted vl = (ViralLoadResulted) e;
          yield new Details(Optional.of(vl.result().qualifier().name()), Optional.of(vl.result().copiesPerMl()),
              Optional.of((int) ChronoUnit.DAYS.between(vl.sampleDate(), vl.resultDate())));
        }
        case ADHERENCE_COUNSELLED -> Details.code(((AdherenceCounselled) e).counselling().name());
        case APPOINTMENT_KEPT -> new Details(Optional.empty(), Optional.empty(),
            Optional.of((int) ChronoUnit.DAYS.between(((AppointmentKept) e).appointmentOn(), e.occurredOn())));
        case APPOINTMENT_SET -> new Details(Optional.of(((AppointmentSet) e).purpose().name()), Optional.empty(),
            Optional.of((int) ChronoUnit.DAYS.between(e.occurredOn(), ((AppointmentSet) e).appointmentOn())));
        case MENTOR_VISITED -> Details.code(((MentorVisited) e).mode().name());
        case TRACING_ATTEMPTED -> Details.code(((TracingAttempted) e).mode().name() + ":" + ((TracingAttempted) e).outcome().name());
        case DELIVERED -> new Details(Optional.empty(), Optional.of(((Delivered) e).births().size()), Optional.empty());
        case INFANT_PROPHYLAXIS_STARTED -> Details.code(((InfantProphylaxisStarted) e).regimen().name());
        case FEEDING_RECORDED -> Details.code(((FeedingRecorded) e).mode().name());
        case INFANT_HIV_TESTED -> {
          InfantHivTested t = (InfantHivTested) e;
          yield new Details(Optional.of(t.testType().name() + ":" + t.result().name()), Optional.empty(),
              t.resultDate().map(r -> (int) ChronoUnit.DAYS.between(t.sampleDate(), r)));
        }
        case RETURNED_TO_CARE, INFANT_ART_STARTED, COTRIMOXAZOLE_STARTED, INFANT_PROPHYLAXIS_STOPPED, COTRIMOXAZOLE_STOPPED ->
            Details.NONE;
        case CORRECTED, VOIDED -> throw new IllegalStateException("effective events hold no corrections or voids");
      };
    }

    private String subject(Subject subject) {
      return subject.infantId().map(this::infantKey).orElse("mother");
    }
  }

  private static int count(Table<String, String, Integer> table, String row, String column) {
    Integer n = table.get(row, column);
    return n == null ? 0 : n;
  }

  /** Birth weight in 500 g bands, such as {@code 2500-2999}. */
  static String band(int grams) {
    int low = grams / 500 * 500;
    return low + "-" + (low + 499);
  }

  /** An event's exported details: a code, a count and an interval, each optional. */
  private record Details(Optional<String> code, Optional<Integer> value, Optional<Integer> days) {
    static final Details NONE = new Details(Optional.empty(), Optional.empty(), Optional.empty());

    static Details code(String code) {
      return new Details(Optional.of(code), Optional.empty(), Optional.empty());
    }
  }

  /**
   * Configures a {@link ResearchExport}. Each setting may be made once; a second call throws
   * {@link IllegalStateException}.
   */
  public static final class Builder {
    private byte @Nullable [] secret;
    private @Nullable String study;
    private int minShiftDays = 30;
    private int maxShiftDays = 180;
    private boolean shiftSet;
    private int threshold = SmallCellSuppression.DEFAULT_THRESHOLD;
    private boolean thresholdSet;

    private Builder() {}

    /**
     * The programme's secret key (HMAC-SHA256), at least 32 random bytes, kept by the programme
     * and never exported: whoever holds it can link pseudonyms back to known identifiers.
     *
     * @param secret the key, not null
     * @return this builder
     */
    public Builder secret(byte[] secret) {
      checkState(this.secret == null, "secret was already set");
      requireNonNull(secret, "secret");
      checkArgument(secret.length >= Pseudonyms.MIN_SECRET_BYTES, "the secret has at least %s bytes", Pseudonyms.MIN_SECRET_BYTES);
      this.secret = secret.clone();
      return this;
    }

    /**
     * The study the export is for: pseudonyms and date shifts are stable within a study and
     * unlinkable between studies.
     *
     * @param study a label, not null or blank
     * @return this builder
     */
    public Builder study(String study) {
      checkState(this.study == null, "study was already set");
      requireNonNull(study, "study");
      checkArgument(!study.isBlank(), "the study label is not blank");
      this.study = study;
      return this;
    }

    /**
     * The range of each mother's date shift, in days either way (30 to 180 if not set).
     *
     * @param min the smallest shift, 1 or more
     * @param max the largest shift, at least {@code min}
     * @return this builder
     */
    public Builder shiftDays(int min, int max) {
      checkState(!shiftSet, "shiftDays was already set");
      checkArgument(min >= 1 && max >= min, "1 <= min <= max");
      shiftSet = true;
      this.minShiftDays = min;
      this.maxShiftDays = max;
      return this;
    }

    /**
     * The small-cell threshold of the aggregate tables (5 if not set).
     *
     * @param threshold the smallest count shown, 2 or more
     * @return this builder
     */
    public Builder smallCellThreshold(int threshold) {
      checkState(!thresholdSet, "smallCellThreshold was already set");
      checkArgument(threshold >= 2, "the threshold is 2 or more");
      thresholdSet = true;
      this.threshold = threshold;
      return this;
    }

    /**
     * Builds the export.
     *
     * @throws IllegalStateException if the secret or the study is not set
     */
    public ResearchExport build() {
      checkState(secret != null, "the secret is required");
      checkState(study != null, "the study label is required");
      return new ResearchExport(this);
    }
  }
}
