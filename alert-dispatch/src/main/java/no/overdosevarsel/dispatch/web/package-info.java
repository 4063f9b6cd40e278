/** Dispatch's HTTP edge: where public links point, and who may call what (public pages and feeds, the coordinator API). */
@NullMarked
package no.overdosevarsel.dispatch.web;

import org.jspecify.annotations.NullMarked;
