package dev.paas.billing.wallets;

/** What a ledger entry is: money in (top-up, refund), money out (charge), or an administrator's correction. */
public enum EntryKind {
    TOP_UP, CHARGE, REFUND, ADJUSTMENT
}
