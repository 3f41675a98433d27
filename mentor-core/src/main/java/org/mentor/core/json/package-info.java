/**
 * The public, versioned JSON form of every pathway event, the form stores, transfers and the CLI
 * read and write: {@link org.mentor.core.json.EventJson} writes and strictly reads single events,
 * newline-delimited batches and the {@link org.mentor.core.json.CaseEvent} envelope, and
 * {@link org.mentor.core.json.EventUpcaster}s carry documents of an older schema version of one
 * type forward to the current one. The format is specified in {@code docs/events.md}.
 */
@NullMarked
package org.mentor.core.json;

import org.jspecify.annotations.NullMarked;
