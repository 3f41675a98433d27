package org.mentor.fhir.push;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Progress of a push, for a progress bar. Called from the push's worker threads, once per case when it is done
 * (pushed, unchanged or failed), with a count that only grows. Must be quick and thread-safe; never receives patient
 * data.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
public interface PushListener {
  /** A listener that ignores progress. */
  PushListener NONE = (done, total) -> {};

  /**
   * A case is done.
   *
   * @param done the cases done so far, 1..total
   * @param total the cases in this push
   */
  void progress(int done, int total);
}
