package org.mentor.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A soft rule that an accepted event broke: the event is kept, and the issue is shown on the
 * case view and the due list so a person can check it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the soft rule, not null
 * @param eventId the event that raised it, not null
 * @param on the date the issue refers to, not null
 */
@API(status = STABLE, since = "0.1")
public record DataQualityIssue(Rule rule, EventId eventId, LocalDate on) {
  public DataQualityIssue {
    requireNonNull(rule, "rule");
    requireNonNull(eventId, "eventId");
    requireNonNull(on, "on");
    checkArgument(rule.severity() == Rule.Severity.SOFT, "a data-quality issue carries a soft rule");
  }
}
