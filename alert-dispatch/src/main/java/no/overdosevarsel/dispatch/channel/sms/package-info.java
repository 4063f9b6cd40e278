/** SMS: text rendering within GSM-7 segment limits, and the Twilio gateway (the only place the Twilio SDK is used). */
@NullMarked
package no.overdosevarsel.dispatch.channel.sms;

import org.jspecify.annotations.NullMarked;
