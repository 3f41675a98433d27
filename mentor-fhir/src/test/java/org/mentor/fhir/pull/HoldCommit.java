package org.mentor.fhir.pull;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Holds the commit of a resource tagged {@link #TAG} on the server until released: HAPI has already stamped its
 * {@code meta.lastUpdated} (the transaction's start) but no other transaction sees it yet. This is how a slow write
 * on a busy national server looks to a concurrent incremental search, which the pull's overlap window exists for.
 */
final class HoldCommit {
  static final String TAG = "urn:mentor-tests:hold-commit";

  final CountDownLatch reached = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void hold(IBaseResource resource) throws InterruptedException {
    if (resource instanceof Resource r && r.getMeta().getTag(TAG, "hold") != null) {
      reached.countDown();
      release.await(60, TimeUnit.SECONDS);
    }
  }
}
