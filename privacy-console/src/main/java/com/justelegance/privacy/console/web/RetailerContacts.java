package com.justelegance.privacy.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The retailer's contact details for templates ({@code {inject:retailer.privacyEmail}}). */
@Named("retailer")
@ApplicationScoped
public class RetailerContacts {

    private final Retailer retailer;

    public RetailerContacts(Retailer retailer) {
        this.retailer = retailer;
    }

    public String getName() {
        return retailer.name();
    }

    public String getPrivacyEmail() {
        return retailer.privacyEmail();
    }

    public String getPostalAddress() {
        return retailer.postalAddress();
    }
}
