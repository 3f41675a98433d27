package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.mentor.core.pathway.EventKind.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The pathway's state machine, declared as data: one table of {@link Transition} rows for all
 * regions, read by the evaluation and by {@link #mermaid()}, which generates the diagram in
 * {@code docs/pathway.md}. Change the pathway here and nowhere else.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PathwayTable {
  /** Events that show the mother was in clinical care that day (retention; maternal.md R4). */
  public static final ImmutableSet<EventKind> CLINICAL_CONTACTS = ImmutableSet.copyOf(EnumSet.of(
      ENROLLED, MATERNAL_HIV_TESTED, ART_STARTED, REGIMEN_CHANGED, ARVS_DISPENSED, PILL_COUNTED,
      VIRAL_LOAD_RESULTED, ADHERENCE_COUNSELLED, APPOINTMENT_KEPT, RETURNED_TO_CARE, DELIVERED));

  private static final ImmutableList<Transition> ROWS = buildRows();

  /**
   * Events that must match a row where they arrive; otherwise they raise the soft rule
   * {@code DQ-004} (an event the table does not expect). Other events that match no row are
   * simply not relevant to the state.
   */
  private static final ImmutableSetMultimap<Region, EventKind> STRICT = ImmutableSetMultimap.<Region, EventKind>builder()
      .put(Region.PHASE, DELIVERED)
      .put(Region.MATERNAL_ART, REGIMEN_CHANGED)
      .put(Region.INFANT, INFANT_ART_STARTED)
      .build();

  private static final ImmutableListMultimap<PathwayState, Transition> BY_STATE =
      ROWS.stream().collect(ImmutableListMultimap.toImmutableListMultimap(Transition::from, t -> t));

  // The replay's lookups as arrays, indexed by a dense state index and an event kind's ordinal
  // (the evaluation benchmark found hash lookups and set membership to be a third of its time).
  private static final int[] REGION_OFFSET = new int[Region.values().length];
  private static final Transition[][][] EVENT_ROWS;
  private static final Transition[][] DEADLINE_ROWS;
  private static final boolean[][] STRICT_FLAGS = new boolean[Region.values().length][EventKind.values().length];

  static {
    int states = 0;
    for (Region region : Region.values()) {
      REGION_OFFSET[region.ordinal()] = states;
      states += region.states().getEnumConstants().length;
    }
    EVENT_ROWS = new Transition[states][EventKind.values().length][];
    DEADLINE_ROWS = new Transition[states][];
    for (Region region : Region.values()) {
      for (Object constant : region.states().getEnumConstants()) {
        PathwayState state = (PathwayState) constant;
        int index = index(state);
        ImmutableList<Transition> rows = BY_STATE.get(state);
        DEADLINE_ROWS[index] = rows.stream().filter(t -> t.trigger() instanceof Trigger.AtDeadline).toArray(Transition[]::new);
        for (EventKind kind : EventKind.values()) {
          EVENT_ROWS[index][kind.ordinal()] = rows.stream()
              .filter(t -> t.trigger() instanceof Trigger.OnEvent on && on.kinds().contains(kind)).toArray(Transition[]::new);
        }
      }
    }
    STRICT.forEach((region, kind) -> STRICT_FLAGS[region.ordinal()][kind.ordinal()] = true);
  }

  /** A state's dense index into the replay's arrays (computed once per state change, not per lookup). */
  static int index(PathwayState state) {
    return REGION_OFFSET[state.region().ordinal()] + ((Enum<?>) state).ordinal();
  }

  /** The rows an event of this kind may fire in this state, in table order. */
  static Transition[] eventRows(int stateIndex, EventKind kind) {
    return EVENT_ROWS[stateIndex][kind.ordinal()];
  }

  /** The deadline rows of a state, in table order. */
  /** A row as an {@code Optional}, one shared instance per row (a region's state names the row that entered it). */
  static Optional<Transition> optional(Transition row) {
    Optional<Transition> shared = AS_OPTIONAL.get(row);
    return shared != null ? shared : Optional.of(row);
  }

  private static final java.util.Map<Transition, Optional<Transition>> AS_OPTIONAL = asOptional();

  private static java.util.Map<Transition, Optional<Transition>> asOptional() {
    java.util.IdentityHashMap<Transition, Optional<Transition>> map = new java.util.IdentityHashMap<>();
    ROWS.forEach(row -> map.put(row, Optional.of(row)));
    return java.util.Collections.unmodifiableMap(map);
  }

  // Each row's shared Optional beside it, for the replay to take when a row fires: looking it up in
  // AS_OPTIONAL at every transition was about 3 % of a simulated walk (an identity hash and a probe
  // of a table that is rarely in cache).
  private static final Optional<Transition>[][][] EVENT_ROW_OPTIONALS;
  private static final Optional<Transition>[][] DEADLINE_ROW_OPTIONALS;

  static {
    EVENT_ROW_OPTIONALS = optionals(EVENT_ROWS);
    DEADLINE_ROW_OPTIONALS = optionals(DEADLINE_ROWS);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Transition>[][][] optionals(Transition[][][] rows) {
    Optional<Transition>[][][] optionals = new Optional[rows.length][][];
    for (int i = 0; i < rows.length; i++) {
      optionals[i] = optionals(rows[i]);
    }
    return optionals;
  }

  @SuppressWarnings("unchecked")
  private static Optional<Transition>[][] optionals(Transition[][] rows) {
    Optional<Transition>[][] optionals = new Optional[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      optionals[i] = new Optional[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        optionals[i][j] = optional(rows[i][j]);
      }
    }
    return optionals;
  }

  /** {@link #optional} of {@code eventRows(stateIndex, kind)[i]}. */
  static Optional<Transition> eventRowOptional(int stateIndex, EventKind kind, int i) {
    return EVENT_ROW_OPTIONALS[stateIndex][kind.ordinal()][i];
  }

  /** {@link #optional} of a deadline row of a state, by its position in {@code deadlineRows(stateIndex)}. */
  static Optional<Transition> deadlineRowOptional(int stateIndex, int i) {
    return DEADLINE_ROW_OPTIONALS[stateIndex][i];
  }

  static Transition[] deadlineRows(int stateIndex) {
    return DEADLINE_ROWS[stateIndex];
  }

  private PathwayTable() {}

  /** Every row, in table order. */
  public static ImmutableList<Transition> rows() {
    return ROWS;
  }

  private static ImmutableList<Transition> buildRows() {
    Rows r = new Rows();
    // Phase.
    r.on("PH-1", Phase.ANTENATAL, Phase.POSTNATAL, Guard.LIVE_BIRTH, DELIVERED);
    r.on("PH-2", Phase.ANTENATAL, Phase.CLOSED, Guard.NO_LIVE_BIRTH, DELIVERED);
    r.on("PH-3", Phase.ANTENATAL, Phase.CLOSED, Guard.ABOUT_MOTHER, DIED, TRANSFERRED_OUT);
    r.at("PH-4", Phase.POSTNATAL, Phase.INFANT_FOLLOW_UP, Deadline.POSTNATAL_PERIOD_ENDS);
    r.at("PH-5", List.of(Phase.POSTNATAL, Phase.INFANT_FOLLOW_UP), Phase.CLOSED, Deadline.ALL_INFANTS_RESOLVED);
    r.on("PH-6", Phase.CLOSED, Phase.ANTENATAL, Guard.NOT_DELIVERED, TRANSFERRED_IN, RETURNED_TO_CARE, ENROLLED);
    r.on("PH-7", Phase.CLOSED, Phase.INFANT_FOLLOW_UP, Guard.SOME_INFANT_UNRESOLVED,
        INFANT_HIV_TESTED, FEEDING_RECORDED, TRANSFERRED_IN, RETURNED_TO_CARE);
    // Maternal diagnosis and ART.
    r.on("ART-1", ArtStatus.NOT_KNOWN_POSITIVE, ArtStatus.ART_START_DUE, Guard.ENROLLED_POSITIVE, ENROLLED);
    r.on("ART-2", ArtStatus.NOT_KNOWN_POSITIVE, ArtStatus.ART_START_DUE, Guard.TEST_POSITIVE, MATERNAL_HIV_TESTED);
    r.on("ART-3", List.of(ArtStatus.NOT_KNOWN_POSITIVE, ArtStatus.ART_START_DUE, ArtStatus.ART_START_LATE),
        ArtStatus.ON_ART, Guard.ALWAYS, ART_STARTED);
    r.at("ART-4", ArtStatus.ART_START_DUE, ArtStatus.ART_START_LATE, Deadline.ART_START_OVERDUE);
    r.on("ART-5", ArtStatus.ON_ART, ArtStatus.ON_ART, Guard.ALWAYS, REGIMEN_CHANGED);
    // Viral load (results fire on their result date).
    List<ViralLoadStatus> anyVl = List.of(ViralLoadStatus.values());
    List<ViralLoadStatus> elevated = List.of(ViralLoadStatus.LOW_LEVEL_VIRAEMIA, ViralLoadStatus.UNSUPPRESSED);
    List<ViralLoadStatus> afterElevated = List.of(ViralLoadStatus.LOW_LEVEL_VIRAEMIA, ViralLoadStatus.UNSUPPRESSED,
        ViralLoadStatus.ENHANCED_COUNSELLING);
    r.on("VL-1", anyVl, ViralLoadStatus.SWITCH_INDICATED, Guard.VL_SWITCH_INDICATED, VIRAL_LOAD_RESULTED);
    r.on("VL-2", anyVl, ViralLoadStatus.SUPPRESSED, Guard.VL_SUPPRESSED, VIRAL_LOAD_RESULTED);
    r.on("VL-3", anyVl, ViralLoadStatus.LOW_LEVEL_VIRAEMIA, Guard.VL_LOW_LEVEL, VIRAL_LOAD_RESULTED);
    r.on("VL-4", anyVl, ViralLoadStatus.UNSUPPRESSED, Guard.VL_UNSUPPRESSED, VIRAL_LOAD_RESULTED);
    r.on("VL-5", afterElevated, ViralLoadStatus.REPEAT_DUE, Guard.EAC_COMPLETE, ADHERENCE_COUNSELLED);
    r.on("VL-6", afterElevated, ViralLoadStatus.ENHANCED_COUNSELLING, Guard.EAC_CONTINUES, ADHERENCE_COUNSELLED);
    r.at("VL-7", afterElevated, ViralLoadStatus.REPEAT_DUE, Deadline.VL_REPEAT_WINDOW_OPENS);
    r.on("VL-8", ViralLoadStatus.SWITCH_INDICATED, ViralLoadStatus.NO_RESULT, Guard.ALWAYS, REGIMEN_CHANGED);
    // Adherence.
    List<AdherenceBand> anyBand = List.of(AdherenceBand.values());
    r.on("ADH-1", anyBand, AdherenceBand.CHECK_COUNT, Guard.ADHERENCE_CHECK, PILL_COUNTED);
    r.on("ADH-2", anyBand, AdherenceBand.GOOD, Guard.ADHERENCE_GOOD, PILL_COUNTED);
    r.on("ADH-3", anyBand, AdherenceBand.FAIR, Guard.ADHERENCE_FAIR, PILL_COUNTED);
    r.on("ADH-4", anyBand, AdherenceBand.POOR, Guard.ADHERENCE_POOR, PILL_COUNTED);
    // Retention.
    EventKind[] contacts = CLINICAL_CONTACTS.toArray(new EventKind[0]);
    r.at("RET-1", List.of(Retention.IN_CARE, Retention.RETURNED), Retention.APPOINTMENT_MISSED, Deadline.APPOINTMENT_MISSED);
    r.at("RET-2", Retention.APPOINTMENT_MISSED, Retention.INTERRUPTED, Deadline.INTERRUPTION);
    r.on("RET-3", Retention.APPOINTMENT_MISSED, Retention.IN_CARE, Guard.ALWAYS, contacts);
    r.on("RET-4", Retention.INTERRUPTED, Retention.RETURNED, Guard.ALWAYS, contacts);
    r.on("RET-5", Retention.RETURNED, Retention.IN_CARE, Guard.AFTER_RETURN_DAY, APPOINTMENT_KEPT);
    r.on("RET-6", List.of(Retention.IN_CARE, Retention.APPOINTMENT_MISSED, Retention.INTERRUPTED, Retention.RETURNED,
        Retention.TRACED), Retention.TRANSFERRED_OUT, Guard.ABOUT_MOTHER, TRANSFERRED_OUT);
    r.on("RET-7", Retention.TRANSFERRED_OUT, Retention.IN_CARE, Guard.ABOUT_MOTHER, TRANSFERRED_IN);
    r.on("RET-8", Retention.TRANSFERRED_OUT, Retention.IN_CARE, Guard.ALWAYS, contacts);
    r.on("RET-9", List.of(Retention.IN_CARE, Retention.APPOINTMENT_MISSED, Retention.INTERRUPTED, Retention.RETURNED,
        Retention.TRANSFERRED_OUT, Retention.TRACED), Retention.DIED, Guard.ABOUT_MOTHER, DIED);
    // Reached while late: traced until she comes or the interruption date passes. Reached after
    // the interruption date, she stays INTERRUPTED (the tracing outcome is on the mother's state).
    r.on("RET-10", Retention.APPOINTMENT_MISSED, Retention.TRACED, Guard.TRACING_REACHED, TRACING_ATTEMPTED);
    r.on("RET-11", Retention.TRACED, Retention.IN_CARE, Guard.ALWAYS, contacts);
    r.at("RET-12", Retention.TRACED, Retention.INTERRUPTED, Deadline.INTERRUPTION);
    // One infant (results fire on their result date).
    List<InfantStatus> open = List.of(InfantStatus.EXPOSED, InfantStatus.INCONCLUSIVE, InfantStatus.LOST_TO_FOLLOW_UP,
        InfantStatus.TRANSFERRED_OUT);
    r.on("INF-1", List.of(InfantStatus.EXPOSED, InfantStatus.INCONCLUSIVE, InfantStatus.LOST_TO_FOLLOW_UP,
        InfantStatus.TRANSFERRED_OUT, InfantStatus.HIV_NEGATIVE), InfantStatus.PRESUMPTIVE_POSITIVE,
        Guard.NAT_OR_AB_POSITIVE, INFANT_HIV_TESTED);
    r.on("INF-2", InfantStatus.PRESUMPTIVE_POSITIVE, InfantStatus.HIV_POSITIVE, Guard.CONFIRMS_POSITIVE, INFANT_HIV_TESTED);
    r.on("INF-3", InfantStatus.PRESUMPTIVE_POSITIVE, InfantStatus.PRESUMPTIVE_POSITIVE, Guard.ABOUT_THIS_INFANT, INFANT_HIV_TESTED);
    r.on("INF-4", open, InfantStatus.INCONCLUSIVE, Guard.INDETERMINATE, INFANT_HIV_TESTED);
    r.on("INF-5", open, InfantStatus.HIV_NEGATIVE, Guard.FINAL_NEGATIVE, INFANT_HIV_TESTED);
    r.on("INF-6", open, InfantStatus.EXPOSED, Guard.INTERIM_NEGATIVE, INFANT_HIV_TESTED);
    r.on("INF-7", InfantStatus.HIV_NEGATIVE, InfantStatus.EXPOSED, Guard.BREASTFEEDING_RESUMED, FEEDING_RECORDED);
    r.on("INF-8", List.of(InfantStatus.EXPOSED, InfantStatus.INCONCLUSIVE, InfantStatus.PRESUMPTIVE_POSITIVE,
        InfantStatus.LOST_TO_FOLLOW_UP, InfantStatus.TRANSFERRED_OUT, InfantStatus.HIV_NEGATIVE),
        InfantStatus.DIED, Guard.ABOUT_THIS_INFANT, DIED);
    r.on("INF-9", InfantStatus.HIV_POSITIVE, InfantStatus.HIV_POSITIVE, Guard.ABOUT_THIS_INFANT, DIED);
    r.on("INF-10", List.of(InfantStatus.EXPOSED, InfantStatus.INCONCLUSIVE, InfantStatus.LOST_TO_FOLLOW_UP),
        InfantStatus.TRANSFERRED_OUT, Guard.ABOUT_THIS_INFANT_OR_MOTHER, TRANSFERRED_OUT);
    r.on("INF-11", InfantStatus.TRANSFERRED_OUT, InfantStatus.EXPOSED, Guard.ABOUT_THIS_INFANT_OR_MOTHER, TRANSFERRED_IN);
    r.at("INF-12", List.of(InfantStatus.EXPOSED, InfantStatus.INCONCLUSIVE), InfantStatus.LOST_TO_FOLLOW_UP, Deadline.INTERRUPTION);
    r.on("INF-13", InfantStatus.LOST_TO_FOLLOW_UP, InfantStatus.EXPOSED, Guard.ALWAYS, contacts);
    r.keep("INF-14", List.of(InfantStatus.PRESUMPTIVE_POSITIVE, InfantStatus.HIV_POSITIVE), Guard.ABOUT_THIS_INFANT,
        INFANT_ART_STARTED);
    return r.build();
  }

  /** Whether an event of this kind must match a row in this region (else {@code DQ-004}). */
  static boolean strict(Region region, EventKind kind) {
    return STRICT_FLAGS[region.ordinal()][kind.ordinal()];
  }

  /** The event kinds that must match a row in each region, else soft rule {@code DQ-004}. */
  public static ImmutableSetMultimap<Region, EventKind> strictKinds() {
    return STRICT;
  }

  /**
   * Whether an event shows the mother in clinical care that day: a {@link #CLINICAL_CONTACTS}
   * kind, or her transfer in. The one definition of "contact" for retention, the facts and the
   * soft rule DQ-001.
   */
  public static boolean isClinicalContact(PathwayEvent event) {
    EventKind kind = event.kind();
    return IS_CONTACT[kind.ordinal()] || (kind == TRANSFERRED_IN && Replay.infantOf(event) == null);
  }

  private static final boolean[] IS_CONTACT = new boolean[EventKind.values().length];

  static {
    CLINICAL_CONTACTS.forEach(kind -> IS_CONTACT[kind.ordinal()] = true);
  }

  /**
   * The diagram of the table as Mermaid {@code stateDiagram-v2} text, one sub-diagram per region.
   * {@code docs/pathway.mmd} holds this text; a test fails when it is stale.
   */
  public static String mermaid() {
    StringBuilder out = new StringBuilder();
    out.append("%% Generated from org.mentor.core.pathway.PathwayTable by PathwayTable.mermaid(); do not edit.\n");
    out.append("stateDiagram-v2\n");
    for (Region region : Region.values()) {
      out.append("  state ").append(region.name()).append(" {\n");
      PathwayState initial = (PathwayState) region.states().getEnumConstants()[0];
      out.append("    [*] --> ").append(node(initial)).append('\n');
      for (Transition t : ROWS) {
        if (t.region() != region || t.keepsState()) {
          continue;
        }
        out.append("    ").append(node(t.from())).append(" --> ").append(node(t.to())).append(" : ")
            .append(t.id()).append(' ').append(t.trigger().label().replace(" | ", ", "));
        if (t.guard() != Guard.ALWAYS) {
          out.append(" [").append(t.guard().name()).append(']');
        }
        out.append('\n');
      }
      out.append("  }\n");
    }
    return out.toString();
  }

  private static String node(PathwayState state) {
    return state.region().name() + "_" + state.name();
  }

  /** Collects rows; a row with several from-states expands to one row each. */
  private static final class Rows {
    private final ImmutableList.Builder<Transition> rows = ImmutableList.builder();

    void on(String id, PathwayState from, PathwayState to, Guard guard, EventKind... kinds) {
      on(id, List.of(from), to, guard, kinds);
    }

    void on(String id, List<? extends PathwayState> from, PathwayState to, Guard guard, EventKind... kinds) {
      Trigger trigger = new Trigger.OnEvent(ImmutableSet.copyOf(kinds));
      for (PathwayState state : from) {
        rows.add(new Transition(id, state, trigger, guard, to));
      }
    }

    /** Rows that keep each state: the event is expected there and changes nothing. */
    void keep(String id, List<? extends PathwayState> states, Guard guard, EventKind... kinds) {
      Trigger trigger = new Trigger.OnEvent(ImmutableSet.copyOf(kinds));
      for (PathwayState state : states) {
        rows.add(new Transition(id, state, trigger, guard, state));
      }
    }

    void at(String id, PathwayState from, PathwayState to, Deadline deadline) {
      at(id, List.of(from), to, deadline);
    }

    void at(String id, List<? extends PathwayState> from, PathwayState to, Deadline deadline) {
      for (PathwayState state : from) {
        rows.add(new Transition(id, state, new Trigger.AtDeadline(deadline), Guard.ALWAYS, to));
      }
    }

    ImmutableList<Transition> build() {
      return rows.build();
    }
  }

  /** The rows in words, one per line (for explanations and docs). */
  public static String describe() {
    return ROWS.stream()
        .map(t -> t.id() + ": " + t.from().region() + " " + t.from().name() + " -> " + t.to().name() + " on "
            + t.trigger().label() + (t.guard() == Guard.ALWAYS ? "" : " if " + t.guard().description()))
        .collect(Collectors.joining("\n"));
  }
}
