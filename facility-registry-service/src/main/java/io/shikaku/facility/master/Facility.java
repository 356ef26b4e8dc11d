package io.shikaku.facility.master;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A facility of the master with the dates of its onboarding steps (DOMAIN.md §9), changed one at a time; entity name
 * MasterFacility, so that another feature may map the same table without a clash.
 */
@Entity(name = "MasterFacility")
@Table(name = "facility")
public class Facility extends PanacheEntityBase {

    @Id
    @Column(name = "facility_code")
    public String facilityCode;

    @Embedded
    public FacilityDetails details = new FacilityDetails();

    @Column(name = "updated_at")
    public Instant updatedAt;

    public LifecycleDates dates() {
        return details.dates();
    }

    /** Takes the dates a lifecycle step produced. */
    public void apply(LifecycleDates dates) {
        details.apply(dates);
        updatedAt = Instant.now();
    }

    /** Whether the facility has an emergency terminal. */
    public void equipEmergencyTerminal(boolean enabled) {
        details.equipEmergencyTerminal(enabled);
        updatedAt = Instant.now();
    }
}
