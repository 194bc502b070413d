package io.openmws.server.accounts;

import java.util.ArrayList;
import java.util.List;

/** The sign-up form, as bound from the page; {@link SignUpRules} says what is wrong with it. */
public class SignUpForm {

    private String businessName = "";

    private String contactName = "";

    private String email = "";

    private String password = "";

    private String homeMarketplaceId = "ATVPDKIKX0DER";

    private List<String> otherMarketplaceIds = new ArrayList<>();

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getHomeMarketplaceId() {
        return homeMarketplaceId;
    }

    public void setHomeMarketplaceId(String homeMarketplaceId) {
        this.homeMarketplaceId = homeMarketplaceId;
    }

    public List<String> getOtherMarketplaceIds() {
        return otherMarketplaceIds;
    }

    public void setOtherMarketplaceIds(List<String> otherMarketplaceIds) {
        this.otherMarketplaceIds = otherMarketplaceIds == null ? new ArrayList<>() : otherMarketplaceIds;
    }

    SellerAccounts.SignUp toRequest() {
        return new SellerAccounts.SignUp(businessName, contactName, email, password, homeMarketplaceId,
                otherMarketplaceIds);
    }

    @Override
    public String toString() {
        return "SignUpForm[email=" + email + ", password redacted]";
    }
}
