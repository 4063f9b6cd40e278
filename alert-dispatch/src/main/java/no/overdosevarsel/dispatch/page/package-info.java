/**
 * The public alert page that SMS and email link to ({@code /varsel/{id}}): plain, accessible HTML in bokmål or
 * English, rendered from the same in-memory view as the feeds.
 */
@NullMarked
package no.overdosevarsel.dispatch.page;

import org.jspecify.annotations.NullMarked;
