package no.overdosevarsel.subscriber.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The language a subscriber gets messages and alerts in. */
public enum Language {
    NB("nb"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The BCP 47 tag used in events and message bundles: {@code nb} or {@code en}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language with this tag, ignoring case. */
    public static Optional<Language> of(String code) {
        return Arrays.stream(values())
                .filter(language -> language.code.equalsIgnoreCase(code.strip()))
                .findFirst();
    }
}
