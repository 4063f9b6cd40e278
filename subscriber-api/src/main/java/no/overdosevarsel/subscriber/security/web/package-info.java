/**
 * Who may call what over HTTP: the public endpoints, each with its own proof, health and info; the admin API with a
 * bearer token and the ADMIN role; nothing else.
 */
@NullMarked
package no.overdosevarsel.subscriber.security.web;

import org.jspecify.annotations.NullMarked;
