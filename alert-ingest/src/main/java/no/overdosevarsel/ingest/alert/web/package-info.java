/** The HTTP API of alerts: publish one, read one. */
@NullMarked
package no.overdosevarsel.ingest.alert.web;

import org.jspecify.annotations.NullMarked;
