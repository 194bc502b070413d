package io.openmws.server.developers;

/** The KYC form of the registration, as bound from the page: every field as typed. */
public class DetailsForm {

    private String legalName = "";
    private String businessType = "";
    private String countryCode = "";
    private String stateOrRegion = "";
    private String city = "";
    private String postalCode = "";
    private String street = "";
    private String phone = "";
    private String contactPerson = "";
    private String website = "";
    private String developerName = "";
    private String dataUse = "";

    static final String[] FIELDS = {"legalName", "businessType", "countryCode", "stateOrRegion", "city",
        "postalCode", "street", "phone", "contactPerson", "website", "developerName", "dataUse"};

    /** The form showing saved details again (when the developer goes back from the license). */
    static DetailsForm of(DeveloperDetails details) {
        DetailsForm form = new DetailsForm();
        form.legalName = nonNull(details.legalName());
        form.businessType = details.businessType() == null ? "" : details.businessType().name();
        form.countryCode = nonNull(details.countryCode());
        form.stateOrRegion = nonNull(details.stateOrRegion());
        form.city = nonNull(details.city());
        form.postalCode = nonNull(details.postalCode());
        form.street = nonNull(details.street());
        form.phone = nonNull(details.phone());
        form.contactPerson = nonNull(details.contactPerson());
        form.website = nonNull(details.website());
        form.developerName = nonNull(details.developerName());
        form.dataUse = nonNull(details.dataUse());
        return form;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = nonNull(legalName);
    }

    public String getBusinessType() {
        return businessType;
    }

    public void setBusinessType(String businessType) {
        this.businessType = nonNull(businessType);
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = nonNull(countryCode);
    }

    public String getStateOrRegion() {
        return stateOrRegion;
    }

    public void setStateOrRegion(String stateOrRegion) {
        this.stateOrRegion = nonNull(stateOrRegion);
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = nonNull(city);
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = nonNull(postalCode);
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = nonNull(street);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = nonNull(phone);
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = nonNull(contactPerson);
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = nonNull(website);
    }

    public String getDeveloperName() {
        return developerName;
    }

    public void setDeveloperName(String developerName) {
        this.developerName = nonNull(developerName);
    }

    public String getDataUse() {
        return dataUse;
    }

    public void setDataUse(String dataUse) {
        this.dataUse = nonNull(dataUse);
    }
}
