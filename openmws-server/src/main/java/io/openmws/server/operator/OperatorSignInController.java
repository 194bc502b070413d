package io.openmws.server.operator;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator's sign-in page; the operator chain checks the token it posts. */
@Controller
class OperatorSignInController {

    @GetMapping("/operator/login")
    String page() {
        return "operator/login";
    }
}
