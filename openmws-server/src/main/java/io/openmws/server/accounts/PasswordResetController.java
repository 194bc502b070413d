package io.openmws.server.accounts;

import io.openmws.server.support.OpenMwsProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Forgot password: ask for a link, then set a new password through it. */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final OpenMwsProperties properties;

    PasswordResetController(PasswordResets resets, OpenMwsProperties properties) {
        this.resets = resets;
        this.properties = properties;
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        URI base = properties.baseUrl() != null
                ? properties.baseUrl()
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUri();
        resets.request(email.strip(), base);
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
