package com.justelegance.privacy.console.web;

import io.smallrye.config.ConfigMapping;

/** The retailer's contact details, from {@code console.retailer.*}: the privacy policy's "how to contact us". */
@ConfigMapping(prefix = "console.retailer")
public interface Retailer {

    String name();

    String privacyEmail();

    String postalAddress();
}
