/** End-to-end fan-out benchmark of alert-dispatch against local provider stubs, and the bare sending limit. */
@NullMarked
package no.overdosevarsel.bench;

import org.jspecify.annotations.NullMarked;
