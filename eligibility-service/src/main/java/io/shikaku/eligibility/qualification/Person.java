package io.shikaku.eligibility.qualification;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The natural person behind a history of individual insured numbers. */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "name_kana")
    public String nameKana;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String address;

    /** The keyed hash of the My Number linked to this person (never the number), or null when none is linked. */
    @Column(name = "my_number_hash")
    public String myNumberHash;

    /** Whether a linkage of this person is in doubt (DOMAIN.md §5): no consent, no medication or checkup viewing. */
    @Column(name = "viewing_suspended")
    public boolean viewingSuspended;
}
