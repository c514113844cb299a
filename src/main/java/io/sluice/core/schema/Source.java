package io.sluice.core.schema;

import java.util.Objects;

/** What an export or preview reads: a table (or view), or the result of a query. */
public sealed interface Source {
    /** What the file's footer records as {@code sluice.source}: {@code db.table}, or the query's text. */
    String footerText();

    /** How sentences name it: {@code the table shop.orders}, {@code the query}. */
    String describe();

    static Table table(String database, String table) {
        return new Table(database, table);
    }

    /** @param database the database unqualified names in the query refer to; empty for none */
    static Query query(String sql, String database) {
        return new Query(sql, database);
    }

    record Table(String database, String name) implements Source {
        public Table {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(name, "name");
        }

        public String qualifiedName() {
            return Identifiers.quote(database) + "." + Identifiers.quote(name);
        }

        @Override
        public String footerText() {
            return database + "." + name;
        }

        @Override
        public String describe() {
            return "the table " + name;
        }
    }

    /**
     * A SELECT as the user wrote it; trailing semicolons and blanks are dropped (one statement only:
     * the driver sends no second one and the server refuses one).
     */
    record Query(String sql, String database) implements Source {
        public Query {
            Objects.requireNonNull(sql, "sql");
            sql = sql.strip();
            for (String cut = SqlText.withoutFinalSeparator(sql); !cut.equals(sql); cut = SqlText.withoutFinalSeparator(sql)) {
                sql = cut; // "SELECT 1; -- done" and "SELECT 1;;" are SELECT 1
            }
            if (sql.isEmpty()) {
                throw new IllegalArgumentException("The query is empty; write a SELECT.");
            }
            database = database == null ? "" : database;
        }

        @Override
        public String footerText() {
            return sql;
        }

        @Override
        public String describe() {
            return "the query";
        }

        /**
         * The query as a derived table, on lines of its own so a trailing comment cannot swallow the
         * rest. The server drops a derived table's ORDER BY unless it has a LIMIT, so an ordered query
         * without one gets the largest LIMIT there is: the rows keep the query's order.
         */
        public String asDerivedTable(String alias) {
            boolean limited = SqlText.hasTopLevelWord(sql, "LIMIT") || SqlText.hasTopLevelWord(sql, "FETCH");
            boolean locking = SqlText.hasTopLevelWord(sql, "FOR") || SqlText.hasTopLevelWord(sql, "LOCK");
            boolean keepOrder = SqlText.hasTopLevelWord(sql, "ORDER") && !limited && !locking;
            return "(\n" + sql + (keepOrder ? "\nLIMIT 18446744073709551615" : "") + "\n) AS " + Identifiers.quote(alias);
        }
    }
}
