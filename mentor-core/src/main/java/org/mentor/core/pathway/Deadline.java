package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.internal.InternedDates;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.Protocol;

/**
 * The named deadlines of the transition table: dates computed from the replay's memory and
 * protocol values at which a state changes with no new event (DESIGN.md §2: days passing move the
 * state). A deadline with no date (null) does not fire.
 */
@API(status = STABLE, since = "0.1")
public enum Deadline {
  ART_START_OVERDUE("diagnosis + art.rapidStartDays + 1"),
  VL_REPEAT_WINDOW_OPENS("elevated sample + viralLoad.repeatAfterElevated - viralLoad.windowLeadDays"),
  APPOINTMENT_MISSED("appointment + 1 day without a clinical contact"),
  INTERRUPTION("missed appointment + retention.iitThresholdDays (+1 unless retention.iitInclusive)"),
  POSTNATAL_PERIOD_ENDS("delivery + phase.postnatalPeriod"),
  /** Read from the infants' regions rather than the memory ({@link Replay#allInfantsResolvedOn}). */
  ALL_INFANTS_RESOLVED("the day the last infant reached a final outcome");

  // Switches rather than a function per constant: the replay reads every pending deadline at
  // every step, and a call through six different lambdas could not be inlined (it was a sixteenth
  // of a simulated pair's CPU).

  private final String description;

  Deadline(String description) {
    this.description = description;
  }

  /** How the date is computed, in words for the diagram and explanations. */
  public String description() {
    return description;
  }

  /**
   * The one value of the replay's memory the date is computed from (with protocol values): the
   * same instance gives the same date, and none (null) gives no date. The replay keeps the
   * deadline due first and looks again only when one of these values changes or a region moves.
   * Not for {@link #ALL_INFANTS_RESOLVED}.
   */
  @Nullable Object input(Memory memory) {
    return switch (this) {
      case ART_START_OVERDUE -> memory.diagnosedOn;
      case VL_REPEAT_WINDOW_OPENS -> memory.lastVl;
      case APPOINTMENT_MISSED, INTERRUPTION -> memory.missedAppointment();
      case POSTNATAL_PERIOD_ENDS -> memory.deliveredOn;
      case ALL_INFANTS_RESOLVED -> throw new IllegalStateException("read from the infants' regions");
    };
  }

  /**
   * The date from this deadline's {@link #input} (not null) and the protocol. Date arithmetic goes
   * through the shared date table (as LocalDate's, without its calendar arithmetic).
   */
  LocalDate dateFrom(Object input, Protocol protocol) {
    return switch (this) {
      case ART_START_OVERDUE -> InternedDates.plusDays((LocalDate) input, protocol.getInt(Key.ART_RAPID_START_DAYS) + 1L);
      case VL_REPEAT_WINDOW_OPENS -> InternedDates.plusDays(
          InternedDates.plus(((ViralLoadResulted) input).sampleDate(), protocol.get(Key.VL_REPEAT_AFTER_ELEVATED)),
          -(long) protocol.getInt(Key.VL_WINDOW_LEAD_DAYS));
      case APPOINTMENT_MISSED -> InternedDates.plusDays((LocalDate) input, 1);
      case INTERRUPTION -> InternedDates.plusDays((LocalDate) input,
          protocol.getInt(Key.IIT_THRESHOLD_DAYS) + (protocol.is(Key.IIT_INCLUSIVE) ? 0 : 1));
      case POSTNATAL_PERIOD_ENDS -> InternedDates.plus((LocalDate) input, protocol.get(Key.POSTNATAL_PERIOD));
      case ALL_INFANTS_RESOLVED -> throw new IllegalStateException("read from the infants' regions");
    };
  }
}
