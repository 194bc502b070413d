package io.openmws.server.authorizations;

import io.openmws.protocol.marketplace.Marketplace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * What a seller hands to a developer: Seller ID, marketplace IDs, MWS Auth Token and Developer ID, as
 * one text for "Copy all" and as a {@code data:} link to download it. It exists only inside the page
 * that shows the token (the answer to the POST that created or revealed it): no GET serves this file,
 * so nothing can be cached, linked or fetched again later.
 */
record HandOver(String text, String href, String fileName) {

    static HandOver of(MessageSource messages, String sellerId, List<Marketplace> marketplaces, String token,
                       String developerName, String developerId) {
        String ids = marketplaces.stream()
                .map(m -> m.id().value() + " (" + m.name() + ")")
                .collect(Collectors.joining(", "));
        String text = messages.getMessage("authorizations.handover.body",
                new Object[] {sellerId, ids, token, developerName, developerId}, Locale.ENGLISH);
        String href = "data:text/plain;charset=utf-8,"
                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        return new HandOver(text, href, "mws-authorization-" + sellerId + ".txt");
    }
}
