package org.mentor.fhir.push;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-side faults on transactions, armed by count, that a healthy server does not produce on demand: an error
 * before the transaction runs (nothing written), an error after it committed (written, answer lost), a 409 version
 * conflict, and an answer held past the client's timeout. Counts what it injected, per kind, and knows which held
 * transactions are still running on the server (a test waits for them: see {@link #awaitHeldFinished}).
 */
final class FaultInterceptor {
  enum Kind {
    /** 503 before processing. */
    UNAVAILABLE_503,
    /** 500 before processing. */
    ERROR_500,
    /** 429 before processing. */
    TOO_MANY_429,
    /** 409 version conflict before processing (as a concurrent writer causes). */
    CONFLICT_409,
    /** 500 after the transaction committed: the write happened, the client is told it failed. */
    ERROR_500_AFTER_COMMIT,
    /** The answer held past the client's socket timeout; the transaction then commits. */
    TIMEOUT
  }

  private final Map<Kind, AtomicInteger> armed = new ConcurrentHashMap<>();
  private final Map<Kind, AtomicInteger> injected = new ConcurrentHashMap<>();
  private final long holdMillis;
  private final Set<RequestDetails> holding = ConcurrentHashMap.newKeySet();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  FaultInterceptor(long holdMillis) {
    this.holdMillis = holdMillis;
    for (Kind k : Kind.values()) {
      armed.put(k, new AtomicInteger());
      injected.put(k, new AtomicInteger());
    }
  }

  void arm(Kind kind, int count) {
    armed.get(kind).addAndGet(count);
  }

  void disarm() {
    armed.values().forEach(a -> a.set(0));
  }

  int injected(Kind kind) {
    return injected.get(kind).get();
  }

  int injected() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private boolean take(Kind kind) {
    if (armed.get(kind).getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      injected.get(kind).incrementAndGet();
      return true;
    }
    return false;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void before(RequestDetails request, RestOperationTypeEnum operation) throws InterruptedException {
    if (operation != RestOperationTypeEnum.TRANSACTION) {
      return;
    }
    if (take(Kind.UNAVAILABLE_503)) {
      throw new UnclassifiedServerFailureException(503, "injected: service unavailable");
    }
    if (take(Kind.ERROR_500)) {
      throw new InternalErrorException("injected: internal error");
    }
    if (take(Kind.TOO_MANY_429)) {
      throw new UnclassifiedServerFailureException(429, "injected: too many requests");
    }
    if (take(Kind.CONFLICT_409)) {
      throw new ResourceVersionConflictException("injected: version conflict on a Mentor-owned resource");
    }
    if (take(Kind.TIMEOUT)) {
      holding.add(request);
      CountDownLatch held = gate;
      if (held.getCount() > 0) {
        held.await(120, TimeUnit.SECONDS); // until the test releases it
      } else {
        Thread.sleep(holdMillis); // the client gives up first; the transaction runs after
      }
    }
  }

  /** Holds timed-out transactions until {@link #release} rather than for the fixed time. */
  void holdUntilReleased() {
    gate = new CountDownLatch(1);
  }

  /** Lets the held transactions run. */
  void release() {
    gate.countDown();
  }

  /** Called after the answer was written or failed to be written: a held transaction has committed (or failed). */
  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
  public void completed(RequestDetails request) {
    if (holding.remove(request)) {
      synchronized (holding) {
        holding.notifyAll();
      }
    }
  }

  /**
   * Waits until every transaction held past the client's timeout has finished on the server.
   *
   * @return false if some were still running after {@code max}
   */
  boolean awaitHeldFinished(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (holding) {
      while (!holding.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        holding.wait(Math.max(1, left / 1_000_000), 0);
      }
    }
    return true;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean after(RequestDetails request) {
    if (request.getRestOperationType() == RestOperationTypeEnum.TRANSACTION && take(Kind.ERROR_500_AFTER_COMMIT)) {
      throw new InternalErrorException("injected: failed after commit");
    }
    return true;
  }
}
