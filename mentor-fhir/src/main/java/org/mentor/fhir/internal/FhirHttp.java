package org.mentor.fhir.internal;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.NameValuePair;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.config.SocketConfig;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.message.BasicNameValuePair;
import org.apache.http.util.EntityUtils;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.mentor.fhir.auth.FhirAuth;
import org.mentor.fhir.auth.TokenException;

/**
 * Requests to one FHIR server with Apache HttpClient (as the push sends its transactions): its own pool and timeouts,
 * no automatic retries, the caller's {@link FhirAuth} on every request and one retry after a 401 with a fresh token.
 * Searches are POSTed ({@code [type]/_search}, form-encoded: no identifier ever travels in a URL, which proxies log)
 * with {@code Cache-Control: no-cache}, so HAPI runs them afresh instead of answering from its search cache.
 * Thread-safe.
 */
public final class FhirHttp implements AutoCloseable {
  private static final String FHIR_JSON = "application/fhir+json";

  private final String base;
  private final FhirContext fhir;
  private final @Nullable FhirAuth auth;
  private final CloseableHttpClient http;

  /**
   * A client.
   *
   * @param base the server's base URL, without a trailing slash
   * @param fhir the application's R4 context (parsing)
   * @param auth the auth, or null for none
   * @param connectTimeout how long to wait for a connection
   * @param socketTimeout how long to wait for an answer
   * @param connections the pool's size
   */
  public FhirHttp(String base, FhirContext fhir, @Nullable FhirAuth auth, Duration connectTimeout, Duration socketTimeout, int connections) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.fhir = requireNonNull(fhir, "fhir");
    this.auth = auth;
    int connect = Math.toIntExact(connectTimeout.toMillis());
    int socket = Math.toIntExact(socketTimeout.toMillis());
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(connections);
    pool.setDefaultMaxPerRoute(connections);
    pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(socket).build());
    pool.setValidateAfterInactivity(500); // a connection idle for half a second is checked before it is reused
    this.http = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries().disableCookieManagement()
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(connect).setSocketTimeout(socket)
            .setConnectionRequestTimeout(socket).build())
        .build();
  }

  /** The server's base URL, without a trailing slash. */
  public String base() {
    return base;
  }

  /** The FHIR context. */
  public FhirContext fhir() {
    return fhir;
  }

  /**
   * A server's answer.
   *
   * @param status the HTTP status; 0 when there was no answer (refused, cut, timed out) or no token
   * @param body the body, empty when none
   * @param date the answer's {@code Date} header, when it had one
   * @param failure why there was no answer, when status is 0
   * @param transientFailure whether trying again later may succeed (no answer, 408, 429, 5xx, a token endpoint that
   *     did not answer)
   */
  public record Answer(int status, String body, Optional<Instant> date, String failure, boolean transientFailure) {
    /** Whether the status is 2xx. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** {@code GET} a URL: absolute (a paging link), or relative to the base. */
  public Answer get(String url) {
    return send(new HttpGet(absolute(url)));
  }

  /**
   * A search: {@code POST [type]/_search} with the parameters form-encoded.
   *
   * @param type the resource type
   * @param parameters the search parameters, each name with one value (repeat a name to AND)
   * @return the answer (a searchset Bundle when ok)
   */
  public Answer search(String type, List<Map.Entry<String, String>> parameters) {
    HttpPost post = new HttpPost(base + "/" + type + "/_search");
    List<NameValuePair> form = parameters.stream().map(e -> (NameValuePair) new BasicNameValuePair(e.getKey(), e.getValue())).toList();
    post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
    return send(post);
  }

  /** {@code PUT} a resource's JSON at a relative URL ({@code Type/id} or {@code Type?identifier=...}). */
  public Answer put(String relative, String json, Optional<String> ifMatch) {
    HttpPut put = new HttpPut(absolute(relative));
    put.setEntity(new ByteArrayEntity(json.getBytes(StandardCharsets.UTF_8), ContentType.create(FHIR_JSON, StandardCharsets.UTF_8)));
    ifMatch.ifPresent(v -> put.setHeader("If-Match", v));
    return send(put);
  }

  /** {@code DELETE} a relative URL ({@code Type/id}). */
  public Answer delete(String relative, Optional<String> ifMatch) {
    HttpDelete delete = new HttpDelete(absolute(relative));
    ifMatch.ifPresent(v -> delete.setHeader("If-Match", v));
    return send(delete);
  }

  /** Parses a Bundle from an answer's body. */
  public Bundle bundle(Answer answer) {
    return fhir.newJsonParser().parseResource(Bundle.class, answer.body());
  }

  /** The OperationOutcome of a failed answer, or null when the body is not one. */
  public @Nullable OperationOutcome outcome(Answer answer) {
    try {
      return fhir.newJsonParser().parseResource(OperationOutcome.class, answer.body());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String absolute(String url) {
    return url.startsWith("http://") || url.startsWith("https://") ? url : base + "/" + url;
  }

  private Answer send(HttpRequestBase request) {
    request.setHeader("Accept", FHIR_JSON);
    request.setHeader("Cache-Control", "no-cache");
    Answer answer = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      String authorization = null;
      if (auth != null) {
        try {
          authorization = auth.authorization();
        } catch (TokenException e) {
          return new Answer(0, "", Optional.empty(), e.getMessage(), e.isTransient());
        }
        request.setHeader("Authorization", authorization);
      }
      answer = exchange(request, authorization != null && attempt == 1);
      // A 401 changed nothing: once more with a fresh token (an expired or revoked one), then it is final.
      if (answer.status() != 401 || authorization == null || attempt == 2 || !auth.refused(authorization)) {
        break;
      }
    }
    return answer;
  }

  /**
   * One request. A 401 that will be retried is closed unread: that drops its connection, which the server may close
   * (it refused the request before reading its body), so the retry does not meet a dead pooled connection.
   */
  private Answer exchange(HttpRequestBase request, boolean retryOn401) {
    try (CloseableHttpResponse response = http.execute(request)) {
      int status = response.getStatusLine().getStatusCode();
      String body = (status == 401 && retryOn401) || response.getEntity() == null ? ""
          : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
      Header date = response.getFirstHeader("Date");
      return new Answer(status, body, date == null ? Optional.empty() : parseDate(date.getValue()), "",
          status == 408 || status == 429 || status >= 500);
    } catch (IOException e) {
      return new Answer(0, "", Optional.empty(), "no answer (" + e.getClass().getSimpleName() + ")", true);
    }
  }

  private static Optional<Instant> parseDate(String value) {
    try {
      return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // connections are dropped either way
    }
  }
}
