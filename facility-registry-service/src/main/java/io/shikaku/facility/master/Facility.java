package io.shikaku.facility.master;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    public FacilityType type;

    public String prefecture;

    public String name;

    @Column(name = "account_registered_on")
    public LocalDate accountRegisteredOn;

    @Column(name = "reader_applied_on")
    public LocalDate readerAppliedOn;

    @Column(name = "readers_applied")
    public Short readersApplied;

    @Column(name = "ready_on")
    public LocalDate readyOn;

    @Column(name = "go_live_on")
    public LocalDate goLiveOn;

    @Column(name = "emergency_terminal")
    public boolean emergencyTerminal;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public LifecycleDates dates() {
        return new LifecycleDates(accountRegisteredOn, readerAppliedOn,
                readersApplied == null ? null : readersApplied.intValue(), readyOn, goLiveOn);
    }

    /** Takes the dates a lifecycle step produced. */
    public void apply(LifecycleDates dates) {
        accountRegisteredOn = dates.accountRegisteredOn();
        readerAppliedOn = dates.readerAppliedOn();
        readersApplied = dates.readersApplied() == null ? null : dates.readersApplied().shortValue();
        readyOn = dates.readyOn();
        goLiveOn = dates.goLiveOn();
        updatedAt = Instant.now();
    }
}
