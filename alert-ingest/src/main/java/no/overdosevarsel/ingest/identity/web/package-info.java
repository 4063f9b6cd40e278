/** The sign-in page of the embedded authorization server, in bokmål or English. */
@NullMarked
package no.overdosevarsel.ingest.identity.web;

import org.jspecify.annotations.NullMarked;
