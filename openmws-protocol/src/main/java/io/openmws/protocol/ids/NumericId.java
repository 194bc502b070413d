package io.openmws.protocol.ids;

/** The one format shared by feed submission, report request and report ids. */
final class NumericId {

    /** 1 to 20 digits, no leading zero: a positive decimal number. */
    static final String PATTERN = "[1-9][0-9]{0,19}";

    static final String EXPECTED = "a decimal number of 1 to 20 digits without a leading zero";

    private NumericId() {
    }
}
