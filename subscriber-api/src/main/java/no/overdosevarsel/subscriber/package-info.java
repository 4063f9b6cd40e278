/** The subscriber application. */
@NullMarked
package no.overdosevarsel.subscriber;

import org.jspecify.annotations.NullMarked;
