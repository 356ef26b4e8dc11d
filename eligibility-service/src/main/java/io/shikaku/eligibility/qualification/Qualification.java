package io.shikaku.eligibility.qualification;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One individual insured number of a person with the period it is in force. */
@Entity
public class Qualification extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "insurer_number")
    public String insurerNumber;

    public String symbol;

    public String number;

    @Column(name = "symbol_key")
    public String symbolKey;

    @Column(name = "number_key")
    public String numberKey;

    public String branch;

    @Enumerated(EnumType.STRING)
    public Relationship relationship;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "copayment_rate")
    public int copaymentRate;

    @Column(name = "limit_category")
    public String limitCategory;

    /** Whether this qualification is in force on {@code date} (both ends inclusive). */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }
}
