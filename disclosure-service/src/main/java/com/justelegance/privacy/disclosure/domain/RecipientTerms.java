package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the registry says about a recipient apart from its code: what it is, what it receives and why, where
 * it is, and how it takes notices. {@link #problems()} checks the rules that tie the fields together.
 *
 * @param consentPurpose     the consent purpose code sharing with it needs, or null when it does not rest on consent
 * @param privacyPolicyUrl   the recipient's privacy notice, or null when it is a category rather than one company
 * @param noticeAddress      the API URL, e-mail address or portal URL for notices; null for {@link NoticeChannel#NONE}
 * @param noticeResponseDays how many days the recipient has to acknowledge a notice before it is overdue
 */
public record RecipientTerms(String displayName, RecipientCategory category, RecipientRole role,
                             Set<DataCategory> dataCategories, String purpose, LawfulBasis lawfulBasis,
                             String consentPurpose, String country, TransferSafeguard transferSafeguard,
                             String privacyPolicyUrl, NoticeChannel noticeChannel, String noticeAddress,
                             int noticeResponseDays) {

    public static final String UK = "GB";
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public RecipientTerms {
        dataCategories = dataCategories == null ? Set.of() : Set.copyOf(dataCategories);
    }

    /** The rules a registration breaks, as sentences naming fields, never quoting values; empty when it is sound. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (UK.equals(country) != (transferSafeguard == TransferSafeguard.NOT_A_TRANSFER)) {
            problems.add("transferSafeguard must be NOT_A_TRANSFER exactly when country is " + UK);
        }
        if (lawfulBasis == LawfulBasis.SOFT_OPT_IN) {
            problems.add("lawfulBasis SOFT_OPT_IN covers marketing messages, not disclosures to a recipient");
        }
        if ((lawfulBasis == LawfulBasis.CONSENT) != (consentPurpose != null)) {
            problems.add("consentPurpose must be given exactly when lawfulBasis is CONSENT");
        }
        if (privacyPolicyUrl != null && !isWebAddress(privacyPolicyUrl)) {
            problems.add("privacyPolicyUrl must be an http or https URL");
        }
        switch (noticeChannel) {
            case API, PORTAL -> {
                if (noticeAddress == null || !isWebAddress(noticeAddress)) {
                    problems.add("noticeAddress must be an http or https URL for channel " + noticeChannel);
                }
            }
            case EMAIL -> {
                if (noticeAddress == null || !EMAIL_ADDRESS.matcher(noticeAddress).matches()) {
                    problems.add("noticeAddress must be an e-mail address for channel EMAIL");
                }
            }
            case NONE -> {
                if (noticeAddress != null) {
                    problems.add("noticeAddress must be empty for channel NONE");
                }
            }
        }
        return problems;
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
