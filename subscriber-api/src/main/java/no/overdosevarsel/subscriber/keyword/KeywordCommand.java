package no.overdosevarsel.subscriber.keyword;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.overdosevarsel.subscriber.subscription.Language;
import org.jspecify.annotations.Nullable;

/**
 * What an inbound SMS asks for. The first word decides, ignoring case and surrounding blanks and punctuation, so that
 * "Stopp." and "stop sending this" stop too: for opting out, generosity is the safe side.
 */
sealed interface KeywordCommand {

    /**
     * The language the keyword itself is in, if it says: STOPP is bokmål, UNSUBSCRIBE English, STOP either.
     */
    Optional<Language> language();

    record Stop(Optional<Language> language) implements KeywordCommand {}

    record Start(Optional<Language> language) implements KeywordCommand {}

    record Help(Optional<Language> language) implements KeywordCommand {}

    /** {@code VARSEL <region>}; the region is what followed the keyword, possibly blank. */
    record Subscribe(String region, Optional<Language> language) implements KeywordCommand {}

    /** A six-digit code sent back, maybe after JA, BEKREFT, YES or CONFIRM. */
    record Confirm(String code, Optional<Language> language) implements KeywordCommand {}

    /** Anything else: answered like HELP. */
    record Unknown(Optional<Language> language) implements KeywordCommand {}

    Set<String> STOP_NB = Set.of("STOPP", "AVSLUTT");
    Set<String> STOP_EN = Set.of("UNSUBSCRIBE");
    Set<String> STOP_ANY = Set.of("STOP");
    Set<String> START = Set.of("START", "UNSTOP");
    Set<String> HELP_NB = Set.of("HJELP");
    Set<String> HELP_EN = Set.of("HELP");
    Set<String> SUBSCRIBE_NB = Set.of("VARSEL");
    Set<String> SUBSCRIBE_EN = Set.of("ALERT");

    Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}\\p{N}]*(\\p{L}+)(?:[^\\p{L}\\p{N}]+(.*))?$", Pattern.DOTALL);
    Pattern CODE = Pattern.compile("^(?:(JA|BEKREFT|YES|CONFIRM)\\s+)?(\\d{3})\\s?(\\d{3})\\.?$");

    static KeywordCommand parse(@Nullable String body) {
        String text = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        Matcher code = CODE.matcher(text);
        if (code.matches()) {
            Optional<Language> language = code.group(1) == null
                    ? Optional.empty()
                    : Optional.of(Set.of("JA", "BEKREFT").contains(code.group(1)) ? Language.NB : Language.EN);
            return new Confirm(code.group(2) + code.group(3), language);
        }
        Matcher words = FIRST_WORD.matcher(text);
        if (!words.matches()) {
            return new Unknown(Optional.empty());
        }
        String keyword = words.group(1);
        String rest = words.group(2) == null ? "" : words.group(2).strip();
        if (STOP_NB.contains(keyword)) {
            return new Stop(Optional.of(Language.NB));
        }
        if (STOP_EN.contains(keyword)) {
            return new Stop(Optional.of(Language.EN));
        }
        if (STOP_ANY.contains(keyword)) {
            return new Stop(Optional.empty());
        }
        if (START.contains(keyword)) {
            return new Start(Optional.empty());
        }
        if (HELP_NB.contains(keyword)) {
            return new Help(Optional.of(Language.NB));
        }
        if (HELP_EN.contains(keyword)) {
            return new Help(Optional.of(Language.EN));
        }
        if (SUBSCRIBE_NB.contains(keyword)) {
            return new Subscribe(rest, Optional.of(Language.NB));
        }
        if (SUBSCRIBE_EN.contains(keyword)) {
            return new Subscribe(rest, Optional.of(Language.EN));
        }
        return new Unknown(Optional.empty());
    }
}
