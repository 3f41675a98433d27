package org.mentor.core.schedule;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.protocol.Anchor;
import org.mentor.core.protocol.Confidence;
import org.mentor.core.protocol.DueRule;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.protocol.Source;

/**
 * Why a milestone is due when it is: the protocol and rule, the anchor and its date, the due rule,
 * and the rule's source with its confidence mark (so "unverified" rules show as such).
 *
 * <p>Immutable and thread-safe.
 *
 * @param protocol the protocol
 * @param ruleId the milestone rule's id
 * @param anchor the anchor
 * @param anchorDate the anchor's date for this occurrence
 * @param dueRule the due rule, such as {@code BIRTH + P42D}
 * @param source the rule's source and confidence
 */
@API(status = STABLE, since = "0.1")
public record Why(ProtocolRef protocol, String ruleId, Anchor anchor, LocalDate anchorDate, DueRule dueRule, Source source) {
  public Why {
    requireNonNull(protocol, "protocol");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(anchor, "anchor");
    requireNonNull(anchorDate, "anchorDate");
    requireNonNull(dueRule, "dueRule");
    requireNonNull(source, "source");
  }

  /** Whether the rule still awaits confirmation against its guideline. */
  public boolean unverified() {
    return source.confidence() == Confidence.UNVERIFIED;
  }

  /** The explanation in one line. */
  public String text() {
    return ruleId + " (" + protocol + "): due " + dueRule + ", " + anchor + " = " + anchorDate + "; source: "
        + source.citation() + " [" + source.confidence().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]";
  }
}
