/** One-off messages from subscriber-api (verification codes, links), sent ahead of bulk traffic. */
@NullMarked
package no.overdosevarsel.dispatch.message;

import org.jspecify.annotations.NullMarked;
