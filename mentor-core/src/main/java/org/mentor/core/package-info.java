/**
 * Mentor's public entry point: the {@link org.mentor.core.Mentor} facade and its builder, the
 * identity types, the rule catalogue and the exception hierarchy rooted at
 * {@link org.mentor.core.MentorException}.
 */
@NullMarked
package org.mentor.core;

import org.jspecify.annotations.NullMarked;
