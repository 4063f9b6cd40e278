package no.overdosevarsel.ingest.alert.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for {@code POST /api/alerts}, as a client would send them. */
final class AlertRequests {

    private AlertRequests() {}

    /**
     * A valid alert without status, effective and expires, so the defaults apply. The marker goes into the description,
     * so that a test can look for this very alert in the tables and on the topic.
     */
    static Map<String, Object> valid(String marker) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("severity", "Severe");
        body.put("urgency", "Immediate");
        body.put("certainty", "Observed");
        body.put("evidenceSource", "DRUG_CHECKING");
        body.put("event", "Nitazener i heroin");
        body.put("headline", "Heroin med nitazener i Oslo og Akershus: svært høy fare for overdose");
        body.put("description", "Brunt pulver solgt som heroin inneholder protonitazen. " + marker);
        body.put("instruction", List.of("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først"));
        body.put("substances", List.of("heroin", "protonitazen"));
        body.put("regions", List.of("0301", "no-32"));
        body.put("contact", "Ring 113 ved overdose");
        body.put("web", "https://overdosevarsel.no/varsler");
        Map<String, Object> english = new LinkedHashMap<>();
        english.put("event", "Nitazenes in heroin");
        english.put("headline", "Heroin with nitazenes in Oslo and Akershus: very high risk of overdose");
        english.put("description", "Brown powder sold as heroin contains protonitazene. " + marker);
        english.put("instruction", List.of("Do not use alone", "Have naloxone at hand", "Test a small dose first"));
        body.put("english", english);
        return body;
    }
}
