package no.overdosevarsel.ingest.alert;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** What an edit changed, field by field, for the audit log: {@code {"headline": {"from": …, "to": …}}}. */
final class ContentDiff {

    private ContentDiff() {}

    /**
     * Against the version in force, what the proposal leaves to the defaults is not a change: a missing status is
     * Actual, a missing English contact borrows the bokmål one, and missing times are set anew when it is published.
     */
    static Map<String, Object> between(AlertEvent inForce, NewAlert proposed) {
        NewAlert published = NewAlert.of(inForce);
        AlertText english = published.english();
        if (english != null
                && proposed.english() != null
                && proposed.english().contact() == null
                && java.util.Objects.equals(
                        english.contact(), published.norwegian().contact())) {
            english = new AlertText(
                    english.event(), english.headline(), english.description(), english.instruction(), null);
        }
        NewAlert before = new NewAlert(
                proposed.status() == null && published.status() == AlertStatus.Actual ? null : published.status(),
                published.severity(),
                published.urgency(),
                published.certainty(),
                published.evidenceSource(),
                published.substances(),
                published.regions(),
                proposed.effective() == null ? null : published.effective(),
                proposed.expires() == null ? null : published.expires(),
                published.norwegian(),
                english,
                published.web());
        return between(before, proposed);
    }

    static Map<String, Object> between(NewAlert before, NewAlert after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        collect("", EventJson.mapper().valueToTree(before), EventJson.mapper().valueToTree(after), changed);
        return changed;
    }

    private static void collect(String prefix, JsonNode before, JsonNode after, Map<String, Object> changed) {
        Set<String> names = new LinkedHashSet<>();
        before.properties().forEach(e -> names.add(e.getKey()));
        after.properties().forEach(e -> names.add(e.getKey()));
        for (String name : names) {
            JsonNode from = before.get(name) == null ? NullNode.getInstance() : before.get(name);
            JsonNode to = after.get(name) == null ? NullNode.getInstance() : after.get(name);
            if (from.equals(to)) {
                continue;
            }
            if (from.isObject() && to.isObject()) {
                collect(prefix + name + ".", from, to, changed);
            } else {
                changed.put(prefix + name, Map.of("from", from, "to", to));
            }
        }
    }
}
