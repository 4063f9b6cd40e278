package no.overdosevarsel.subscriber.keyword;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.subscription.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders SMS replies to keywords from the message bundles ({@code sms.reply.*}), in GSM-7 and one segment: place
 * names are given in their first form the alphabet can carry, suggestions are dropped until the reply fits, and text a
 * person typed is echoed shortened and with foreign characters replaced.
 */
@Component
class KeywordReplies {

    /** A reply still unsent after this is dropped: an answer that late only confuses. */
    static final Duration VALID_FOR = Duration.ofHours(1);

    private static final int MAX_ECHO = 20;

    private final MessageSource messages;
    private final Clock clock;

    KeywordReplies(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    DirectMessage reply(String to, Language language, DirectMessage.Purpose purpose, String key, Object... args) {
        return message(to, language, purpose, text(key, language, args));
    }

    /** "Not found, did you mean …": as many of the suggestions, best first, as fit in one segment. */
    DirectMessage unknownRegion(String to, Language language, String typed, List<Region> suggestions) {
        String echo = echo(typed);
        for (int shown = suggestions.size(); shown > 0; shown--) {
            List<Region> some = suggestions.subList(0, shown);
            String list = some.stream()
                    .map(region -> placeName(region) + " (" + region.code() + ")")
                    .collect(Collectors.joining(", "));
            String text = text(
                    "sms.reply.unknown-region",
                    language,
                    echo,
                    list,
                    some.getFirst().code());
            if (Gsm7.oneSegment(text)) {
                return message(to, language, DirectMessage.Purpose.KEYWORD_REPLY, text);
            }
        }
        return message(
                to,
                language,
                DirectMessage.Purpose.KEYWORD_REPLY,
                text("sms.reply.unknown-region.none", language, echo));
    }

    /** The first form of the region's name that GSM-7 can carry ("Hamarøy" for "Hábmer - Hamarøy"), else its code. */
    static String placeName(Region region) {
        return region.names().stream().filter(Gsm7::encodable).findFirst().orElse(region.code());
    }

    static String echo(String typed) {
        String text = Gsm7.sanitised(typed.strip());
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO - 3) + "...";
    }

    private String text(String key, Language language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    private DirectMessage message(String to, Language language, DirectMessage.Purpose purpose, String body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new DirectMessage(
                DirectMessage.SCHEMA_VERSION,
                UUID.randomUUID(),
                purpose,
                Channel.SMS,
                to,
                language.code(),
                null,
                body,
                now,
                now.plus(VALID_FOR));
    }
}
