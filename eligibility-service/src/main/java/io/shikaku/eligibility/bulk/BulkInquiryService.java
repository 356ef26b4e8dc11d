package io.shikaku.eligibility.bulk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.idempotency.IdempotencyKeys;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Problem.FieldError;
import io.shikaku.eligibility.bulk.BulkInquiries.Accepted;
import io.shikaku.eligibility.bulk.BulkInquiries.Entry;
import io.shikaku.eligibility.bulk.BulkInquiries.EntryError;
import io.shikaku.eligibility.bulk.BulkInquiries.Request;
import io.shikaku.eligibility.bulk.BulkInquiries.Result;
import io.shikaku.eligibility.bulk.BulkInquiries.Status;
import io.shikaku.eligibility.bulk.BulkInquiries.View;
import io.shikaku.eligibility.check.CheckAnswer.QualificationView;
import io.shikaku.eligibility.check.CheckMethod;
import io.shikaku.eligibility.check.CheckRequest;
import io.shikaku.eligibility.check.Validity;
import io.shikaku.eligibility.facility.LiveFacilities;
import io.smallrye.mutiny.Uni;

/**
 * Accepts bulk inquiries (DOMAIN.md §4) at once, each entry validated on its own and all stored in one statement,
 * and reads their counts and results; {@link BulkWorker} answers the entries.
 */
@ApplicationScoped
public class BulkInquiryService {

    static final String INVALID_FIELD = "INVALID_FIELD";
    /** An entry of card numbers its facility is sweeping (README "Sweeps"): refused, not answered. */
    static final String RATE_LIMITED = ErrorCode.RATE_LIMITED.name();
    private static final int MAX_REFERENCE = 64;

    private static final String INSERT_INQUIRY = "INSERT INTO bulk_inquiry (id, facility_code, visit_date, status,"
            + " entries, accepted_at) VALUES (?1, ?2, ?3, 'ACCEPTED', ?4, now())";
    private static final String INSERT_ENTRIES = "INSERT INTO bulk_entry (inquiry_id, position, reference,"
            + " insurer_number, symbol, number, branch, birth_date, pending, error_code, error_message)"
            + " SELECT ?1, x.position, x.reference, x.insurer_number, x.symbol, x.number, x.branch, x.birth_date,"
            + " x.error_code IS NULL, x.error_code, x.error_message FROM jsonb_to_recordset(cast(cast(?2 as text) as jsonb)) AS"
            + " x(position int, reference text, insurer_number text, symbol text, number text, branch text,"
            + " birth_date date, error_code text, error_message text)";
    private static final String SUMMARY = "SELECT i.status, i.visit_date, i.entries,"
            + " count(*) FILTER (WHERE NOT e.pending), count(e.validity), count(e.error_code)"
            + " FROM bulk_inquiry i LEFT JOIN bulk_entry e ON e.inquiry_id = i.id"
            + " WHERE i.id = ?1 AND i.facility_code = ?2 GROUP BY i.id";
    private static final String RESULTS = "SELECT reference, validity, qualification, error_code, error_message"
            + " FROM bulk_entry WHERE inquiry_id = ?1 ORDER BY position LIMIT ?2 OFFSET ?3";

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    IdempotencyKeys keys;

    @Inject
    LiveFacilities facilities;

