package io.shikaku.facility.subsidy;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.problem.ProblemException;
import io.shikaku.facility.master.FacilityType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Finds the facility and the subsidy rule in force on a date, and estimates with {@link SubsidyArithmetic}. */
@ApplicationScoped
public class SubsidyService {

    private static final String RULE = "SELECT * FROM subsidy_rule WHERE category = $1 AND readers = $2"
            + " AND valid_from <= $3 AND (valid_until IS NULL OR valid_until >= $3)";

    @Inject
    Pool pool;

    public Uni<SubsidyEstimate> estimate(String facilityCode, long projectCost, Integer readers, boolean largeChain,
            LocalDate asOf) {
        return pool.preparedQuery("SELECT type, readers_applied FROM facility WHERE facility_code = $1")
                .execute(Tuple.of(facilityCode)).chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("No such facility in the master");
                    }
                    Row facility = rows.iterator().next();
                    FacilityType type = FacilityType.valueOf(facility.getString("type"));
                    if (largeChain && type != FacilityType.PHARMACY) {
                        throw ProblemException.invalidField("largeChain", "only a pharmacy can be a large chain");
                    }
                    Short applied = facility.getShort("readers_applied");
                    int wanted = readers != null ? readers : applied != null ? applied : 1;
                    if (wanted < 1 || wanted > type.maxReaders()) {
                        throw ProblemException.invalidField("readers", type == FacilityType.HOSPITAL
                                ? "must be 1 to 3 for a hospital"
                                : "must be 1 for this facility");
                    }
                    SubsidyCategory category = SubsidyArithmetic.category(type, largeChain);
                    return pool.preparedQuery(RULE).execute(Tuple.of(category.name(), wanted, asOf)).map(found -> {
                        if (!found.iterator().hasNext()) {
                            throw ProblemException.notFound("No subsidy rule was in force on " + asOf);
                        }
                        return SubsidyEstimate.of(facilityCode, type, asOf, rule(found.iterator().next()),
                                projectCost);
                    });
                });
    }

    private static SubsidyRule rule(Row r) {
        return new SubsidyRule(r.getString("rule_set"), r.getString("rule_set_name"), r.getLocalDate("valid_from"),
                r.getLocalDate("valid_until"), SubsidyCategory.valueOf(r.getString("category")),
                r.getShort("readers"), r.getInteger("reader_amount"), r.getBoolean("readers_free"),
                r.getInteger("cost_cap"), r.getShort("rate_numerator"), r.getShort("rate_denominator"),
                r.getInteger("ceiling"));
    }
}
