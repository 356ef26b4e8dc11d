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
 * insured number belongs to P ≠ Q; or Q's birth date or sex (which never change) differ from the line's; or the
 * line's individual insured number belongs to P, who is linked to another My Number. The linked person (Q, else P) is
 * then suspended until the held record is resolved.
 */
@DomainRule
public final class LineDecisions {

    /** A pending, well-formed line as stored; {@code myNumberHash} is null for a line without a My Number. */
    public record Pending(UUID batchId, int line, String insurerNumber, Op op, String myNumberHash, String name,
            String nameKana, String sex, LocalDate birthDate, String address, String symbol, String number,
            String symbolKey, String numberKey, String branch, String relationship, LocalDate validFrom,
            LocalDate validUntil, Integer copaymentRate, String limitCategory) {

        NumberKey key() {
            return new NumberKey(insurerNumber, symbolKey, numberKey, branch);
        }

        FourAttributes fourAttributes() {
            return new FourAttributes(name, sex, birthDate, address);
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

    /** Everything the chunk's transaction writes. */
    public record Decisions(List<LineOutcome> outcomes, Map<UUID, PersonWrite> persons,
            Map<UUID, QualificationWrite> qualifications, List<Held> held, List<Applied> applied,
            Set<UUID> changedPersons) {
    }

    private LineDecisions() {
    }

    /** Decides {@code lines} in order; {@code ids} makes new person, qualification and held record ids. */
    public static Decisions decide(List<Pending> lines, Snapshot known, Supplier<UUID> ids) {
        return new Run(known, ids).decide(lines);
    }

    /** The names of the four basic attributes on which {@code line} and {@code registry} differ, in a fixed order. */
    public static List<String> differences(FourAttributes line, FourAttributes registry) {
        List<String> fields = new ArrayList<>();
        if (!FourAttributes.key(line.name()).equals(FourAttributes.key(registry.name()))) {
            fields.add("name");
        }
        if (!Objects.equals(line.sex(), registry.sex())) {
            fields.add("sex");
        }
        if (!Objects.equals(line.birthDate(), registry.birthDate())) {
            fields.add("birthDate");
        }
        if (!FourAttributes.key(line.address()).equals(FourAttributes.key(registry.address()))) {
            fields.add("address");
        }
        return fields;
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
            return new Decisions(outcomes, personWrites, qualificationWrites, held, applied, changed);
        }

        private void end(Pending line) {
            Holder holder = holders.get(line.key());
            if (holder == null) {
                reject(line, LineCode.INVALID_FIELD,
                        "number: no qualification of this insurer has this individual insured number");
                return;
            }
            if (line.validUntil().isBefore(holder.validFrom())) {
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
            q.validUntil = line.validUntil();
            q.personId = holder.personId();
            accept(line, holder.personId());
        }

        private void upsert(Pending line) {
            String hash = line.myNumberHash();
            Holder holder = holders.get(line.key());
            UUID person;
            if (hash == null) {
                UUID existing = holder == null ? null : holder.personId();
                Known current = existing == null ? null : persons.get(existing);
                person = writePerson(line, existing, current == null || current.myNumberHash() == null, null);
            } else {
                FourAttributes registry = residents.get(hash);
                if (registry == null) {
                    hold(line, LineCode.RESIDENT_ATTRIBUTES_MISMATCH,
                            "myNumber: the resident registry does not know this My Number", null);
                    return;
                }
                List<String> differ = differences(line.fourAttributes(), registry);
                if (!differ.isEmpty()) {
                    hold(line, LineCode.RESIDENT_ATTRIBUTES_MISMATCH,
                            String.join(", ", differ) + ": differ from the resident registry", null);
                    return;
                }
                Known q = linked.containsKey(hash) ? persons.get(linked.get(hash)) : null;
                Known p = holder == null ? null : persons.get(holder.personId());
                if (q != null && p != null && !q.personId().equals(p.personId())) {
                    hold(line, LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON,
                            "myNumber: linked to another person than the holder of this individual insured number",
                            q.personId());
                    return;
                }
                if (q != null && (!q.sex().equals(line.sex()) || !q.birthDate().equals(line.birthDate()))) {
                    hold(line, LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON,
                            "myNumber: linked to a person of another birth date or sex", q.personId());
                    return;
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
            if (holder != null && holder.personId().equals(person)) {
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
            q.symbol = line.symbol();
            q.number = line.number();
            q.symbolKey = line.symbolKey();
            q.numberKey = line.numberKey();
            q.branch = line.branch();
            q.relationship = line.relationship();
            q.validFrom = line.validFrom();
            q.validUntil = line.validUntil();
            q.copaymentRate = line.copaymentRate();
            q.limitCategory = line.limitCategory();
            holders.put(line.key(), new Holder(q.id, q.validFrom, person));
            accept(line, person);
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
                w.name = line.name();
                w.nameKana = line.nameKana();
                w.sex = line.sex();
                w.birthDate = line.birthDate();
                w.address = line.address();
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

        private void accept(Pending line, UUID person) {
            outcomes.add(new LineOutcome(line.batchId(), line.line(), Outcome.ACCEPTED, null, null));
            changed.add(person);
            applied.add(new Applied(line.insurerNumber(), line.myNumberHash(), line.key()));
            for (Held h : held) {
                if (!h.superseded && h.line.insurerNumber().equals(line.insurerNumber())
                        && (line.myNumberHash() != null && line.myNumberHash().equals(h.line.myNumberHash())
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
