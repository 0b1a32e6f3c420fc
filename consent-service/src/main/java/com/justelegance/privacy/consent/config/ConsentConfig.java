package com.justelegance.privacy.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** consent-service settings, under {@code consent}. */
@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    /** One-click unsubscribe links. */
    Unsubscribe unsubscribe();

    /** Identifier normalisation for the suppression list. */
    Suppression suppression();

    /** Consent receipts (Kantara Consent Receipt v1.1). */
    Receipt receipt();

    /** PECR soft opt-in: only for an order the storefront reported for the same person. */
    SoftOptIn softOptIn();

    interface SoftOptIn {

        /** How long a soft opt-in that arrived before its order waits for OrderPlaced before it lapses. */
        @WithDefault("PT24H")
        Duration orderWait();

        /** How long an order id is remembered for soft opt-ins that name it (checkout sends them at once). */
        @WithDefault("P30D")
        Duration orderMemory();

        /** How often waits that ended are lapsed and old order ids forgotten ({@code off} to disable). */
        @WithDefault("15m")
        String housekeepingEvery();
    }

    interface Unsubscribe {

        /** The public URL the redemption endpoint is reached at; a token is appended to it. */
        @WithDefault("http://localhost:8081/api/v1/unsubscribe/")
        String baseUrl();

        /** How long a token in a sent message keeps working. */
        @WithDefault("P365D")
        Duration tokenValidity();
    }

    interface Suppression {

        /** ISO region assumed for phone numbers written without a country code. */
        @WithDefault("GB")
        String defaultPhoneRegion();
    }

    interface Receipt {

        /** The jurisdiction the receipt names. */
        @WithDefault("GB")
        String jurisdiction();

        /** The language of the notices and receipts. */
        @WithDefault("en")
        String language();

        /** The name of the service consent is collected for. */
        @WithDefault("Just Elegance online shop")
        String serviceName();

        /** The controller, as the privacy policy's contact section names it. */
        Controller controller();
    }

    interface Controller {

        /** The controller's name. */
        @WithDefault("Just Elegance")
        String name();

        /** Who to contact about privacy. */
        @WithDefault("Just Elegance Customer Services")
        String contact();

        /** Contact e-mail (the retailer's, not a person's). */
        @WithDefault("jecustomerservices@justelegance.com")
        String email();

        /** Contact telephone. */
        @WithDefault("+44 121 693 6030")
        String phone();

        /** The controller's website. */
        @WithDefault("https://www.justelegance.com")
        String url();

        /** Street address. */
        @WithDefault("247 Golden Hillock Road")
        String street();

        /** Town or city. */
        @WithDefault("Birmingham")
        String locality();

        /** Postcode. */
        @WithDefault("B11 2PJ")
        String postalCode();

        /** ISO country code. */
        @WithDefault("GB")
        String country();
    }
}
