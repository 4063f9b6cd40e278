/** Where public links point: base URLs of the alert pages and subscriber self-service. */
@NullMarked
package no.overdosevarsel.dispatch.web;

import org.jspecify.annotations.NullMarked;
