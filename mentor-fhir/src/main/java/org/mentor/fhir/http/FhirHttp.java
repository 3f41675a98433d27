package org.mentor.fhir.http;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.http.NameValuePair;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.config.SocketConfig;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.message.BasicNameValuePair;
import org.apache.http.util.EntityUtils;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of talking to a FHIR server, shared by push and pull: one connection pool with its own timeouts, FHIR
 * JSON in and out, bearer-token authorization from a {@link BearerTokenSource}, no automatic retries (the caller
 * retries, knowing what is idempotent) and no cookies.
 *
 * <p>HAPI's generic client is not used: it takes every request's HTTP settings (timeouts, pool) from the FhirContext's
 * global client factory (HAPI 8.8.0, {@code BaseHttpClientInvocation}), which belongs to the application.
 *
 * <pre>{@code
 * try (FhirHttp http = FhirHttp.builder("https://fhir.example.gov/fhir").auth(tokens).build()) {
 *   FhirHttp.Response r = http.get("Observation?_lastUpdated=gt2026-01-01");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Never logs; never puts the token in an exception.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FhirHttp implements AutoCloseable {
  /** The FHIR JSON media type. */
  public static final String FHIR_JSON = "application/fhir+json";

  private final String base;
  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;
  private final @Nullable BearerTokenSource auth;

  private FhirHttp(Builder b) {
    this.base = b.base.endsWith("/") ? b.base.substring(0, b.base.length() - 1) : b.base;
    this.auth = b.auth;
    int connect = Math.toIntExact(b.connectTimeout.toMillis());
    int socket = Math.toIntExact(b.socketTimeout.toMillis());
    this.pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(b.maxConnections);
    pool.setDefaultMaxPerRoute(b.maxConnections);
    pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(socket).build());
    this.client = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries().disableCookieManagement()
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(connect).setSocketTimeout(socket)
            .setConnectionRequestTimeout(socket).build())
        .build();
  }

  /**
   * A builder.
   *
   * @param serverBase the server's base URL, such as {@code https://fhir.example.gov/fhir}, not null
   * @return the builder
   */
  public static Builder builder(String serverBase) {
    return new Builder(serverBase);
  }

  /** The server's base URL, without a trailing slash. */
  public String baseUrl() {
    return base;
  }

  /**
   * An HTTP answer.
   *
   * @param status the HTTP status
   * @param body the body as text (UTF-8), empty if none
   */
  public record Response(int status, String body) {
    public Response {
      requireNonNull(body, "body");
    }

    /** Whether the status is 2xx. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Posts FHIR JSON (a transaction or batch Bundle to the base URL, or a resource to its type).
   *
   * @param path relative to the base URL ("" for the base itself), or an absolute URL under it
   * @param fhirJson the body, not null
   * @return the answer, whatever its status
   * @throws IOException when no answer came (refused, cut, timed out): the request may or may not have been applied
   */
  public Response post(String path, byte[] fhirJson) throws IOException {
    requireNonNull(fhirJson, "fhirJson");
    HttpPost post = new HttpPost(url(path));
    post.setEntity(new ByteArrayEntity(fhirJson, ContentType.create(FHIR_JSON, StandardCharsets.UTF_8)));
    return execute(post);
  }

  /**
   * Reads (a search, a resource, a page of results).
   *
   * @param path relative to the base URL, such as {@code Observation?_count=100}, or an absolute URL under it (a next
   *     link)
   * @return the answer, whatever its status
   * @throws IOException when no answer came
   */
  public Response get(String path) throws IOException {
    return execute(new HttpGet(url(path)));
  }

  /**
   * Searches: {@code POST [type]/_search} with the parameters form-encoded (no identifier travels in a URL, which
   * proxies log) and {@code Cache-Control: no-cache}, so a HAPI server runs the search afresh instead of answering
   * from its search cache. Follow the answer's next links with {@link #get}.
   *
   * @param type the resource type, not null
   * @param parameters the search parameters in order, each name with one value (repeat a name to AND), not null
   * @return the answer, whatever its status
   * @throws IOException when no answer came
   */
  public Response search(String type, List<Map.Entry<String, String>> parameters) throws IOException {
    requireNonNull(type, "type");
    HttpPost post = new HttpPost(url(type + "/_search"));
    List<NameValuePair> form = new ArrayList<>();
    for (Map.Entry<String, String> p : parameters) {
      form.add(new BasicNameValuePair(p.getKey(), p.getValue()));
    }
    post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
    post.setHeader("Cache-Control", "no-cache");
    return execute(post);
  }

  /**
   * Deletes a resource.
   *
   * @param path {@code Type/id}, relative to the base URL
   * @param ifMatch the version it must still have, such as {@code W/"3"} (a concurrent change then wins), if any
   * @return the answer, whatever its status
   * @throws IOException when no answer came
   */
  public Response delete(String path, Optional<String> ifMatch) throws IOException {
    HttpDelete delete = new HttpDelete(url(path));
    ifMatch.ifPresent(v -> delete.setHeader("If-Match", v));
    return execute(delete);
  }

  private String url(String path) {
    requireNonNull(path, "path");
    if (path.startsWith("http://") || path.startsWith("https://")) {
      checkArgument(path.equals(base) || path.startsWith(base + "/") || path.startsWith(base + "?"),
          "an absolute URL must lie under the server's base URL");
      return path;
    }
    return path.isEmpty() ? base : base + "/" + (path.startsWith("/") ? path.substring(1) : path);
  }

  private Response execute(HttpRequestBase request) throws IOException {
    request.setHeader("Accept", FHIR_JSON);
    try {
      String token = authorize(request);
      Response response = send(request);
      if (response.status() == 401 && token != null) {
        auth.rejected(token);
        String renewed = authorize(request);
        if (renewed != null && !renewed.equals(token)) {
          // The server may have closed the connection it refused on (it did not read the body; Jetty behind HAPI
          // does): a retry on that pooled connection would get no answer. Idle connections are dropped first.
          pool.closeIdleConnections(0, TimeUnit.MILLISECONDS);
          response = send(request); // refused before anything was written: safe to send again, once
        }
      }
      return response;
    } catch (TokenException e) {
      if (e.isTransient()) {
        throw new IOException("no token from the token endpoint: " + e.getMessage());
      }
      // The token endpoint refused the client: answered as the server answers refused credentials, nothing sent.
      return new Response(401, tokenRefused(e));
    }
  }

  private static String tokenRefused(TokenException e) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.LOGIN)
        .setDiagnostics(e.getMessage());
    return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome);
  }

  private @Nullable String authorize(HttpRequestBase request) {
    if (auth == null) {
      return null;
    }
    String token = auth.token();
    checkArgument(token != null && !token.isBlank(), "the bearer token source gave no token");
    request.setHeader("Authorization", "Bearer " + token);
    return token;
  }

  private Response send(HttpRequestBase request) throws IOException {
    try (CloseableHttpResponse response = client.execute(request)) {
      String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
      return new Response(response.getStatusLine().getStatusCode(), body);
    }
  }

  /** Closes the connection pool. */
  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the HTTP client", e);
    }
  }

  /** Configures a {@link FhirHttp}. */
  public static final class Builder {
    private final String base;
    private @Nullable BearerTokenSource auth;
    private int maxConnections = 2;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofSeconds(60);

    private Builder(String base) {
      this.base = requireNonNull(base, "serverBase");
      checkArgument(base.startsWith("http://") || base.startsWith("https://"), "serverBase must be an http(s) URL");
    }

    /** Sends {@code Authorization: Bearer <token>} from this source with every request (default: none). */
    public Builder auth(BearerTokenSource auth) {
      this.auth = requireNonNull(auth, "auth");
      return this;
    }

    /** The most connections open at once (default 2; size it to the requests in flight). */
    public Builder maxConnections(int maxConnections) {
      checkArgument(maxConnections >= 1, "maxConnections must be at least 1");
      this.maxConnections = maxConnections;
      return this;
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      checkArgument(!timeout.isNegative() && !timeout.isZero(), "connectTimeout must be positive");
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for the server's answer (default 60 s: a national server validating a large case is slow). */
    public Builder socketTimeout(Duration timeout) {
      checkArgument(!timeout.isNegative() && !timeout.isZero(), "socketTimeout must be positive");
      this.socketTimeout = timeout;
      return this;
    }

    public FhirHttp build() {
      return new FhirHttp(this);
    }
  }
}
