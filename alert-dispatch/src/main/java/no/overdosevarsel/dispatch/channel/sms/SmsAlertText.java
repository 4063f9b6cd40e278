package no.overdosevarsel.dispatch.channel.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.sms.SmsSegments;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.springframework.context.MessageSource;

/**
 * Renders an alert as one SMS in the subscriber's language that fits the configured number of segments: type and
 * headline, link and how to stop always; regions and advice lines as room allows; the headline is shortened at a word
 * boundary only when nothing else is left to drop.
 */
final class SmsAlertText {

    private final MessageSource messages;
    private final RegionCatalogue regions;
    private final PublicLinks links;
    private final int maxSegments;

    SmsAlertText(MessageSource messages, RegionCatalogue regions, PublicLinks links, int maxSegments) {
        this.messages = messages;
        this.regions = regions;
        this.links = links;
        this.maxSegments = maxSegments;
    }

    String render(AlertEvent alert, String language) {
        Locale locale = Locale.forLanguageTag(language);
        AlertInfo info = alert.info(language);
        String type = messages.getMessage("sms.type." + alert.msgType().name(), null, locale);
        String place = placeNames(alert);
        String tail = messages.getMessage("sms.more", new Object[] {links.alertPage(alert.alertId())}, locale) + " "
                + messages.getMessage("sms.stop", null, locale);
        String headline = clean(info.headline());
        List<String> advice =
                info.instruction().stream().map(SmsAlertText::clean).toList();

        for (int adviceLines = advice.size(); adviceLines >= 0; adviceLines--) {
            String text = compose(type, headline, place, advice.subList(0, adviceLines), tail);
            if (fits(text)) {
                return text;
            }
        }
        String withoutPlace = compose(type, headline, "", List.of(), tail);
        if (fits(withoutPlace)) {
            return withoutPlace;
        }
        return shortenHeadline(type, headline, tail);
    }

    private String compose(String type, String headline, String place, List<String> advice, String tail) {
        StringBuilder text = new StringBuilder(type).append(": ").append(headline);
        if (!place.isEmpty()) {
            text.append(" (").append(place).append(')');
        }
        text.append(endSentence(text));
        for (String line : advice) {
            text.append(' ').append(line).append(endSentence(line));
        }
        return text.append(' ').append(tail).toString();
    }

    private String shortenHeadline(String type, String headline, String tail) {
        List<String> words = new ArrayList<>(List.of(headline.split(" ")));
        while (words.size() > 1) {
            words.removeLast();
            String text = compose(type, String.join(" ", words) + "...", "", List.of(), tail);
            if (fits(text)) {
                return text;
            }
        }
        return compose(type, "", "", List.of(), tail);
    }

    private boolean fits(String text) {
        return SmsSegments.count(text) <= maxSegments;
    }

    private String placeNames(AlertEvent alert) {
        List<String> names = alert.regions().stream()
                .map(code -> shortName(regions.displayName(code)))
                .toList();
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 2)) + " +" + (names.size() - 2);
    }

    private static String shortName(String name) {
        int dash = name.indexOf(" - ");
        return dash < 0 ? name : name.substring(0, dash);
    }

    private static String endSentence(CharSequence text) {
        char last = text.isEmpty() ? '.' : text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? "" : ".";
    }

    /** Plain, single-line text: line breaks and runs of spaces cost segments and say nothing. */
    private static String clean(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
