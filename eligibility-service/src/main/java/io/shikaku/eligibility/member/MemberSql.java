package io.shikaku.eligibility.member;

/**
 * The package's one way to hand a set of rows or ids to a statement: a single JSON text parameter unpacked by
 * PostgreSQL, so that a chunk's reads and writes stay set-based whatever its size.
 */
final class MemberSql {

    private MemberSql() {
    }

    /** The rows of JSON parameter {@code ?n}, to be followed by {@code AS x(column type, …)}. */
    static String rows(int n) {
        return "jsonb_to_recordset(" + json(n) + ")";
    }

    /**
     * The My Number hashes of JSON array parameter {@code ?n}, as a subquery of the columns' own type {@code char(64)}:
     * compared as text, {@code person_my_number} and the resident registry's key could not be used, and each chunk
     * read the whole table.
     */
    static String hashes(int n) {
        return "(SELECT cast(jsonb_array_elements_text(" + json(n) + ") as char(64)))";
    }

    /** The uuids of JSON array parameter {@code ?n}, as a subquery. */
    static String ids(int n) {
        return "(SELECT cast(jsonb_array_elements_text(" + json(n) + ") as uuid))";
    }

    private static String json(int n) {
        return "cast(cast(?" + n + " as text) as jsonb)";
    }
}
