package org.mentor.core.registry;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;
import org.mentor.core.MentorId;

/**
 * Whose due list, on which day.
 *
 * @param scope everyone, one mentor's cases or one facility's
 * @param asOf the day
 */
@API(status = STABLE, since = "0.1")
public record DueQuery(Scope scope, LocalDate asOf) {
  public DueQuery {
    requireNonNull(scope, "scope");
    requireNonNull(asOf, "asOf");
  }

  /** Every case in the registry. */
  public static DueQuery everyone(LocalDate asOf) {
    return new DueQuery(Scope.Everyone.INSTANCE, asOf);
  }

  /** The cases a mentor is responsible for on the day. */
  public static DueQuery mentor(MentorId mentor, LocalDate asOf) {
    return new DueQuery(new Scope.Mentor(mentor), asOf);
  }

  /** The cases a facility holds on the day. */
  public static DueQuery facility(String facility, LocalDate asOf) {
    return new DueQuery(new Scope.Facility(facility), asOf);
  }

  /** The same scope on another day. */
  public DueQuery on(LocalDate day) {
    return new DueQuery(scope, day);
  }

  /** A due list's scope. */
  public sealed interface Scope {
    /** Whether a case with this responsibility on the day is in scope. */
    boolean includes(Assignment assignment);

    /** Every case. */
    enum Everyone implements Scope {
      INSTANCE;

      @Override
      public boolean includes(Assignment assignment) {
        return true;
      }
    }

    /**
     * One mentor's cases.
     *
     * @param mentor the mentor
     */
    record Mentor(MentorId mentor) implements Scope {
      public Mentor {
        requireNonNull(mentor, "mentor");
      }

      @Override
      public boolean includes(Assignment assignment) {
        return assignment.mentor().map(mentor::equals).orElse(false);
      }
    }

    /**
     * One facility's cases.
     *
     * @param facility the facility code
     */
    record Facility(String facility) implements Scope {
      public Facility {
        requireNonNull(facility, "facility");
        checkArgument(!facility.isBlank(), "facility is blank");
      }

      @Override
      public boolean includes(Assignment assignment) {
        return assignment.facility().equals(facility);
      }
    }
  }
}
