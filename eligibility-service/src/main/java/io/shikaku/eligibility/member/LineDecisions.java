package io.shikaku.eligibility.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.shikaku.contract.DomainRule;
import io.shikaku.eligibility.member.MemberBatches.Outcome;
import io.shikaku.eligibility.member.MemberLineRules.Op;
import io.shikaku.eligibility.resident.FourAttributes;

/**
 * Decides well-formed member lines against the registry and the persons already known (DOMAIN.md §5), in line order,
 * each line seeing the effect of the earlier ones. A line with a My Number is applied only when the resident registry
 * knows the number and agrees on the four basic attributes, and the number is not linked to another person; otherwise
 * it is HELD, never applied. "Another person" means: the number is linked to person Q while the line's individual
 * insured number belongs to P ≠ Q, P being linked to another My Number or of another sex or birth date; or Q's birth
 * date or sex (which never change) differ from the line's; or P, of the line's sex and birth date, is linked to another
 * My Number. The linked person (Q, else P) is then suspended until the held record is resolved. An unlinked P of Q's
 * sex and birth date is Q recorded without My Number: P's qualifications move to Q. Otherwise a holder P of another
 * sex or birth date is never the line's person (a branch number reused): the line gets a person of its own. An UPSERT
 * of a known number with the latest qualification's validFrom updates it; another validFrom adds one (history).
 */
@DomainRule
public final class LineDecisions {

    /** A pending, well-formed line as stored; its My Number hash is null for a line without a My Number. */
    public record Pending(UUID batchId, int line, String insurerNumber, Op op, MemberLine values) {

        NumberKey key() {
            return new NumberKey(insurerNumber, values.symbolKey(), values.numberKey(), values.branch());
        }

        FourAttributes fourAttributes() {
            return new FourAttributes(values.name(), values.sex(), values.birthDate(), values.address());
        }
    }

    /** An individual insured number as compared: insurer, normalised symbol and number, branch. */
    public record NumberKey(String insurerNumber, String symbolKey, String numberKey, String branch) {
    }

    /** A person as far as the decisions need: the linked My Number's hash (or null), sex and birth date. */
    public record Known(UUID personId, String myNumberHash, String sex, LocalDate birthDate) {
    }

    /** The latest qualification with an individual insured number, and its holder. */
    public record Holder(UUID qualificationId, LocalDate validFrom, UUID personId) {
    }

    /** What the database knows about the chunk's numbers, read before deciding. */
    public record Snapshot(Map<String, FourAttributes> residents, Map<String, UUID> linked,
            Map<NumberKey, Holder> holders,
            Map<UUID, Known> persons) {
    }

    /** A line's outcome. */
    public record LineOutcome(UUID batchId, int line, Outcome outcome, LineCode code, String message) {
    }

    /** A person to insert or update; {@code attributes} false when only the qualifications change. */
    public static final class PersonWrite {
        public UUID id;
        public boolean isNew;
        public boolean attributes;
        public String name;
        public String nameKana;
        public String sex;
        public LocalDate birthDate;
        public String address;
        public String myNumberHash;
    }

    /** A qualification to insert or update. */
    public static final class QualificationWrite {
        public UUID id;
        public boolean isNew;
        public UUID personId;
        /** Whether every column is written (an UPSERT); false for an END, which writes only validUntil. */
        public boolean full;
        public String insurerNumber;
        public String symbol;
        public String number;
        public String symbolKey;
        public String numberKey;
        public String branch;
        public String relationship;
        public LocalDate validFrom;
        public LocalDate validUntil;
        public Integer copaymentRate;
        public String limitCategory;
    }

    /** A line held for review, with the person it suspends (or null); superseded by a later line of the chunk. */
    public static final class Held {
        public final UUID id;
        public final Pending line;
        public final LineCode code;
        public final String message;
        public final UUID suspendedPersonId;
        public boolean superseded;

        Held(UUID id, Pending line, LineCode code, String message, UUID suspendedPersonId) {
            this.id = id;
            this.line = line;
            this.code = code;
            this.message = message;
            this.suspendedPersonId = suspendedPersonId;
        }
    }

    /** A line applied: it supersedes the insurer's earlier open held records for its My Number or number. */
    public record Applied(String insurerNumber, String myNumberHash, NumberKey key) {
    }

    /**
     * Everything the chunk's transaction writes; {@code moves} maps an unlinked person found to be a linked one to that
     * person, whose qualifications then become the linked person's (after the qualifications are written).
     */
    public record Decisions(List<LineOutcome> outcomes, Map<UUID, PersonWrite> persons,
            Map<UUID, QualificationWrite> qualifications, List<Held> held, List<Applied> applied,
            Set<UUID> changedPersons, Map<UUID, UUID> moves) {
    }

