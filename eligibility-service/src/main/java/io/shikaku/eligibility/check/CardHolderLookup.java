package io.shikaku.eligibility.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.eligibility.card.CardAcceptance;
import io.shikaku.eligibility.qualification.Person;
import io.shikaku.eligibility.qualification.Qualification;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Everything a check by My Number card reads, in one prepared statement instead of five ORM round trips (issue 8): the
 * facility's go-live date, the card's state, its holder's viewing suspension, the holder's whole history and the
 * insurers' names.
 */
@ApplicationScoped
public class CardHolderLookup {

    static final String SQL = "WITH card AS (SELECT c.person_id, c.valid_until, c.revoked_at IS NOT NULL AS revoked,"
            + " c.withdrawn_at IS NOT NULL AS withdrawn FROM my_number_card c WHERE c.card_serial = $2)"
            + " SELECT f.go_live_on, f.type AS facility_type, card.person_id AS holder_id, card.valid_until AS card_valid_until, card.revoked,"
            + " card.withdrawn, holder.viewing_suspended, q.id, q.person_id, q.insurer_number, q.symbol, q.number,"
            + " q.branch, q.relationship, q.valid_from, q.valid_until, q.copayment_rate, q.limit_category, p.name,"
            + " p.name_kana, p.sex, p.birth_date, i.name AS insurer_name"
            + " FROM (SELECT 1) AS one LEFT JOIN facility f ON f.facility_code = $1 LEFT JOIN card ON true"
            + " LEFT JOIN person holder ON holder.id = card.person_id"
            + " LEFT JOIN (qualification q JOIN person p ON p.id = q.person_id"
            + " LEFT JOIN insurer i ON i.insurer_number = q.insurer_number) ON q.person_id = card.person_id";

    /**
     * What a card check needs to know: {@code card} is null for an unknown card; {@code history} is the holder's
     * qualifications.
     */
    public record Found(LocalDate goLiveOn, String facilityType, CardAcceptance.CardState card, UUID holderId,
            boolean viewingSuspended,
            List<Qualification> history, Map<String, String> insurerNames) {
    }

    /** Reads the facility, the card, its holder and the holder's history on {@code db}. */
    public Uni<Found> find(SqlConnection db, String facilityCode, String cardSerial) {
        return db.preparedQuery(SQL).execute(Tuple.of(facilityCode, cardSerial)).map(rows -> {
            LocalDate goLiveOn = null;
            String facilityType = null;
            CardAcceptance.CardState card = null;
            UUID holderId = null;
            boolean suspended = false;
            List<Qualification> history = new ArrayList<>();
            Map<String, String> insurerNames = new HashMap<>();
            Map<UUID, Person> persons = new HashMap<>();
            for (Row row : rows) {
                goLiveOn = row.getLocalDate("go_live_on");
                facilityType = row.getString("facility_type");
                holderId = row.getUUID("holder_id");
                if (holderId == null) {
                    continue;
                }
                card = new CardAcceptance.CardState(row.getBoolean("revoked"), row.getBoolean("withdrawn"),
                        row.getLocalDate("card_valid_until"));
                suspended = Boolean.TRUE.equals(row.getBoolean("viewing_suspended"));
                if (row.getUUID("id") == null) {
                    continue;
                }
                Qualification q = CardNumberLookup.qualification(row, persons);
                insurerNames.put(q.insurerNumber, row.getString("insurer_name"));
                history.add(q);
            }
            return new Found(goLiveOn, facilityType, card, holderId, suspended, history, insurerNames);
        });
    }
}
