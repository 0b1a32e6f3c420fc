package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.ConsentState;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The state a decision gives one purpose. */
@Embeddable
public class ConsentChoice {

    @Column(name = "purpose_code", nullable = false)
    private String purposeCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ConsentState state;

    protected ConsentChoice() {
    }

    public ConsentChoice(String purposeCode, ConsentState state) {
        this.purposeCode = purposeCode;
        this.state = state;
    }

    public String purposeCode() {
        return purposeCode;
    }

    public ConsentState state() {
        return state;
    }
}
