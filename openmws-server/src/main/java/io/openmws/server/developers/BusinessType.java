package io.openmws.server.developers;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of business a developer can declare (KYC). The page shows {@link #messageKey()}. */
public enum BusinessType {
    INDIVIDUAL,
    COMPANY,
    PARTNERSHIP,
    NON_PROFIT,
    PUBLIC_BODY;

    /** The bundle key of the name people read, e.g. {@code developers.businessType.COMPANY}. */
    public String messageKey() {
        return "developers.businessType." + name();
    }

    static Optional<BusinessType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
    }
}
