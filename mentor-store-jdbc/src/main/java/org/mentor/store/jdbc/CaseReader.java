package org.mentor.store.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.StoredCase;

/** Reads cases: one, or every case streamed a page at a time. Payloads are read through {@link EventJson}, upcasting older versions. */
final class CaseReader {
  /** Cases read per query when streaming every case: bounds the memory {@link #forEach} needs. */
  static final int PAGE_CASES = 256;

  private final Connections connections;
  private final EventJson json;

  CaseReader(Connections connections, EventJson json) {
    this.connections = connections;
    this.json = json;
  }

  Optional<StoredCase> load(CaseId caseId) {
    return connections.read("load", connection -> events(connection, caseId).map(events -> new StoredCase(caseId, events)));
  }

  /** A case's events in the order accepted, read in one statement on the connection given. */
  Optional<ImmutableList<PathwayEvent>> events(Connection connection, CaseId caseId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT seq, payload FROM mentor_event WHERE case_id = ? ORDER BY seq")) {
      select.setString(1, caseId.value());
      try (ResultSet rs = select.executeQuery()) {
        ImmutableList.Builder<PathwayEvent> events = ImmutableList.builder();
        boolean any = false;
        while (rs.next()) {
          events.add(read(rs.getString(2), rs.getLong(1)));
          any = true;
        }
        return any ? Optional.of(events.build()) : Optional.empty();
      }
    }
  }

  /** Reads a stored payload, upcasting an older schema version; a refusal names the row's sequence. */
  PathwayEvent read(String payload, long seq) {
    try {
      return json.read(payload);
    } catch (InvalidEventException e) {
      InvalidEventException refused = new InvalidEventException(
          "mentor_event[seq " + seq + "]." + e.field(), e.rejectedValue().orElse(null), e.rule(), e.redacted());
      refused.initCause(e);
      throw refused;
    }
  }

  /** Streams every case, {@value #PAGE_CASES} per query in case-id order, with no connection held during the action. */
  void forEach(Consumer<StoredCase> action) {
    @Nullable String after = null;
    while (true) {
      @Nullable String from = after;
      Page page = connections.read("forEach", connection -> page(connection, from));
      if (page.cases().isEmpty()) {
        return;
      }
      for (PageCase stored : page.cases()) {
        ImmutableList.Builder<PathwayEvent> events = ImmutableList.builderWithExpectedSize(stored.payloads().size());
        for (int i = 0; i < stored.payloads().size(); i++) {
          events.add(read(stored.payloads().get(i), i + 1L));
        }
        action.accept(new StoredCase(stored.caseId(), events.build()));
      }
      after = page.last();
    }
  }

  private record PageCase(CaseId caseId, List<String> payloads) {}

  /** A page of cases in case-id order, up to the case id given. */
  private record Page(List<PageCase> cases, @Nullable String last) {}

  private static Page page(Connection connection, @Nullable String after) throws SQLException {
    String last;
    try (PreparedStatement bound = connection.prepareStatement("SELECT MAX(case_id) FROM (SELECT case_id FROM mentor_case"
        + (after == null ? "" : " WHERE case_id > ?") + " ORDER BY case_id LIMIT ?) page")) {
      int i = 1;
      if (after != null) {
        bound.setString(i++, after);
      }
      bound.setInt(i, PAGE_CASES);
      try (ResultSet rs = bound.executeQuery()) {
        rs.next();
        last = rs.getString(1);
        if (last == null) {
          return new Page(List.of(), after);
        }
      }
    }
    List<PageCase> cases = new ArrayList<>(PAGE_CASES);
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT c.case_id, e.payload FROM mentor_case c JOIN mentor_event e ON e.case_id = c.case_id"
            + " WHERE " + (after == null ? "" : "c.case_id > ? AND ") + "c.case_id <= ? ORDER BY c.case_id, e.seq")) {
      int i = 1;
      if (after != null) {
        select.setString(i++, after);
      }
      select.setString(i, last);
      try (ResultSet rs = select.executeQuery()) {
        String current = null;
        List<String> payloads = null;
        while (rs.next()) {
          String caseId = rs.getString(1);
          if (!caseId.equals(current)) {
            current = caseId;
            payloads = new ArrayList<>();
            cases.add(new PageCase(CaseId.of(caseId), payloads));
          }
          payloads.add(rs.getString(2));
        }
      }
    }
    return new Page(cases, last);
  }
}
