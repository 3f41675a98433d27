/**
 * The pathway: the sealed event hierarchy, the fold of a case's effective events into
 * {@link org.mentor.core.pathway.Facts}, and the evaluation of facts as of a date into a
 * {@link org.mentor.core.pathway.CaseState}, driven by the transition table in
 * {@link org.mentor.core.pathway.PathwayTable}.
 */
@NullMarked
package org.mentor.core.pathway;

import org.jspecify.annotations.NullMarked;
