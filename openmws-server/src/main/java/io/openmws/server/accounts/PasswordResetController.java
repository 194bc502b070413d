package io.openmws.server.accounts;

import io.openmws.server.support.PortalLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Forgot password: ask for a link, then set a new password through it. */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final PortalLinks links;

    PasswordResetController(PasswordResets resets, PortalLinks links) {
        this.resets = resets;
        this.links = links;
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        resets.request(email.strip(), links.base(request));
        // The same answer whether or not the address has an account.
        model.addAttribute("sent", true);
        return "accounts/forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("live", resets.live(token));
        return "accounts/reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                 Model model) {
        Optional<String> problem = resets.reset(token, password);
        if (problem.isEmpty()) {
            return "redirect:/login?reset";
        }
        model.addAttribute("token", token);
        model.addAttribute("live", !problem.get().equals("reset.link.dead"));
        model.addAttribute("passwordError", problem.get());
        return "accounts/reset";
    }
}
