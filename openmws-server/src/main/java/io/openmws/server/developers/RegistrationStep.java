package io.openmws.server.developers;

/** Where a developer registration in progress stands; each step is a page of the registration. */
enum RegistrationStep {
    /** The developer's contact email is asked for (prefilled with the account's). */
    EMAIL,
    /** A 6-digit code went to the contact email; it is waited for. */
    EMAIL_CODE,
    /** The email is verified; the KYC details are asked for. */
    DETAILS,
    /** The details are complete; the license agreement is shown for acceptance. */
    LICENSE
}
