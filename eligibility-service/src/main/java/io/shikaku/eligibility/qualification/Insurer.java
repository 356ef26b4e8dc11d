package io.shikaku.eligibility.qualification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An insurer (保険者) known to the system, by its insurer number. */
@Entity
public class Insurer extends PanacheEntityBase {

    @Id
    @Column(name = "insurer_number")
    public String insurerNumber;

    public String name;
}
