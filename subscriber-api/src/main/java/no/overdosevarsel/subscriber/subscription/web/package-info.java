/** The public HTTP API for subscribing and verifying contact points: JSON in, JSON or RFC 9457 problems out. */
@NullMarked
package no.overdosevarsel.subscriber.subscription.web;

import org.jspecify.annotations.NullMarked;
