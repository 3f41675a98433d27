package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * One page of a store's change feed.
 *
 * @param cases the cases changed, each once, oldest change first
 * @param next the cursor to read from next; equal to the one given when nothing changed
 */
@API(status = STABLE, since = "0.1")
public record ChangedCases(ImmutableList<CaseId> cases, StoreCursor next) {
  public ChangedCases {
    cases = ImmutableList.copyOf(requireNonNull(cases, "cases"));
    requireNonNull(next, "next");
  }
}
