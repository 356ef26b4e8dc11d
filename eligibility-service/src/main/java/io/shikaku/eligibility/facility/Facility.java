package io.shikaku.eligibility.facility;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A facility as eligibility knows it from the registry's lifecycle events (read only here; written by
 * {@link FacilityLifecycleHandler}).
 */
@Entity
@Table(name = "facility")
public class Facility extends PanacheEntityBase {

    @Id
    @Column(name = "facility_code")
    public String facilityCode;

    @Enumerated(EnumType.STRING)
    public FacilityType type;

    public String prefecture;

    @Column(name = "go_live_on")
    public LocalDate goLiveOn;

    @Column(name = "emergency_terminal")
    public boolean emergencyTerminal;

    /** The master's name; null until an event carries it. */
    public String name;
}
