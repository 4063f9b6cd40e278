package no.overdosevarsel.subscriber.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.subscriber.subscription.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

class KeywordRepliesTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final RegionCatalogue CATALOGUE = RegionCatalogue.norway();

    /** The longest place name a reply can carry, so that every reply is tested at its longest. */
    private static final String LONGEST_PLACE = CATALOGUE.all().stream()
            .map(KeywordReplies::placeName)
            .reduce("", (a, b) -> a.length() >= b.length() ? a : b);

    private final ResourceBundleMessageSource bundle = bundle();
    private final KeywordReplies replies = new KeywordReplies(bundle, Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<Arguments> smsTexts() throws Exception {
        Properties keys = PropertiesLoaderUtils.loadProperties(
                new EncodedResource(new ClassPathResource("i18n/subscriber-messages.properties"), "UTF-8"));
        return keys.stringPropertyNames().stream()
                .filter(key -> key.startsWith("sms.reply.") || key.equals("verification.sms.reply"))
                .sorted()
                .flatMap(key -> Stream.of(Arguments.of(key, "nb"), Arguments.of(key, "en")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("smsTexts")
    void everySmsReplyIsOneGsm7SegmentAtItsLongest(String key, String language) {
        Object[] longest = {"123456", "15", LONGEST_PLACE};
        if (key.startsWith("sms.reply.unknown-region")) {
            longest = new Object[] {"X".repeat(20), LONGEST_PLACE + " (1234)", "1234"};
        } else if (key.equals("sms.reply.confirmed")) {
            longest = new Object[] {LONGEST_PLACE};
        }

        String text = bundle.getMessage(key, longest, Locale.forLanguageTag(language));

        assertThat(Gsm7.encodable(text)).as(text).isTrue();
        assertThat(Gsm7.septets(text)).as(text).isLessThanOrEqualTo(Gsm7.SEGMENT_SEPTETS);
    }

    @Test
    void englishRepliesExistForEveryBokmalReply() throws Exception {
        Properties nb = PropertiesLoaderUtils.loadProperties(
                new EncodedResource(new ClassPathResource("i18n/subscriber-messages.properties"), "UTF-8"));
        Properties en = PropertiesLoaderUtils.loadProperties(
                new EncodedResource(new ClassPathResource("i18n/subscriber-messages_en.properties"), "UTF-8"));

        assertThat(en.stringPropertyNames()).containsAll(nb.stringPropertyNames());
    }

    @Test
    void everyPlaceIsNamedInAFormGsm7CanCarry() {
        assertThat(CATALOGUE.all())
                .allSatisfy(region -> assertThat(Gsm7.encodable(KeywordReplies.placeName(region)))
                        .as(region.name())
                        .isTrue());
        assertThat(KeywordReplies.placeName(CATALOGUE.require("1875"))).isEqualTo("Hamarøy");
        assertThat(KeywordReplies.placeName(CATALOGUE.require("5501"))).isEqualTo("Tromsø");
    }

    @Test
    void closeMatchesAreDroppedUntilTheReplyFitsOneSegment() {
        List<Region> many = CATALOGUE.municipalities().stream()
                .sorted((a, b) -> b.name().length() - a.name().length())
                .limit(8)
                .toList();

        DirectMessage reply = replies.unknownRegion("+4791234567", Language.NB, "Sør-Aurdalen", many);

        assertThat(Gsm7.oneSegment(reply.body())).as(reply.body()).isTrue();
        assertThat(reply.body()).startsWith("Overdosevarsel: Fant ikke \"Sør-Aurdalen\". Mente du ");
        assertThat(reply.purpose()).isEqualTo(DirectMessage.Purpose.KEYWORD_REPLY);
        assertThat(reply.notAfter()).isEqualTo(NOW.plus(KeywordReplies.VALID_FOR));
    }

    @Test
    void whatAPersonTypedIsEchoedShortAndInTheAlphabet() {
        assertThat(KeywordReplies.echo("Kárášjohka")).isEqualTo("K?r??johka");
        assertThat(KeywordReplies.echo("a".repeat(40))).isEqualTo("a".repeat(17) + "...");
    }

    @Test
    void aReplyIsAnSmsInTheLanguageAskedFor() {
        DirectMessage help =
                replies.reply("+4791234567", Language.EN, DirectMessage.Purpose.KEYWORD_REPLY, "sms.reply.help");

        assertThat(help.language()).isEqualTo("en");
        assertThat(help.subject()).isNull();
        assertThat(help.body()).startsWith("Overdosevarsel sends alerts about dangerous drugs");
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("i18n/subscriber-messages", "i18n/platform-messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}
