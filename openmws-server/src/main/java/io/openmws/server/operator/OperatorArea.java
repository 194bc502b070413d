package io.openmws.server.operator;

import io.openmws.server.support.ListFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every operator page shares: the layout's operator navigation, and how the lists are cut (the
 * newest {@value #LIST_LIMIT} rows matching the filter box).
 */
@ControllerAdvice(assignableTypes = {OperatorSignInController.class, OperatorOverviewController.class,
    OperatorAccountsController.class, OperatorDevelopersController.class, OperatorAuthorizationsController.class,
    OperatorClockController.class})
class OperatorArea {

    /** The most rows a list shows; the filter box finds the others. */
    static final int LIST_LIMIT = 200;

    /** Who the pages record as having suspended or reinstated a developer. */
    static final String ACTOR = "operator";

    @ModelAttribute("operatorArea")
    boolean operatorArea() {
        return true;
    }

    /** Which item of the operator navigation is the current page: the path's second segment. */
    @ModelAttribute("operatorPage")
    String operatorPage(HttpServletRequest request) {
        String[] segments = request.getRequestURI().split("/");
        return segments.length > 2 ? segments[2] : "overview";
    }

    @ModelAttribute("operatorSignedIn")
    boolean operatorSignedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()));
    }

    /** The filter text as the box shows it again (cut to what the filter uses). */
    static String filterText(String q) {
        if (q == null || q.isBlank()) {
            return "";
        }
        String t = q.strip();
        return t.length() > ListFilter.MAX_LENGTH ? t.substring(0, ListFilter.MAX_LENGTH) : t;
    }

    /**
     * Puts the rows of a list in the model: {@code rows} was read with one row beyond the limit, which
     * only tells that there are more.
     */
    static <T> void list(Model model, List<T> rows, String q) {
        model.addAttribute("rows", rows.size() > LIST_LIMIT ? rows.subList(0, LIST_LIMIT) : rows);
        model.addAttribute("more", rows.size() > LIST_LIMIT);
        model.addAttribute("limit", LIST_LIMIT);
        model.addAttribute("q", filterText(q));
    }
}
