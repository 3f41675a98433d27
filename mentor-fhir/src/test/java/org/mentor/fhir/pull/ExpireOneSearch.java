package org.mentor.fhir.pull;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the server treat the next paging request as one for an expired search: the request's search id is replaced
 * by one the server never issued, so HAPI itself answers as it does when its cached results are gone (HTTP 410,
 * HAPI-0417 "Search ID ... does not exist and may have expired"). Expiry takes an hour by default; this takes none.
 */
final class ExpireOneSearch {
  private final AtomicInteger armed = new AtomicInteger();
  private final AtomicInteger expired = new AtomicInteger();

  void arm(int count) {
    armed.addAndGet(count);
  }

  int expired() {
    return expired.get();
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public void expire(RequestDetails request) {
    if (request.getParameters().containsKey("_getpages") && armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      Map<String, String[]> parameters = new HashMap<>(request.getParameters());
      parameters.put("_getpages", new String[] {UUID.randomUUID().toString()});
      request.setParameters(parameters);
      expired.incrementAndGet();
    }
  }
}
