package io.shikaku.facility.master;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * One change of a facility with its state after it (table facility_history, V5), written in the change's transaction;
 * the import writes its rows with SQL of its own ({@link MasterImport}), never through this entity.
 */
@Entity(name = "FacilityHistory")
@Table(name = "facility_history")
public class FacilityHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "facility_code")
    public String facilityCode;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Enumerated(EnumType.STRING)
    public FacilityChange change;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_by_name")
    public String changedByName;

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

    /** The row for {@code f} as it is now, changed by {@code change} of {@code by}. */
    static FacilityHistory of(Facility f, FacilityChange change, Actor by) {
        FacilityHistory h = new FacilityHistory();
        h.facilityCode = f.facilityCode;
        h.changedAt = f.updatedAt == null ? Instant.now() : f.updatedAt;
        h.change = change;
        h.changedBy = by.subject();
        h.changedByName = by.name();
        h.type = f.type;
        h.prefecture = f.prefecture;
        h.name = f.name;
        h.accountRegisteredOn = f.accountRegisteredOn;
        h.readerAppliedOn = f.readerAppliedOn;
        h.readersApplied = f.readersApplied;
        h.readyOn = f.readyOn;
        h.goLiveOn = f.goLiveOn;
        h.emergencyTerminal = f.emergencyTerminal;
        return h;
    }

    /** The facility's changes, oldest first. */
    static Uni<List<FacilityHistory>> changesOf(String facilityCode) {
        return find("facilityCode = ?1 ORDER BY id", facilityCode).list();
    }

    FacilityState state() {
        return new FacilityState(type, prefecture, name, accountRegisteredOn, readerAppliedOn,
                readersApplied == null ? null : readersApplied.intValue(), readyOn, goLiveOn, emergencyTerminal);
    }
}
