/**
 * Public feeds of published alerts: RSS 2.0 and Atom per region, CAP 1.2 documents and a CAP index, all rendered from
 * an in-memory view that is rebuilt when an alert changes or expires.
 */
@NullMarked
package no.overdosevarsel.dispatch.feed;

import org.jspecify.annotations.NullMarked;
