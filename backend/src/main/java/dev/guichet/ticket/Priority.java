package dev.guichet.ticket;

/** How urgent a ticket is, lowest first (design.md). */
public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL
}
