/** The delivery report as a JSON API under {@code /api/alerts}, for signed-in coordinators within their region scope. */
@NullMarked
package no.overdosevarsel.dispatch.report.web;

import org.jspecify.annotations.NullMarked;
