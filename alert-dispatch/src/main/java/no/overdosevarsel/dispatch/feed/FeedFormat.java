package no.overdosevarsel.dispatch.feed;

/** The per-region feeds, by the file extension they are served under. */
enum FeedFormat {
    RSS("rss"),
    ATOM("atom"),
    CAP_INDEX("cap.atom");

    private final String extension;

    FeedFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }
}
