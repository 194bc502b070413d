package io.openmws.server.developers;

import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.support.DisplayTime;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Developer Central: the developer's identity, status and license, and its access keys. */
@Controller
class DeveloperCentralController {

    static final String PATH = "/sellercentral/developer-central";
    static final String MASKED_SECRET = "\u2022".repeat(8);

    /** A row of the keys table, with its times written for people. */
    record KeyRow(String accessKeyId, KeyStatus status, String created, String lastUsed) {
        static KeyRow of(AccessKey key) {
            return new KeyRow(key.accessKeyId().value(), key.status(), DisplayTime.minute(key.createdAt()),
                    key.lastUsedAt() == null ? null : DisplayTime.minute(key.lastUsedAt()));
        }

        public boolean active() {
            return status == KeyStatus.ACTIVE;
        }
    }

    private final Developers developers;
    private final AccessKeys accessKeys;
    private final CredentialsPage credentialsPage;
    private final Clock clock;

    DeveloperCentralController(Developers developers, AccessKeys accessKeys, CredentialsPage credentialsPage,
                               Clock clock) {
        this.developers = developers;
        this.accessKeys = accessKeys;
        this.credentialsPage = credentialsPage;
        this.clock = clock;
    }

    @ExceptionHandler(AccessKeys.NotRegistered.class)
    String notRegistered() {
        return "redirect:" + RegistrationController.PATH;
    }

    @ExceptionHandler(AccessKeys.Refused.class)
    String refused(AccessKeys.Refused refused, RedirectAttributes redirect) {
        redirect.addFlashAttribute("keyError", refused.messageKey());
        return "redirect:" + PATH;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        Developer developer = developers.ofAccount(principal.accountId()).orElseThrow(AccessKeys.NotRegistered::new);
        List<AccessKey> keys = developers.keys(developer);
        model.addAttribute("developer", developer);
        model.addAttribute("licenseAcceptedOn", DisplayTime.minute(developer.licenseAcceptedAt()));
        model.addAttribute("registeredOn", DisplayTime.minute(developer.registeredAt()));
        model.addAttribute("keys", keys.stream().map(KeyRow::of).toList());
        model.addAttribute("maskedSecret", MASKED_SECRET);
        model.addAttribute("maxKeys", AccessKeys.MAX_KEYS);
        model.addAttribute("canCreateKey", developer.active() && keys.size() < AccessKeys.MAX_KEYS);
        model.addAttribute("lastActiveKey", activeKeys(keys) == 1);
        return "developers/central";
    }

    @PostMapping(PATH + "/keys")
    String createKey(@AuthenticationPrincipal SellerPrincipal principal, RedirectAttributes redirect) {
        IssuedCredentials credentials = accessKeys.create(principal.accountId());
        return credentialsPage.redirect(credentials, false, clock.instant(), redirect);
    }

    /** The new credentials (after registration or a new key), shown once after the redirect. */
    @GetMapping(CredentialsPage.PATH)
    String newCredentials(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        Developer developer = developers.ofAccount(principal.accountId()).orElseThrow(AccessKeys.NotRegistered::new);
        return credentialsPage.showOnce(developer, model);
    }

    @PostMapping(PATH + "/keys/{accessKeyId}/deactivate")
    String deactivate(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String accessKeyId,
                      RedirectAttributes redirect) {
        accessKeys.deactivate(principal.accountId(), accessKeyId);
        redirect.addFlashAttribute("notice", "developers.keys.deactivated");
        redirect.addFlashAttribute("noticeKey", accessKeyId);
        return "redirect:" + PATH;
    }

    /**
     * The confirmation page before deactivating the last active key, with the warning that every
     * call then fails: Developer Central links the last key's Deactivate here instead of posting at once.
     */
    @GetMapping(PATH + "/keys/{accessKeyId}/deactivate/confirm")
    String confirmDeactivate(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String accessKeyId,
                             Model model) {
        Developer developer = developers.ofAccount(principal.accountId()).orElseThrow(AccessKeys.NotRegistered::new);
        AccessKey key = accessKeys.ownKey(developer, accessKeyId);
        if (!key.active()) {
            throw new AccessKeys.Refused("developers.keys.notActive");
        }
        model.addAttribute("developer", developer);
        model.addAttribute("key", key);
        model.addAttribute("lastActiveKey", activeKeys(developers.keys(developer)) == 1);
        return "developers/deactivate-key";
    }

    private static long activeKeys(List<AccessKey> keys) {
        return keys.stream().filter(AccessKey::active).count();
    }

    @PostMapping(PATH + "/keys/{accessKeyId}/activate")
    String activate(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String accessKeyId,
                    RedirectAttributes redirect) {
        accessKeys.activate(principal.accountId(), accessKeyId);
        redirect.addFlashAttribute("notice", "developers.keys.activated");
        redirect.addFlashAttribute("noticeKey", accessKeyId);
        return "redirect:" + PATH;
    }

    /** The confirmation page before deleting; only an inactive key of this developer gets one. */
    @GetMapping(PATH + "/keys/{accessKeyId}/delete")
    String confirmDelete(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String accessKeyId,
                         Model model) {
        Developer developer = developers.ofAccount(principal.accountId()).orElseThrow(AccessKeys.NotRegistered::new);
        AccessKey key = accessKeys.ownKey(developer, accessKeyId);
        if (key.active()) {
            throw new AccessKeys.Refused("developers.keys.deleteOnlyInactive");
        }
        model.addAttribute("developer", developer);
        model.addAttribute("key", key);
        return "developers/delete-key";
    }

    @PostMapping(PATH + "/keys/{accessKeyId}/delete")
    String delete(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String accessKeyId,
                  RedirectAttributes redirect) {
        accessKeys.delete(principal.accountId(), accessKeyId);
        redirect.addFlashAttribute("notice", "developers.keys.deleted");
        redirect.addFlashAttribute("noticeKey", accessKeyId);
        return "redirect:" + PATH;
    }
}
