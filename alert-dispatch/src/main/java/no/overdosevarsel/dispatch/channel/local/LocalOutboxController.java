package no.overdosevarsel.dispatch.channel.local;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The local outbox for people ({@code /outbox}) and for scripts ({@code /outbox.json}). */
@Controller
@ConditionalOnExpression(
        "'${overdosevarsel.sms.provider:twilio}' == 'local' or '${overdosevarsel.email.provider:smtp}' == 'local'")
class LocalOutboxController {

    private final LocalOutbox outbox;

    LocalOutboxController(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/outbox")
    String page(Model model) {
        model.addAttribute("entries", outbox.latest(200));
        return "dispatch/outbox";
    }

    @GetMapping(path = "/outbox.json", produces = "application/json")
    @ResponseBody
    List<LocalOutbox.Entry> json(@RequestParam(defaultValue = "200") int limit) {
        return outbox.latest(Math.clamp(limit, 1, 1000));
    }
}
