/**
 * Test fixtures for every module's tests: {@link org.mentor.core.testing.CaseBuilder} builds
 * synthetic cases in the words of the clinical tables. Published in mentor-core's test-jar.
 */
@NullMarked
package org.mentor.core.testing;

import org.jspecify.annotations.NullMarked;
