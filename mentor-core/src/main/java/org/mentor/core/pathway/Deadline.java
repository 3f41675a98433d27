package org.mentor.core.pathway;

import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mentor.core.protocol.Key;

/**
 * The named deadlines of the transition table: dates computed from the replay's memory and
 * protocol values at which a state changes with no new event (DESIGN.md §2: days passing move the
 * state). A deadline with no date (null) does not fire.
 */
public enum Deadline {
  ART_START_OVERDUE("diagnosis + art.rapidStartDays + 1", s -> s.memory().diagnosedOn == null ? null
      : s.memory().diagnosedOn.plusDays(s.protocol().getInt(Key.ART_RAPID_START_DAYS) + 1L)),
  VL_REPEAT_WINDOW_OPENS("elevated sample + viralLoad.repeatAfterElevated - viralLoad.windowLeadDays",
      s -> s.memory().lastVl == null ? null
          : s.memory().lastVl.sampleDate().plus(s.protocol().get(Key.VL_REPEAT_AFTER_ELEVATED))
              .minusDays(s.protocol().getInt(Key.VL_WINDOW_LEAD_DAYS))),
  APPOINTMENT_MISSED("appointment + 1 day without a clinical contact",
      s -> s.memory().missedAppointment() == null ? null : s.memory().missedAppointment().plusDays(1)),
  INTERRUPTION("missed appointment + retention.iitThresholdDays (+1 unless retention.iitInclusive)", Deadline::interruption),
  POSTNATAL_PERIOD_ENDS("delivery + phase.postnatalPeriod", s -> s.memory().deliveredOn == null ? null
      : s.memory().deliveredOn.plus(s.protocol().get(Key.POSTNATAL_PERIOD))),
  ALL_INFANTS_RESOLVED("the day the last infant reached a final outcome", s -> s.replay().allInfantsResolvedOn());

  private final String description;
  private final Function<Step, @Nullable LocalDate> date;

  Deadline(String description, Function<Step, @Nullable LocalDate> date) {
    this.description = description;
    this.date = date;
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
    return missed.plusDays(days);
  }
}
