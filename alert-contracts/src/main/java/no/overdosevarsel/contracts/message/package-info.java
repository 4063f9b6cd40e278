/** One-off messages that subscriber-api asks alert-dispatch to send. */
@NullMarked
package no.overdosevarsel.contracts.message;

import org.jspecify.annotations.NullMarked;
