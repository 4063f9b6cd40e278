package no.overdosevarsel.subscriber.manage.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.manage.ManageLinks;
import no.overdosevarsel.subscriber.subscription.SubscriberData;
import no.overdosevarsel.subscriber.subscription.SubscriberExport;
import no.overdosevarsel.subscriber.subscription.SubscriberId;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a manage link's token allows, without a login: the export of everything stored (GDPR Art. 15) and erasure (Art.
 * 17). A token that is not ours, altered or expired is refused with 403 and changes nothing.
 */
@RestController
class ManageController {

    private final ManageLinks links;
    private final SubscriberData data;
    private final Clock clock;

    ManageController(ManageLinks links, SubscriberData data, Clock clock) {
        this.links = links;
        this.data = data;
        this.clock = clock;
    }

    /** The body of the export. */
    record Export(Instant exportedAt, List<SubscriberExport> subscribers) {}

    @GetMapping("/api/manage/{token}")
    ResponseEntity<Export> export(@PathVariable String token) {
        List<SubscriberExport> subscribers = data.export(subscribers(token));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Export(clock.instant(), subscribers));
    }

    @DeleteMapping("/api/manage/{token}")
    ResponseEntity<Void> erase(@PathVariable String token) {
        data.erase(subscribers(token));
        return ResponseEntity.noContent().build();
    }

    private List<SubscriberId> subscribers(String token) {
        return links.subscribersOf(token)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.FORBIDDEN, "manage-link-invalid", "problem.manage-link-invalid"));
    }
}
