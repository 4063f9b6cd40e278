package no.overdosevarsel.contracts;

/** The Kafka topics of Overdosevarsel; nothing else invents a topic name. */
public final class Topics {

    /** Every published alert version (CAP msgType Alert, Update, Cancel), keyed by alert id. */
    public static final String ALERTS = "alerts";

    /** Full subscriber snapshots, log-compacted, keyed by subscriber id; a tombstone on erasure. */
    public static final String SUBSCRIPTIONS = "subscriptions";

    /** One-off messages (verification codes, confirmation links) that subscriber-api asks dispatch to send. */
    public static final String DIRECT_MESSAGES = "direct-messages";

    /** Provider verdicts on contact points (opted out, undeliverable), from alert-dispatch to subscriber-api. */
    public static final String CONTACT_FEEDBACK = "contact-feedback";

    /** Suffix of the dead-letter topic of each topic. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
