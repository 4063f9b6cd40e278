/** The published-alert read model, fed by the alerts topic; announces each new version to fan-out and feeds. */
@NullMarked
package no.overdosevarsel.dispatch.alert;

import org.jspecify.annotations.NullMarked;
