/** Email: multipart text and HTML from templates, sent over SMTP (the only place JavaMail is used). */
@NullMarked
package no.overdosevarsel.dispatch.channel.email;

import org.jspecify.annotations.NullMarked;
