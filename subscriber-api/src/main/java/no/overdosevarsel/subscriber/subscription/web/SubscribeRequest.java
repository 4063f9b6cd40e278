package no.overdosevarsel.subscriber.subscription.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.subscription.Language;
import no.overdosevarsel.subscriber.subscription.NewSubscriber;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/subscribers}. Enumerated values arrive as text, so that a wrong one is a field error
 * rather than an unreadable body. The fields not marked nullable are required: validation runs before any is read.
 *
 * @param channels {@code SMS} and/or {@code EMAIL}; exactly the channels whose address is given
 * @param language {@code nb} (the default) or {@code en}
 * @param minimumSeverity a CAP severity: {@code Minor} (the default), {@code Moderate}, {@code Severe} or
 *     {@code Extreme}
 */
record SubscribeRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 200) String organisation,
        @Nullable @Size(max = 64) String phone,
        @Nullable @Size(max = 254) String email,
        @NotEmpty @Size(max = 100) List<@NotBlank String> regions,
        @NotEmpty List<@NotBlank String> channels,
        @Nullable String language,
        @Nullable String minimumSeverity) {

    static final Language DEFAULT_LANGUAGE = Language.NB;
    static final Severity DEFAULT_SEVERITY = Severity.Minor;

    /** The command for a request that passed validation. */
    NewSubscriber toNewSubscriber() {
        Map<Channel, String> contacts = new EnumMap<>(Channel.class);
        for (String text : channels) {
            Channel channel = channel(text).orElseThrow();
            contacts.put(channel, Objects.requireNonNull(channel == Channel.SMS ? phone : email));
        }
        return new NewSubscriber(
                name,
                organisation,
                contacts,
                regions,
                parsedLanguage().orElseThrow(),
                parsedSeverity().orElseThrow());
    }

    static boolean given(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    /** {@code SMS} or {@code EMAIL}, ignoring case. */
    static Optional<Channel> channel(String text) {
        return Arrays.stream(Channel.values())
                .filter(channel -> channel.name().equalsIgnoreCase(text.strip()))
                .findFirst();
    }

    /** The language asked for, the default if none; empty if it is not one we write. */
    Optional<Language> parsedLanguage() {
        return given(language) ? Language.of(language) : Optional.of(DEFAULT_LANGUAGE);
    }

    /** The severity asked for, the default if none; empty if it is not a CAP severity. */
    Optional<Severity> parsedSeverity() {
        if (!given(minimumSeverity)) {
            return Optional.of(DEFAULT_SEVERITY);
        }
        String wanted = minimumSeverity.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(Severity.values())
                .filter(severity -> severity.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
