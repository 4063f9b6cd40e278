package no.overdosevarsel.subscriber.manage.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.manage.ManageLinks;
import no.overdosevarsel.subscriber.subscription.Language;
import no.overdosevarsel.subscriber.subscription.SubscriberData;
import no.overdosevarsel.subscriber.subscription.SubscriberExport;
import no.overdosevarsel.subscriber.subscription.SubscriberId;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a manage link's token allows, without a login: the export of everything stored (GDPR Art. 15), changing
 * preferences, and erasure (Art. 17). A token that is not ours, altered or expired is refused with 403 and changes nothing.
 */
@RestController
class ManageController {

    private final ManageLinks links;
    private final SubscriberData data;
    private final RegionCatalogue regions;
    private final Clock clock;

    ManageController(ManageLinks links, SubscriberData data, RegionCatalogue regions, Clock clock) {
        this.links = links;
        this.data = data;
        this.regions = regions;
        this.clock = clock;
    }

    /** The body of the export. */
    record Export(Instant exportedAt, List<SubscriberExport> subscribers) {}

    @GetMapping("/api/manage/{token}")
    ResponseEntity<Export> export(@PathVariable String token) {
        List<SubscriberExport> subscribers = data.export(subscribers(token));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Export(clock.instant(), subscribers));
    }

    /** Changes regions, language and severity threshold of every subscriber the link stands for. */
    @PatchMapping("/api/manage/{token}")
    ResponseEntity<Export> changePreferences(
            @PathVariable String token, @Valid @RequestBody PreferencesRequest request) {
        List<SubscriberId> ids = subscribers(token);
        Map<String, String> errors = new TreeMap<>();
        List<String> regionCodes = request.regions();
        if (regionCodes != null) {
            for (int i = 0; i < regionCodes.size(); i++) {
                String code = regionCodes.get(i);
                if (code == null || regions.find(code).isEmpty()) {
                    errors.put("regions[" + i + "]", "validation.region.unknown.plain");
                }
            }
        }
        Optional<Language> language = Optional.ofNullable(request.language()).flatMap(Language::of);
        if (request.language() != null && language.isEmpty()) {
            errors.put("language", "validation.language.unknown");
        }
        Optional<Severity> severity = Optional.ofNullable(request.minimumSeverity())
                .flatMap(text -> Arrays.stream(Severity.values())
                        .filter(s -> s.name().equalsIgnoreCase(text.strip()))
                        .findFirst());
        if (request.minimumSeverity() != null && severity.isEmpty()) {
            errors.put("minimumSeverity", "validation.severity.unknown");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", errors, "problem.validation");
        }
        List<SubscriberExport> changed =
                data.changePreferences(ids, regionCodes, language.orElse(null), severity.orElse(null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Export(clock.instant(), changed));
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
