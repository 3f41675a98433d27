package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import org.apiguardian.api.API;

/**
 * A due list: the items in a scope on a day, most urgent first.
 *
 * @param query the scope and day
 * @param items by tier, then due date (oldest first), then case and key, so the order is stable
 * @param casesEvaluated how many cases the index proposed and were evaluated (the list's cost)
 */
@API(status = STABLE, since = "0.1")
public record DueList(DueQuery query, ImmutableList<DueItem> items, int casesEvaluated) {
  /** The ranking: tier, then the date due (oldest first), then case, infant and milestone for a stable order. */
  public static final Comparator<DueItem> RANKING = Comparator.comparing(DueItem::tier)
      .thenComparing(DueItem::since)
      .thenComparing(DueItem::caseId)
      .thenComparing(i -> i.infantId().map(Object::toString).orElse(""))
      .thenComparing(DueItem::action)
      .thenComparing(i -> i.milestone().orElse(""));

  public DueList {
    requireNonNull(query, "query");
    items = ImmutableList.copyOf(requireNonNull(items, "items"));
  }
}