    /**
     * Stores the inquiry of a facility live on its visit date ({@code 403 FACILITY_NOT_LIVE} otherwise) and returns
     * its receipt once committed; with an {@code Idempotency-Key}, a repeat gets the first inquiry's receipt.
     */
    public Uni<Accepted> submit(String facilityCode, Request request, String idempotencyKey) {
        List<Entry> entries = request.entries();
        if (entries == null || entries.isEmpty()) {
            throw ProblemException.invalidField("entries", "must hold at least one entry");
        }
        if (entries.size() > BulkInquiries.MAX_ENTRIES) {
            throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "An inquiry holds at most " + BulkInquiries.MAX_ENTRIES + " entries");
        }
        String rows = toJson(rows(request));
        Supplier<Uni<String>> store = () -> facilities.requireLiveOn(facilityCode, request.visitDate())
                .chain(() -> insert(facilityCode, request.visitDate(), entries.size(), rows))
                .map(UUID::toString);
        Uni<String> inquiryId = idempotencyKey == null
                ? Panache.withTransaction(store)
                : keys.once("bulk-inquiry:" + facilityCode, idempotencyKey, IdempotencyKeys.hash(toJson(request)),
                        store);
        return DetachedDatabaseWork.detached(inquiryId)
                .map(id -> new Accepted(UUID.fromString(id), Status.ACCEPTED, entries.size()));
    }

    private Uni<UUID> insert(String facilityCode, LocalDate visitDate, int count, String rows) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_INQUIRY).setParameter(1, id)
                .setParameter(2, facilityCode).setParameter(3, visitDate).setParameter(4, count).executeUpdate()
                .chain(() -> session.createNativeQuery(INSERT_ENTRIES).setParameter(1, id).setParameter(2, rows)
                        .executeUpdate()))
                .replaceWith(id);
    }

    /** The entries as rows to store: a valid one with its card numbers, an invalid one with only its error. */
    private List<Map<String, Object>> rows(Request request) {
        List<Map<String, Object>> rows = new ArrayList<>(request.entries().size());
        int position = 0;
        for (Entry entry : request.entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", position++);
            if (entry == null) {
                row.put("error_code", INVALID_FIELD);
                row.put("error_message", "entry: must not be null");
                rows.add(row);
                continue;
            }
            String reference = entry.reference();
            row.put("reference", reference == null || reference.length() <= MAX_REFERENCE
                    ? reference
                    : reference.substring(0, MAX_REFERENCE));
            Optional<FieldError> error = firstProblem(request.visitDate(), entry);
            if (error.isPresent()) {
                row.put("error_code", INVALID_FIELD);
                row.put("error_message", error.get().field() + ": " + error.get().message());
            } else {
                row.put("insurer_number", entry.insurerNumber());
                row.put("symbol", entry.symbol());
                row.put("number", entry.number());
                row.put("branch", entry.branch());
                row.put("birth_date", entry.birthDate());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The first problem of an entry, judged exactly as a single check's request is; never quotes the value. */
    private Optional<FieldError> firstProblem(LocalDate visitDate, Entry entry) {
        LocalDate birthDate;
        try {
            birthDate = entry.birthDate() == null ? null : LocalDate.parse(entry.birthDate());
        } catch (DateTimeParseException e) {
            return Optional.of(new FieldError("birthDate", "must be a date (yyyy-MM-dd)"));
        }
        CheckRequest check = CheckRequest.byCardNumbers(CheckMethod.BULK, visitDate, entry.insurerNumber(),
                entry.symbol(),
                entry.number(), entry.branch(), birthDate, entry.reference());
        List<FieldError> problems = new ArrayList<>();
        for (ConstraintViolation<CheckRequest> violation : validator.validate(check)) {
            problems.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        problems.addAll(check.cardNumberProblems());
        return problems.stream().min(Comparator.comparing(FieldError::field));
    }

    /** The inquiry's counts and, once completed, a page of results; {@code 404} unless it is this facility's. */
    public Uni<View> view(String facilityCode, UUID inquiryId, int page, int size) {
        return DetachedDatabaseWork.detached(Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(SUMMARY, Object[].class).setParameter(1, inquiryId)
                        .setParameter(2, facilityCode).getResultList()
                        .chain(summaries -> {
                            if (summaries.isEmpty()) {
                                throw ProblemException.notFound("No such bulk inquiry for this facility");
                            }
                            Object[] s = summaries.get(0);
                            Status status = Status.valueOf((String) s[0]);
                            Uni<List<Result>> results = status != Status.COMPLETED
                                    ? Uni.createFrom().item(List.of())
                                    : session.createNativeQuery(RESULTS, Object[].class).setParameter(1, inquiryId)
                                            .setParameter(2, size).setParameter(3, (long) page * size)
                                            .getResultList().map(this::results);
                            return results.map(r -> new View(inquiryId, status, BulkWorker.date(s[1]),
                                    ((Number) s[2]).intValue(), ((Number) s[3]).longValue(),
                                    ((Number) s[4]).longValue(), ((Number) s[5]).longValue(), page, size, r));
                        }))));
    }

    private List<Result> results(List<Object[]> rows) {
        List<Result> results = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            results.add(new Result((String) row[0], row[1] == null ? null : Validity.valueOf((String) row[1]),
                    row[2] == null ? null : fromJson((String) row[2]),
                    row[3] == null ? null : new EntryError((String) row[3], (String) row[4])));
        }
        return results;
    }

    private QualificationView fromJson(String qualification) {
        try {
            return json.readValue(qualification, QualificationView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A bulk result's qualification could not be read", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A bulk inquiry could not be written as JSON", e);
        }
    }
}
