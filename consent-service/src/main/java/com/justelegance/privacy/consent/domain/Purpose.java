package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.LawfulBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A purpose in the catalogue: something a person can consent to or opt out of, with its channel and basis. */
@Entity
@Table(name = "purpose")
public class Purpose {

    @Id
    @Column(name = "code")
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis", nullable = false)
    private LawfulBasis lawfulBasis;

    @Column(name = "description", nullable = false)
    private String description;

    protected Purpose() {
    }

    public String code() {
        return code;
    }

    public Channel channel() {
        return channel;
    }

    public LawfulBasis lawfulBasis() {
        return lawfulBasis;
    }

    public String description() {
        return description;
    }
}
