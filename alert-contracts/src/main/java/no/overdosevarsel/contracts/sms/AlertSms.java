package no.overdosevarsel.contracts.sms;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;

/**
 * The one rendering of an alert as an SMS, shared so that alert-ingest can refuse a headline that alert-dispatch could
 * not send in full. In the subscriber's language, within the configured number of segments (GSM-7 or UCS-2, see
 * {@link SmsSegments}): type and headline, link and how to stop always; regions and advice lines as room allows, advice
 * dropped from the end first; the headline is shortened at a word boundary only when nothing else is left to drop.
 * The words come from the {@code alert-sms} bundle beside this class (bokmål default, English).
 */
public final class AlertSms {

    private static final String BUNDLE = "no.overdosevarsel.contracts.sms.alert-sms";

    private final RegionCatalogue regions;
    private final int maxSegments;

    public AlertSms(RegionCatalogue regions, int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1");
        }
        this.regions = regions;
        this.maxSegments = maxSegments;
    }

    /** The SMS for one version of an alert in a language ({@code nb} or {@code en}), linking to its page. */
    public String render(AlertEvent alert, String language, String alertPageUrl) {
        AlertInfo info = alert.info(language);
        return render(alert.msgType(), info.headline(), alert.regions(), info.instruction(), alertPageUrl, language);
    }

    public String render(
            MsgType type,
            String headline,
            List<String> regionCodes,
            List<String> instruction,
            String alertPageUrl,
            String language) {
        Words words = words(type, alertPageUrl, language);
        String title = clean(headline);
        String place = placeNames(regionCodes);
        List<String> advice = instruction.stream().map(AlertSms::clean).toList();
        for (int adviceLines = advice.size(); adviceLines >= 0; adviceLines--) {
            String text = compose(words, title, place, advice.subList(0, adviceLines));
            if (fits(text)) {
                return text;
            }
        }
        String withoutPlace = compose(words, title, "", List.of());
        if (fits(withoutPlace)) {
            return withoutPlace;
        }
        return shortenHeadline(words, title);
    }

    /**
     * Whether an SMS of this type with this headline keeps the headline whole: the type, the headline, the link and
     * how to stop fit in the segments, whatever else has to be left out.
     */
    public boolean keepsHeadline(MsgType type, String headline, String alertPageUrl, String language) {
        return fits(compose(words(type, alertPageUrl, language), clean(headline), "", List.of()));
    }

    public int maxSegments() {
        return maxSegments;
    }

    /** The word that says what a version is (VARSEL, OPPDATERT, AVLYST), for SMS and for email subjects alike. */
    public static String typeWord(MsgType type, String language) {
        return bundle(language).getString("type." + type.name());
    }

    private record Words(String type, String tail) {}

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(
                BUNDLE,
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Words words(MsgType type, String alertPageUrl, String language) {
        ResourceBundle bundle = bundle(language);
        Locale locale = bundle.getLocale().toString().isEmpty() ? Locale.forLanguageTag("nb") : bundle.getLocale();
        String more = new MessageFormat(bundle.getString("more"), locale).format(new Object[] {alertPageUrl});
        return new Words(bundle.getString("type." + type.name()), more + " " + bundle.getString("stop"));
    }

    private static String compose(Words words, String headline, String place, List<String> advice) {
        StringBuilder text = new StringBuilder(words.type()).append(": ").append(headline);
        if (!place.isEmpty()) {
            text.append(" (").append(place).append(')');
        }
        text.append(endSentence(text));
        for (String line : advice) {
            text.append(' ').append(line).append(endSentence(line));
        }
        return text.append(' ').append(words.tail()).toString();
    }

    private String shortenHeadline(Words words, String headline) {
        List<String> kept = new ArrayList<>(List.of(headline.split(" ")));
        while (kept.size() > 1) {
            kept.removeLast();
            String text = compose(words, String.join(" ", kept) + "...", "", List.of());
            if (fits(text)) {
                return text;
            }
        }
        return compose(words, "", "", List.of());
    }

    private boolean fits(String text) {
        return SmsSegments.count(text) <= maxSegments;
    }

    private String placeNames(List<String> codes) {
        List<String> names =
                codes.stream().map(code -> shortName(regions.displayName(code))).toList();
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
