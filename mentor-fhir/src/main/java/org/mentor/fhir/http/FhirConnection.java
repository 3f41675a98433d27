package org.mentor.fhir.http;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.INTERNAL;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.mentor.fhir.push.Outcomes;
import org.mentor.fhir.push.RetryPolicy;

/**
 * What a {@link FhirClientBuilder} gives the client it builds: the HTTP client (its own, closed with it, or a shared
 * one, left open), the retries of requests that fail transiently, and whether failures leave out the server's
 * diagnostics. The push, the pull and the reconcile each hold one.
 *
 * <p>Thread-safe: immutable, over a thread-safe {@link FhirHttp}.
 */
@API(status = INTERNAL, since = "0.1")
public final class FhirConnection implements AutoCloseable {
  private final FhirHttp http;
  private final boolean owned;
  private final RetryPolicy retry;
  private final boolean redact;

  FhirConnection(FhirHttp http, boolean owned, RetryPolicy retry, boolean redact) {
    this.http = requireNonNull(http, "http");
    this.owned = owned;
    this.retry = requireNonNull(retry, "retry");
    this.redact = redact;
  }

  /** The HTTP client. */
  public FhirHttp http() {
    return http;
  }

  /** The retries of requests that fail transiently. */
  public RetryPolicy retry() {
    return retry;
  }

  /** Whether failures leave out the server's diagnostics, which may quote patient data. */
  public boolean redact() {
    return redact;
  }

  /**
   * An exchange with the server: its status (0 when no answer came) and body.
   *
   * @param status the HTTP status, 0 when no answer came
   * @param body the answer's body, empty if none
   * @param failure why no answer came, when status is 0
   * @param transientFailure whether trying again later may succeed (no answer, 408, 429, 5xx)
   */
  public record Answer(int status, String body, String failure, boolean transientFailure) {
    /** Whether the status is 2xx. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A request that may be sent more than once (a read, a search, a conditional delete). */
  @FunctionalInterface
  public interface Call {
    /**
     * Sends it.
     *
     * @return the answer
     * @throws IOException when no answer came
     */
    FhirHttp.Response send() throws IOException;
  }

  /**
   * Sends a request that may be repeated, again after each transient failure, as the retry policy allows (backing off
   * in between); an interrupt ends the retries, keeping the interrupt.
   *
   * @param call the request, not null
   * @return the last answer
   */
  public Answer withRetries(Call call) {
    Answer answer = exchange(call);
    for (int attempt = 1; answer.transientFailure() && attempt < retry.maxAttempts(); attempt++) {
      try {
        Thread.sleep(retry.backoff(attempt).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer;
      }
      answer = exchange(call);
    }
    return answer;
  }

  private static Answer exchange(Call call) {
    try {
      FhirHttp.Response r = call.send();
      return new Answer(r.status(), r.body(), "", r.status() == 408 || r.status() == 429 || r.status() >= 500);
    } catch (IOException e) {
      return new Answer(0, "", "no answer (" + e.getClass().getSimpleName() + ")", true);
    }
  }

  /**
   * Why a request failed, for a report or a log: that no answer came, or the status and the server's
   * OperationOutcome, redacted unless redaction is off.
   *
   * @param answer the failed exchange, not null
   * @param fhir the context that parses the server's OperationOutcome, not null
   * @return e.g. {@code HTTP 422: error/processing HAPI-0550 at Bundle.entry[3].resource}
   */
  public String failure(Answer answer, FhirContext fhir) {
    return answer.status() == 0 ? answer.failure() : "HTTP " + answer.status() + ": " + Outcomes.describe(outcome(answer, fhir), redact);
  }

  private static @Nullable OperationOutcome outcome(Answer answer, FhirContext fhir) {
    try {
      return fhir.newJsonParser().parseResource(OperationOutcome.class, answer.body());
    } catch (RuntimeException e) {
      return null; // not FHIR JSON (a proxy's error page)
    }
  }

  /** Closes the HTTP client if it is this connection's own; a shared one is left open. */
  @Override
  public void close() {
    if (owned) {
      http.close();
    }
  }
}
