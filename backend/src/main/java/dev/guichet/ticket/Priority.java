package dev.guichet.ticket;

/** How urgent a ticket is, lowest first (docs/architecture.md, "Ticket lifecycle"). */
public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