    /**
     * The one message of every {@code RESIDENT_ATTRIBUTES_MISMATCH}: it names no attribute and does not tell an unknown
     * My Number from a disagreeing one, so that no one learns registry data by trying lines.
     */
    public static final String NOT_CONFIRMED = "myNumber: the resident registry does not confirm this linkage"
            + " (name, birth date, sex and address must all agree)";

    private LineDecisions() {
    }

    /** Decides {@code lines} in order; {@code ids} makes new person, qualification and held record ids. */
    public static Decisions decide(List<Pending> lines, Snapshot known, Supplier<UUID> ids) {
        return new Run(known, ids).decide(lines);
    }

    /** Whether {@code line} and {@code registry} agree on the four basic attributes (DOMAIN.md §5). */
    static boolean agrees(FourAttributes line, FourAttributes registry) {
        return FourAttributes.key(line.name()).equals(FourAttributes.key(registry.name()))
                && Objects.equals(line.sex(), registry.sex())
                && Objects.equals(line.birthDate(), registry.birthDate())
                && FourAttributes.key(line.address()).equals(FourAttributes.key(registry.address()));
    }

    /** One chunk's decisions, with the state the earlier lines left. */
    private static final class Run {

        private final Map<String, FourAttributes> residents;
        private final Map<String, UUID> linked;
        private final Map<NumberKey, Holder> holders;
        private final Map<UUID, Known> persons;
        private final Supplier<UUID> ids;

        private final List<LineOutcome> outcomes = new ArrayList<>();
        private final Map<UUID, PersonWrite> personWrites = new LinkedHashMap<>();
        private final Map<UUID, QualificationWrite> qualificationWrites = new LinkedHashMap<>();
        private final List<Held> held = new ArrayList<>();
        private final List<Applied> applied = new ArrayList<>();
        private final Set<UUID> changed = new LinkedHashSet<>();
        private final Map<UUID, UUID> moves = new LinkedHashMap<>();

        Run(Snapshot known, Supplier<UUID> ids) {
            this.residents = known.residents();
            this.linked = new HashMap<>(known.linked());
            this.holders = new HashMap<>(known.holders());
            this.persons = new HashMap<>(known.persons());
            this.ids = ids;
        }

        Decisions decide(List<Pending> lines) {
            for (Pending line : lines) {
                if (line.op() == Op.END) {
                    end(line);
                } else {
                    upsert(line);
                }
            }
            return new Decisions(outcomes, personWrites, qualificationWrites, held, applied, changed, moves);
        }

        private void end(Pending line) {
            Holder holder = holders.get(line.key());
            if (holder == null) {
                reject(line, LineCode.INVALID_FIELD,
                        "number: no qualification of this insurer has this individual insured number");
                return;
            }
            if (line.values().validUntil().isBefore(holder.validFrom())) {
                reject(line, LineCode.INVALID_DATES, "validUntil: must not be before the qualification's validFrom");
                return;
            }
            QualificationWrite q = qualificationWrites.get(holder.qualificationId());
            if (q == null) {
                q = new QualificationWrite();
                q.id = holder.qualificationId();
                q.isNew = false;
                qualificationWrites.put(q.id, q);
            }
            q.validUntil = line.values().validUntil();
            q.personId = holder.personId();
            accept(line, holder.personId());
        }

