/**
 * The delivery report for coordinators: per alert version, how many deliveries each channel has in each status, when
 * the first and last message went out, and why deliveries failed, with contact details masked. Reads dispatch's own
 * delivery and alert tables; changes nothing.
 */
@NullMarked
package no.overdosevarsel.dispatch.report;

import org.jspecify.annotations.NullMarked;
