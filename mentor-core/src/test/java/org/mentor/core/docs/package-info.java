/**
 * Tests that keep {@code docs/} true to the code: the generated parts of the pathway, rules and
 * protocol documents are compared with what the code generates today (and rewritten on request
 * with {@code -Dmentor.docs.regenerate=true}), and the domain is checked never to read the clock
 * or print.
 */
@NullMarked
package org.mentor.core.docs;

import org.jspecify.annotations.NullMarked;
