/** The dispatch application. */
@NullMarked
package no.overdosevarsel.dispatch;

import org.jspecify.annotations.NullMarked;
