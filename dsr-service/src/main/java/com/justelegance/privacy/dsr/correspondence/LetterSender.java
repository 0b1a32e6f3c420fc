package com.justelegance.privacy.dsr.correspondence;

/** Who letters come from: the privacy team's name and the privacy address, as every letter is signed. */
public record LetterSender(String name, String address) {

    /** The From header: {@code Name <address>}. */
    public String fromHeader() {
        return name + " <" + address + ">";
    }
}
