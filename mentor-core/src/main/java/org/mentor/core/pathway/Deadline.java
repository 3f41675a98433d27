package org.mentor.core.pathway;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.internal.InternedDates;
import org.mentor.core.protocol.Key;

/**
 * The named deadlines of the transition table: dates computed from the replay's memory and
 * protocol values at which a state changes with no new event (DESIGN.md §2: days passing move the
 * state). A deadline with no date (null) does not fire.
 */
@API(status = STABLE, since = "0.1")
public enum Deadline {
  // Date arithmetic through the shared date table (as LocalDate's, without its calendar
  // arithmetic): a replay resumed from a checkpoint computes every deadline's date again.
  ART_START_OVERDUE("diagnosis + art.rapidStartDays + 1", m -> m.diagnosedOn, s -> s.memory().diagnosedOn == null ? null
      : InternedDates.plusDays(s.memory().diagnosedOn, s.protocol().getInt(Key.ART_RAPID_START_DAYS) + 1L)),
  VL_REPEAT_WINDOW_OPENS("elevated sample + viralLoad.repeatAfterElevated - viralLoad.windowLeadDays", m -> m.lastVl,
      s -> s.memory().lastVl == null ? null
          : InternedDates.plusDays(
              InternedDates.plus(s.memory().lastVl.sampleDate(), s.protocol().get(Key.VL_REPEAT_AFTER_ELEVATED)),
              -(long) s.protocol().getInt(Key.VL_WINDOW_LEAD_DAYS))),
  APPOINTMENT_MISSED("appointment + 1 day without a clinical contact", Memory::missedAppointment,
      s -> s.memory().missedAppointment() == null ? null : InternedDates.plusDays(s.memory().missedAppointment(), 1)),
  INTERRUPTION("missed appointment + retention.iitThresholdDays (+1 unless retention.iitInclusive)", Memory::missedAppointment,
      Deadline::interruption),
  POSTNATAL_PERIOD_ENDS("delivery + phase.postnatalPeriod", m -> m.deliveredOn, s -> s.memory().deliveredOn == null ? null
      : InternedDates.plus(s.memory().deliveredOn, s.protocol().get(Key.POSTNATAL_PERIOD))),
  ALL_INFANTS_RESOLVED("the day the last infant reached a final outcome", null, s -> s.replay().allInfantsResolvedOn());

  private final String description;
  private final @Nullable Function<Memory, @Nullable Object> input;
  private final Function<Step, @Nullable LocalDate> date;

  Deadline(String description, @Nullable Function<Memory, @Nullable Object> input, Function<Step, @Nullable LocalDate> date) {
    this.description = description;
    this.input = input;
    this.date = date;
  }

  /**
   * The one value of the replay's memory the date is computed from (with protocol values), when
   * there is one: the same instance gives the same date, and none (null) gives no date. The replay
   * keeps each deadline's last date and recomputes it only when this changes (date arithmetic was
   * a quarter of an evaluation from a checkpoint). Null for a deadline read from elsewhere.
   */
  @Nullable Function<Memory, @Nullable Object> input() {
    return input;
  }

  /** How the date is computed, in words for the diagram and explanations. */
  public String description() {
    return description;
  }

  @Nullable LocalDate at(Step step) {
    return date.apply(step);
  }

  private static @Nullable LocalDate interruption(Step s) {
    LocalDate missed = s.memory().missedAppointment();
    if (missed == null) {
      return null;
    }
    int days = s.protocol().getInt(Key.IIT_THRESHOLD_DAYS) + (s.protocol().is(Key.IIT_INCLUSIVE) ? 0 : 1);
    return InternedDates.plusDays(missed, days);
  }
}
