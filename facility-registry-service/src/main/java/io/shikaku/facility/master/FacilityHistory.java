package io.shikaku.facility.master;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Embedded
    public FacilityDetails details;

    /** The row for {@code f} as it is now, changed by {@code change} of {@code by}. */
    static FacilityHistory of(Facility f, FacilityChange change, Actor by) {
        FacilityHistory h = new FacilityHistory();
        h.facilityCode = f.facilityCode;
        h.changedAt = f.updatedAt == null ? Instant.now() : f.updatedAt;
        h.change = change;
        h.changedBy = by.subject();
        h.changedByName = by.name();
        h.details = f.details.copy();
        return h;
    }

    /** The facility's changes, oldest first. */
    static Uni<List<FacilityHistory>> changesOf(String facilityCode) {
        return find("facilityCode = ?1 ORDER BY id", facilityCode).list();
    }

    FacilityState state() {
        return details.state();
    }
}
