package org.mentor.fhir.push;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;

/**
 * The redaction filter for a server's OperationOutcome. A server's diagnostics quote what it refused (match URLs that
 * hold identifiers, values, validation messages that cite element contents), so by default only what names the
 * problem without the data is kept: each issue's severity and code, HAPI's message codes ({@code HAPI-0550}) and the
 * element paths ({@code expression}, {@code location}). With redaction off, the diagnostics are kept whole.
 */
@API(status = INTERNAL, since = "0.1")
public final class Outcomes {
  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d{4}");
  // An element path: Type.element[0].child; nothing else (no quotes, no '|', no '=').
  private static final Pattern PATH = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*|\\[\\d+\\])*");

  private Outcomes() {}

  /**
   * The outcome as one line.
   *
   * @param outcome the server's OperationOutcome, or null when it sent none
   * @param redact whether to leave out the diagnostics
   * @return e.g. {@code error/processing HAPI-0550 at Bundle.entry[3].resource}; "no OperationOutcome" when null
   */
  public static String describe(@Nullable IBaseOperationOutcome outcome, boolean redact) {
    if (!(outcome instanceof OperationOutcome oo) || oo.getIssue().isEmpty()) {
      return "no OperationOutcome";
    }
    List<String> issues = new ArrayList<>();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : oo.getIssue()) {
      StringBuilder s = new StringBuilder();
      s.append(issue.hasSeverity() ? issue.getSeverity().toCode() : "?").append('/').append(issue.hasCode() ? issue.getCode().toCode() : "?");
      String diagnostics = issue.getDiagnostics() == null ? "" : issue.getDiagnostics();
      if (redact) {
        Matcher m = HAPI_CODE.matcher(diagnostics);
        while (m.find()) {
          s.append(' ').append(m.group());
        }
        List<String> paths = new ArrayList<>();
        for (StringType e : issue.getExpression()) {
          if (e.getValue() != null && PATH.matcher(e.getValue()).matches()) {
            paths.add(e.getValue());
          }
        }
        for (StringType l : issue.getLocation()) {
          if (l.getValue() != null && PATH.matcher(l.getValue()).matches() && !paths.contains(l.getValue())) {
            paths.add(l.getValue());
          }
        }
        if (!paths.isEmpty()) {
          s.append(" at ").append(String.join(", ", paths));
        }
        if (!diagnostics.isEmpty()) {
          s.append(" (diagnostics redacted)");
        }
      } else if (!diagnostics.isEmpty()) {
        s.append(' ').append(diagnostics);
      }
      issues.add(s.toString());
    }
    return String.join("; ", issues);
  }

  /** The outcome's diagnostics joined, unredacted, for classification only (never shown or logged). */
  static String diagnostics(@Nullable IBaseOperationOutcome outcome) {
    if (!(outcome instanceof OperationOutcome oo)) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : oo.getIssue()) {
      s.append(issue.getDiagnostics()).append('\n');
      issue.getExpression().forEach(e -> s.append(e.getValue()).append('\n'));
    }
    return s.toString();
  }
}
