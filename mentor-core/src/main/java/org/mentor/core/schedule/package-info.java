/**
 * The milestone schedule: every milestone a case's protocol defines, dated from the case's facts
 * and stated as of a date (UPCOMING, DUE, LATE, OVERDUE, DONE, MISSED, CANCELLED), each with why.
 */
@NullMarked
package org.mentor.core.schedule;

import org.jspecify.annotations.NullMarked;
