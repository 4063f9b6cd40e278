package no.overdosevarsel.dispatch.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people in Norway read them: Norwegian local time, bokmål or English wording. */
public final class OsloTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private static final DateTimeFormatter BOKMAL = DateTimeFormatter.ofPattern(
                    "d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("nb"))
            .withZone(ZONE);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
            .withZone(ZONE);

    private OsloTime() {}

    public static String format(Instant when, Locale locale) {
        return (locale.getLanguage().equals("en") ? ENGLISH : BOKMAL).format(when);
    }
}
