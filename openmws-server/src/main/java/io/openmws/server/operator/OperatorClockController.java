package io.openmws.server.operator;

import io.openmws.server.support.DisplayDuration;
import io.openmws.server.support.PlatformClock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Clock: the platform's time and its offset, moved forward by an ISO-8601 duration; never back, and
 * never to {@link PlatformClock#LIMIT} or past it.
 */
@Controller
class OperatorClockController {

    static final String PATH = "/operator/clock";
    /** The longest single step: ten years is more than any rule of the platform needs, and keeps dates sane. */
    static final Duration MAX_STEP = Duration.ofDays(3660);

    private final PlatformClock clock;

    OperatorClockController(PlatformClock clock) {
        this.clock = clock;
    }

    static void addClock(Model model, PlatformClock clock) {
        model.addAttribute("now", clock.instant());
        model.addAttribute("offset", clock.offset());
        Duration offset = clock.offset();
        model.addAttribute("offsetDays", offset.toDays());
        model.addAttribute("maxStepDays", MAX_STEP.toDays());
        model.addAttribute("limit", PlatformClock.LIMIT);
        model.addAttribute("offsetHours", offset.toHoursPart());
        model.addAttribute("offsetMinutes", offset.toMinutesPart());
    }

    @GetMapping(PATH)
    String page(Model model) {
        addClock(model, clock);
        return "operator/clock";
    }

    @PostMapping(PATH + "/advance")
    String advance(@RequestParam(required = false) String duration, Model model, RedirectAttributes redirect) {
        String text = duration == null ? "" : duration.strip();
        String problem = null;
        Duration by = null;
        if (text.isEmpty()) {
            problem = "operator.clock.missing";
        } else {
            try {
                by = Duration.parse(text);
                if (by.isNegative()) {
                    problem = "operator.clock.negative";
                } else if (by.isZero()) {
                    problem = "operator.clock.zero";
                } else if (by.compareTo(MAX_STEP) > 0) {
                    problem = "operator.clock.tooLong";
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                problem = "operator.clock.invalid";
            }
        }
        if (problem == null) {
            try {
                clock.advance(by);
            } catch (IllegalArgumentException beyondLimit) {
                problem = "operator.clock.beyondLimit";
            }
        }
        if (problem != null) {
            addClock(model, clock);
            model.addAttribute("durationError", problem);
            model.addAttribute("duration", text.length() > 40 ? text.substring(0, 40) : text);
            return "operator/clock";
        }
        redirect.addFlashAttribute("notice", "operator.clock.moved");
        redirect.addFlashAttribute("noticeSubject", DisplayDuration.of(by));
        return "redirect:" + PATH;
    }
}
