/**
 * Not API: what the pull and the reconcile share (their HTTP exchange with the server, with authorization and one
 * retry after a 401). May change without notice.
 */
@NullMarked
package org.mentor.fhir.internal;

import org.jspecify.annotations.NullMarked;
