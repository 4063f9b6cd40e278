/**
 * The HTTP API for subscribers: public subscribing, verifying and confirming (each with its own proof), and the admin
 * API for coordinators with the ADMIN role. JSON in, JSON or RFC 9457 problems out; confirmation pages in HTML.
 */
@NullMarked
package no.overdosevarsel.subscriber.subscription.web;

import org.jspecify.annotations.NullMarked;
