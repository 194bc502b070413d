package io.openmws.protocol.marketplace;

/**
 * An MWS region. A developer registers once per region, and a seller is known only in the region
 * of the endpoint it calls ({@code docs/protocol.md} §1.1, §11).
 */
public enum Region {

    /** North America: Brazil, Canada, Mexico, US. */
    NA("North America"),
    /** Europe, as MWS drew it: also the UAE, Egypt, India, Saudi Arabia and Turkey. */
    EU("Europe"),
    /** Far East: Singapore, Australia, Japan. */
    FE("Far East"),
    /** China, a region of its own. */
    CN("China");

    private final String displayName;

    Region(String displayName) {
        this.displayName = displayName;
    }

    /** The region's name for people, e.g. {@code North America}. */
    public String displayName() {
        return displayName;
    }
}
