package dev.paas.billing.web;

/** A statement as CSV (RFC 4180): an opening line, one line per entry, a closing line. */
final class StatementCsv {

    private StatementCsv() {
    }

    static String of(WalletController.StatementView statement) {
        StringBuilder csv = new StringBuilder("date,kind,description,reference,amount,balance,currency\r\n");
        line(csv, statement.month() + "-01", "OPENING", "opening balance", "", "", statement.openingBalance(),
                statement.currency());
        for (WalletController.EntryView entry : statement.entries()) {
            line(csv, entry.at().toString(), entry.kind(), entry.description(), entry.reference(), entry.amount(),
                    entry.balanceAfter(), statement.currency());
        }
        line(csv, statement.month(), "CLOSING", "closing balance", "", "", statement.closingBalance(),
                statement.currency());
        return csv.toString();
    }

    private static void line(StringBuilder csv, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(values[i]));
        }
        csv.append("\r\n");
    }

    /** Quotes a field that needs it; a leading formula character is neutralised so spreadsheets do not run it. */
    private static String field(String value) {
        String safe = !value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
