/**
 * The vocabulary every module shares: the identity types, the rule catalogue and the exception hierarchy rooted at
 * {@link org.mentor.core.MentorException}. The entry point for an EMR is
 * {@link org.mentor.core.registry.CaseRegistry}.
 */
@NullMarked
package org.mentor.core;

import org.jspecify.annotations.NullMarked;
