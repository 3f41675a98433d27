package org.mentor.fhir.http;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.config.SocketConfig;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
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
public final class FhirHttp implements AutoCloseable {
  /** The FHIR JSON media type. */
  public static final String FHIR_JSON = "application/fhir+json";

  private final String base;
  private final CloseableHttpClient client;
  private final @Nullable BearerTokenSource auth;

  private FhirHttp(Builder b) {
    this.base = b.base.endsWith("/") ? b.base.substring(0, b.base.length() - 1) : b.base;
    this.auth = b.auth;
    int connect = Math.toIntExact(b.connectTimeout.toMillis());
    int socket = Math.toIntExact(b.socketTimeout.toMillis());
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
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
    String token = authorize(request);
    Response response = send(request);
    if (response.status() == 401 && token != null) {
      auth.rejected(token);
      String renewed = authorize(request);
      if (renewed != null && !renewed.equals(token)) {
        response = send(request); // refused before anything was written: safe to send again, once
      }
    }
    return response;
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
