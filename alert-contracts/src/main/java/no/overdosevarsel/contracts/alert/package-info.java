/** The alert event: every published version of an alert, aligned with OASIS CAP 1.2. */
@NullMarked
package no.overdosevarsel.contracts.alert;

import org.jspecify.annotations.NullMarked;
