package no.overdosevarsel.ingest.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.ingest.alert.AlertRefusedException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * An alert: its stable id, every version published under it (each the {@link AlertEvent} exactly as announced), and
 * the content under review, if any. State changes guard themselves and record what happened in {@link #changes()}.
 *
 * <p>Two states side by side: {@link Publication} is what the public sees, {@link Review} is the state of pending
 * content (the first draft, or a proposed update of a published alert). Publishing takes a second coordinator.
 */
final class Alert {

    /** One audit log entry in the making. */
    record Change(String actor, String action, Map<String, Object> details) {}

    private final AlertId id;
    private final Instant createdAt;
    private final String createdBy;
    private final List<AlertEvent> versions;
    private Publication publication;
    private Review review;
    private int revision;
    private @Nullable NewAlert draft;
    private final Set<String> draftAuthors;
    private @Nullable String submittedBy;
    private @Nullable String rejectedBy;
    private @Nullable String rejectionReason;
    private final List<Change> changes = new ArrayList<>();
    private final int storedVersions;

    Alert(
            AlertId id,
            Instant createdAt,
            String createdBy,
            List<AlertEvent> versions,
            Publication publication,
            Review review,
            int revision,
            @Nullable NewAlert draft,
            Set<String> draftAuthors,
            @Nullable String submittedBy,
            @Nullable String rejectedBy,
            @Nullable String rejectionReason) {
        for (int i = 0; i < versions.size(); i++) {
            AlertEvent version = versions.get(i);
            if (!version.alertId().equals(id.value()) || version.version() != i + 1) {
                throw new IllegalArgumentException("alert " + id + " has version " + version.alertId() + " v"
                        + version.version() + " at position " + (i + 1));
            }
        }
        if ((review == Review.NONE) != (draft == null)) {
            throw new IllegalArgumentException("alert " + id + " is in review " + review + " with draft " + draft);
        }
        if ((publication == Publication.NOT_PUBLISHED) != versions.isEmpty()) {
            throw new IllegalArgumentException(
                    "alert " + id + " is " + publication + " with " + versions.size() + " versions");
        }
        this.id = id;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.versions = new ArrayList<>(versions);
        this.storedVersions = versions.size();
        this.publication = publication;
        this.review = review;
        this.revision = revision;
        this.draft = draft;
        this.draftAuthors = new LinkedHashSet<>(draftAuthors);
        this.submittedBy = submittedBy;
        this.rejectedBy = rejectedBy;
        this.rejectionReason = rejectionReason;
    }

    /** A new draft, written by one coordinator. */
    static Alert draft(AlertId id, NewAlert content, String author, Instant now) {
        Alert alert = new Alert(
                id,
                now.truncatedTo(ChronoUnit.MICROS),
                author,
                List.of(),
                Publication.NOT_PUBLISHED,
                Review.DRAFT,
                1,
                content,
                Set.of(author),
                null,
                null,
                null);
        alert.changes.add(new Change(author, "CREATED", Map.of("regions", content.regions())));
        return alert;
    }

    /**
     * Replaces the content under review, or starts a proposed update of a published alert. A submitted draft goes back
     * to draft: what was submitted is no longer what would be approved.
     */
    void edit(NewAlert content, String author) {
        if (publication == Publication.CANCELLED || publication == Publication.EXPIRED) {
            throw refused(Reason.INVALID_TRANSITION, "edit");
        }
        Map<String, Object> changed = review == Review.NONE
                ? ContentDiff.between(current().orElseThrow(), content)
                : ContentDiff.between(Objects.requireNonNull(draft), content);
        draft = content;
        review = Review.DRAFT;
        draftAuthors.add(author);
        submittedBy = null;
        changes.add(new Change(author, "EDITED", Map.of("changed", changed)));
    }

    void submit(String coordinator) {
        if (review != Review.DRAFT && review != Review.REJECTED) {
            throw refused(Reason.INVALID_TRANSITION, "submit");
        }
        review = Review.SUBMITTED;
        submittedBy = coordinator;
        rejectedBy = null;
        rejectionReason = null;
        changes.add(new Change(coordinator, "SUBMITTED", Map.of()));
    }

    void reject(String approver, String reason) {
        if (review != Review.SUBMITTED) {
            throw refused(Reason.INVALID_TRANSITION, "reject");
        }
        review = Review.REJECTED;
        rejectedBy = approver;
        rejectionReason = reason;
        changes.add(new Change(approver, "REJECTED", Map.of("reason", reason)));
    }

    /**
     * Four eyes: a coordinator who wrote or submitted the content cannot approve it. Publishes it as the first version
     * (CAP Alert) or as an Update referencing every earlier version.
     */
    AlertEvent approve(String approver, Instant now, Duration defaultValidity, RegionCatalogue catalogue) {
        if (review != Review.SUBMITTED) {
            throw refused(Reason.INVALID_TRANSITION, "approve");
        }
        if (draftAuthors.contains(approver) || approver.equals(submittedBy)) {
            throw new AlertRefusedException(Reason.SELF_APPROVAL, "problem.alert.self-approval");
        }
        return publishDraft(
                approver,
                now,
                defaultValidity,
                catalogue,
                "APPROVED_AND_PUBLISHED",
                Map.of("authors", List.copyOf(draftAuthors), "submittedBy", Objects.requireNonNull(submittedBy)));
    }

    /**
     * The exception to four eyes: an Extreme alert that cannot wait for office hours, published by one coordinator,
     * who must say why. The caller decides whether the time of day allows it.
     */
    AlertEvent publishAlone(
            String coordinator, String reason, Instant now, Duration defaultValidity, RegionCatalogue catalogue) {
        if (review == Review.NONE) {
            throw refused(Reason.INVALID_TRANSITION, "publish");
        }
        if (Objects.requireNonNull(draft).severity() != Severity.Extreme) {
            throw new AlertRefusedException(Reason.SOLO_NOT_ALLOWED, "problem.alert.solo-not-extreme");
        }
        return publishDraft(
                coordinator,
                now,
                defaultValidity,
                catalogue,
                "PUBLISHED_BY_ONE_COORDINATOR",
                Map.of("reason", reason, "authors", List.copyOf(draftAuthors)));
    }

    private AlertEvent publishDraft(
            String publisher,
            Instant now,
            Duration defaultValidity,
            RegionCatalogue catalogue,
            String action,
            Map<String, Object> details) {
        NewAlert content = Objects.requireNonNull(draft);
        int number = versions.size() + 1;
        AlertEvent version = versionOf(
                content,
                number,
                number == 1 ? MsgType.Alert : MsgType.Update,
                publisher,
                now,
                defaultValidity,
                catalogue);
        versions.add(version);
        publication = Publication.PUBLISHED;
        review = Review.NONE;
        draft = null;
        draftAuthors.clear();
        submittedBy = null;
        rejectedBy = null;
        rejectionReason = null;
        Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.put("version", number);
        all.put("msgType", version.msgType().name());
        changes.add(new Change(publisher, action, all));
        return version;
    }

    /**
     * Withdraws a published alert: a Cancel version with the text in force, so that everyone who got the alert learns
     * it no longer holds. Any pending update is dropped.
     */
    AlertEvent cancel(String approver, @Nullable String reason, Instant now) {
        if (publication != Publication.PUBLISHED) {
            throw refused(Reason.INVALID_TRANSITION, "cancel");
        }
        AlertEvent last = current().orElseThrow();
        Instant sent = now.truncatedTo(ChronoUnit.SECONDS);
        AlertEvent cancel = new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                id.value(),
                last.version() + 1,
                MsgType.Cancel,
                last.status(),
                approver,
                sent,
                last.severity(),
                last.urgency(),
                last.certainty(),
                last.substances(),
                last.evidenceSource(),
                last.effective(),
                last.expires(),
                last.regions(),
                last.info(),
                last.web(),
                IntStream.rangeClosed(1, last.version()).boxed().toList());
        versions.add(cancel);
        publication = Publication.CANCELLED;
        review = Review.NONE;
        draft = null;
        draftAuthors.clear();
        submittedBy = null;
        changes.add(new Change(
                approver,
                "CANCELLED",
                reason == null
                        ? Map.of("version", cancel.version())
                        : Map.of("version", cancel.version(), "reason", reason)));
        return cancel;
    }

    /** Marks a published alert expired once its {@code expires} has passed; returns whether it did. */
    boolean expireIfDue(Instant now) {
        if (publication != Publication.PUBLISHED
                || now.isBefore(current().orElseThrow().expires())) {
            return false;
        }
        publication = Publication.EXPIRED;
        review = Review.NONE;
        draft = null;
        draftAuthors.clear();
        submittedBy = null;
        changes.add(new Change(
                "system",
                "EXPIRED",
                Map.of("expires", current().orElseThrow().expires().toString())));
        return true;
    }

    /** The regions a coordinator must cover to act on this alert: those in force and those proposed. */
    Set<String> regionsInPlay(RegionCatalogue catalogue) {
        Set<String> regions = new LinkedHashSet<>();
        current().ifPresent(version -> regions.addAll(version.regions()));
        if (draft != null) {
            draft.regions().forEach(code -> regions.add(catalogue.require(code).code()));
        }
        return regions;
    }

    /** The given content as version {@code number}: CAP times in whole seconds, defaults applied, regions canonical. */
    AlertEvent versionOf(
            NewAlert content,
            int number,
            MsgType msgType,
            String sender,
            Instant now,
            Duration defaultValidity,
            RegionCatalogue catalogue) {
        Instant sent = now.truncatedTo(ChronoUnit.SECONDS);
        Instant effective = content.effective() != null ? content.effective() : sent;
        Instant expires = content.expires() != null ? content.expires() : effective.plus(defaultValidity);
        if (!expires.isAfter(effective)) {
            throw new AlertRefusedException(Reason.INVALID_CONTENT, "problem.alert.expires-not-after-effective");
        }
        if (!expires.isAfter(sent)) {
            throw new AlertRefusedException(Reason.INVALID_CONTENT, "problem.alert.expired-before-publishing");
        }
        List<String> regions = content.regions().stream()
                .map(code -> catalogue.require(code).code())
                .distinct()
                .toList();
        AlertText norwegian = content.norwegian();
        List<AlertInfo> info = new ArrayList<>();
        info.add(norwegian.asInfo(AlertText.BOKMAL, null));
        if (content.english() != null) {
            // A phone number or an organisation's name is better shown untranslated than not at all.
            info.add(content.english().asInfo(AlertText.ENGLISH, norwegian.contact()));
        }
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                id.value(),
                number,
                msgType,
                Objects.requireNonNullElse(content.status(), AlertStatus.Actual),
                sender,
                sent,
                content.severity(),
                content.urgency(),
                content.certainty(),
                content.substances(),
                content.evidenceSource(),
                effective,
                expires,
                regions,
                info,
                content.web(),
                IntStream.range(1, number).boxed().toList());
    }

    /** Refuses a change based on another revision than the current one; null means the client named none. */
    void requireRevision(@Nullable Integer expected) {
        if (expected != null && expected != revision) {
            throw new AlertRefusedException(Reason.STALE, "problem.alert.stale", revision);
        }
    }

    private AlertRefusedException refused(Reason reason, String action) {
        return new AlertRefusedException(
                reason, "problem.alert.invalid-transition", action, publication.name(), review.name());
    }

    AlertId id() {
        return id;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    /** Every published version, oldest first. */
    List<AlertEvent> versions() {
        return List.copyOf(versions);
    }

    /** The version in force (or last in force): the newest. */
    java.util.Optional<AlertEvent> current() {
        return versions.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(versions.getLast());
    }

    Publication publication() {
        return publication;
    }

    Review review() {
        return review;
    }

    int revision() {
        return revision;
    }

    @Nullable
    NewAlert draft() {
        return draft;
    }

    Set<String> draftAuthors() {
        return Set.copyOf(draftAuthors);
    }

    @Nullable
    String submittedBy() {
        return submittedBy;
    }

    @Nullable
    String rejectedBy() {
        return rejectedBy;
    }

    @Nullable
    String rejectionReason() {
        return rejectionReason;
    }

    /** The versions published since this object was loaded, oldest first. */
    List<AlertEvent> newVersions() {
        return List.copyOf(versions.subList(storedVersions, versions.size()));
    }

    /** What happened since this object was loaded, oldest first. */
    List<Change> changes() {
        return List.copyOf(changes);
    }
}
