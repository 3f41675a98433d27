/**
 * Not API: helpers two of mentor-core's packages share (the pathway's events and the schedule both
 * intern dates). Anything here may change or go in any release.
 */
@NullMarked
package org.mentor.core.internal;

import org.jspecify.annotations.NullMarked;
