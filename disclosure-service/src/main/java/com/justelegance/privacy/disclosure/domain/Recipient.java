package com.justelegance.privacy.disclosure.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A third party that receives customers' data: who it is, what kind, and on what footing. */
@Entity
@Table(name = "recipient")
public class Recipient {

    @Id
    @Column(name = "code")
    private String code;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private RecipientCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private RecipientRole role;

    @Column(name = "country", nullable = false)
    private String country;

    protected Recipient() {
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public RecipientCategory category() {
        return category;
    }

    public RecipientRole role() {
        return role;
    }

    public String country() {
        return country;
    }
}