        private void upsert(Pending line) {
            String hash = line.values().myNumberHash();
            Holder holder = holders.get(line.key());
            Known p = holder == null ? null : persons.get(holder.personId());
            UUID person;
            if (hash == null) {
                if (p != null && !sameBirth(p, line)) {
                    p = null;
                    holder = null;
                }
                person = writePerson(line, p == null ? null : p.personId(), p == null || p.myNumberHash() == null,
                        null);
            } else {
                FourAttributes registry = residents.get(hash);
                if (registry == null || !agrees(line.fourAttributes(), registry)) {
                    hold(line, LineCode.RESIDENT_ATTRIBUTES_MISMATCH, NOT_CONFIRMED, null);
                    return;
                }
                Known q = linked.containsKey(hash) ? persons.get(linked.get(hash)) : null;
                if (q != null && !sameBirth(q, line)) {
                    hold(line, LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON,
                            "myNumber: linked to a person of another birth date or sex", q.personId());
                    return;
                }
                if (q != null && p != null && !q.personId().equals(p.personId())) {
                    if (p.myNumberHash() != null || !sameBirth(p, line)) {
                        hold(line, LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON,
                                "myNumber: linked to another person than the holder of this individual insured number",
                                q.personId());
                        return;
                    }
                    // P is unlinked, of Q's sex and birth date, and the registry confirms the line: P is Q recorded
                    // without My Number (by another insurer, or before the number was known); P's qualifications
                    // move to Q.
                    merge(p.personId(), q.personId());
                    holder = holders.get(line.key());
                    p = q;
                }
                if (q == null && p != null && !sameBirth(p, line)) {
                    p = null;
                    holder = null;
                }
                if (q == null && p != null && p.myNumberHash() != null && !p.myNumberHash().equals(hash)) {
                    hold(line, LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON,
                            "myNumber: the holder of this individual insured number is linked to another My Number",
                            p.personId());
                    return;
                }
                person = writePerson(line, q != null ? q.personId() : p != null ? p.personId() : null, true, hash);
            }
            QualificationWrite q;
            if (holder != null && holder.personId().equals(person)
                    && holder.validFrom().equals(line.values().validFrom())) {
                q = qualificationWrites.get(holder.qualificationId());
                if (q == null) {
                    q = new QualificationWrite();
                    q.id = holder.qualificationId();
                    q.isNew = false;
                    qualificationWrites.put(q.id, q);
                }
            } else {
                q = new QualificationWrite();
                q.id = ids.get();
                q.isNew = true;
                qualificationWrites.put(q.id, q);
            }
            q.personId = person;
            q.full = true;
            q.insurerNumber = line.insurerNumber();
            q.symbol = line.values().symbol();
            q.number = line.values().number();
            q.symbolKey = line.values().symbolKey();
            q.numberKey = line.values().numberKey();
            q.branch = line.values().branch();
            q.relationship = line.values().relationship();
            q.validFrom = line.values().validFrom();
            q.validUntil = line.values().validUntil();
            q.copaymentRate = line.values().copaymentRate();
            q.limitCategory = line.values().limitCategory();
            holders.put(line.key(), new Holder(q.id, q.validFrom, person));
            accept(line, person);
        }

        /** Moves every qualification of the unlinked person {@code from} to {@code to}; {@code from} keeps none. */
        private void merge(UUID from, UUID to) {
            moves.put(from, to);
            holders.replaceAll((key, h) -> h.personId().equals(from)
                    ? new Holder(h.qualificationId(), h.validFrom(),
                            to)
                    : h);
            for (QualificationWrite w : qualificationWrites.values()) {
                if (from.equals(w.personId)) {
                    w.personId = to;
                }
            }
            changed.add(from);
            changed.add(to);
        }

        /**
         * Inserts (when {@code existing} is null) or updates the line's person, its attributes only when
         * {@code attributes}; the person's id.
         */
        private UUID writePerson(Pending line, UUID existing, boolean attributes, String hash) {
            UUID id = existing == null ? ids.get() : existing;
            PersonWrite w = personWrites.get(id);
            if (w == null) {
                w = new PersonWrite();
                w.id = id;
                w.isNew = existing == null;
                personWrites.put(id, w);
            }
            Known before = persons.get(id);
            if (attributes || w.isNew) {
                w.attributes = true;
                w.name = line.values().name();
                w.nameKana = line.values().nameKana();
                w.sex = line.values().sex();
                w.birthDate = line.values().birthDate();
                w.address = line.values().address();
            }
            if (hash != null) {
                w.myNumberHash = hash;
                linked.put(hash, id);
            }
            String linkedHash = hash != null ? hash : before == null ? null : before.myNumberHash();
            persons.put(id, w.attributes
                    ? new Known(id, linkedHash, w.sex, w.birthDate)
                    : new Known(id, linkedHash, before.sex(), before.birthDate()));
            return id;
        }

        private static boolean sameBirth(Known person, Pending line) {
            return person.sex().equals(line.values().sex()) && person.birthDate().equals(line.values().birthDate());
        }

        private void accept(Pending line, UUID person) {
            outcomes.add(new LineOutcome(line.batchId(), line.line(), Outcome.ACCEPTED, null, null));
            changed.add(person);
            applied.add(new Applied(line.insurerNumber(), line.values().myNumberHash(), line.key()));
            for (Held h : held) {
                if (!h.superseded && h.line.insurerNumber().equals(line.insurerNumber())
                        && (line.values().myNumberHash() != null
                                && line.values().myNumberHash().equals(h.line.values().myNumberHash())
                                || line.key().equals(h.line.key()))) {
                    h.superseded = true;
                }
            }
        }

        private void hold(Pending line, LineCode code, String message, UUID suspend) {
            outcomes.add(new LineOutcome(line.batchId(), line.line(), Outcome.HELD, code, message));
            held.add(new Held(ids.get(), line, code, message, suspend));
        }

        private void reject(Pending line, LineCode code, String message) {
            outcomes.add(new LineOutcome(line.batchId(), line.line(), Outcome.REJECTED, code, message));
        }
    }
}
