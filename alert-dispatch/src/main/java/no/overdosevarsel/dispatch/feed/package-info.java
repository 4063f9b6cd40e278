/** Public RSS feeds per region, built with Rome. */
@NullMarked
package no.overdosevarsel.dispatch.feed;

import org.jspecify.annotations.NullMarked;
