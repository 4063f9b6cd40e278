/** How SMS text is counted, the same way in every service that writes or checks one. */
@NullMarked
package no.overdosevarsel.contracts.sms;

import org.jspecify.annotations.NullMarked;
