package io.shikaku.facility.master;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What the master holds of a facility (DOMAIN.md §9): what it is, where, and how far its onboarding has got. Kept by
 * {@link Facility} as it is now and by every row of {@link FacilityHistory} as it was after a change; the columns are
 * the same in both tables.
 */
@Embeddable
public class FacilityDetails {

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

    /** The same details, for another row to keep. */
    FacilityDetails copy() {
        FacilityDetails c = new FacilityDetails();
        c.type = type;
        c.prefecture = prefecture;
        c.name = name;
        c.accountRegisteredOn = accountRegisteredOn;
        c.readerAppliedOn = readerAppliedOn;
        c.readersApplied = readersApplied;
        c.readyOn = readyOn;
        c.goLiveOn = goLiveOn;
        c.emergencyTerminal = emergencyTerminal;
        return c;
    }

    LifecycleDates dates() {
        return new LifecycleDates(accountRegisteredOn, readerAppliedOn, readers(), readyOn, goLiveOn);
    }

    /** Takes the dates a lifecycle step produced. */
    void apply(LifecycleDates dates) {
        accountRegisteredOn = dates.accountRegisteredOn();
        readerAppliedOn = dates.readerAppliedOn();
        readersApplied = dates.readersApplied() == null ? null : dates.readersApplied().shortValue();
        readyOn = dates.readyOn();
        goLiveOn = dates.goLiveOn();
    }

    void equipEmergencyTerminal(boolean enabled) {
        emergencyTerminal = enabled;
    }

    FacilityState state() {
        return new FacilityState(type, prefecture, name, accountRegisteredOn, readerAppliedOn, readers(), readyOn,
                goLiveOn, emergencyTerminal);
    }

    private Integer readers() {
        return readersApplied == null ? null : readersApplied.intValue();
    }
}
