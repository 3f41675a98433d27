package org.mentor.core.protocol;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * How a milestone's due date is computed: one term, or the later or earlier of up to three
 * (WHO's final test is the later of 18 months and 3 months after breastfeeding ends). A term
 * whose anchor has no date yet is left out; with none left, the milestone has no due date yet.
 *
 * <p>Immutable and thread-safe.
 *
 * @param combine how terms combine
 * @param terms one to three terms
 */
@API(status = STABLE, since = "0.1")
public record DueRule(Combine combine, ImmutableList<Term> terms) {
  public DueRule {
    requireNonNull(combine, "combine");
    terms = ImmutableList.copyOf(requireNonNull(terms, "terms"));
    checkArgument(!terms.isEmpty() && terms.size() <= 3, "a due rule has one to three terms");
    checkArgument(combine != Combine.SINGLE || terms.size() == 1, "a single due rule has one term");
  }

  /** How terms combine. */
  public enum Combine {
    SINGLE,
    LATEST_OF,
    EARLIEST_OF
  }

  @Override
  public String toString() {
    String joined = terms.stream().map(Term::toString).collect(Collectors.joining(", "));
    return switch (combine) {
      case SINGLE -> joined;
      case LATEST_OF -> "later of (" + joined + ")";
      case EARLIEST_OF -> "earlier of (" + joined + ")";
    };
  }
}
