package com.justelegance.privacy.dsr.domain;

/**
 * The UK nations with their own bank holidays. A deadline uses the calendar of the nation the case is handled under;
 * England and Wales share one.
 */
public enum Nation {

    ENGLAND_AND_WALES("england-and-wales"),
    SCOTLAND("scotland"),
    NORTHERN_IRELAND("northern-ireland");

    private final String division;

    Nation(String division) {
        this.division = division;
    }

    /** The name GOV.UK's bank holidays feed gives the nation, which is also the name of its data file. */
    public String division() {
        return division;
    }
}
