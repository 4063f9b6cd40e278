/**
 * SMS keywords sent to our number: STOP and its variants, START, HELP, {@code VARSEL <municipality>} and the code sent
 * back to confirm it. Replies go out as direct messages through the outbox, rendered GSM-7 in one segment.
 */
@NullMarked
package no.overdosevarsel.subscriber.keyword;

import org.jspecify.annotations.NullMarked;
