package dev.guichet.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Business-time arithmetic: which instants count towards an SLA target. Open on the working days,
 * from {@code opens} to {@code closes} local time in {@code zone}, except closed days (public
 * holidays, days set by the admin). Local times are turned into instants through {@link ZoneId}'s
 * rules, so a day on which the clocks change counts its real length (java.time's
 * {@code ZonedDateTime.of}: a time in a spring-forward gap moves forward by the gap's length).
 *
 * @param zone     the team's time zone, e.g. Europe/Paris
 * @param workdays the days of the week the team works
 * @param opens    the local opening time
 * @param closes   the local closing time, after {@code opens}
 * @param closed   the dates that are not worked although on a working day
 */
public record BusinessCalendar(
        ZoneId zone, Set<DayOfWeek> workdays, LocalTime opens, LocalTime closes, Predicate<LocalDate> closed) {

    /** Beyond this many calendar days without any open hour the calendar is considered broken. */
    private static final int MAX_CLOSED_RUN = 3660;

    /** @throws IllegalArgumentException when no day is worked or {@code closes} is not after {@code opens} */
    public BusinessCalendar {
        if (workdays.isEmpty() || !closes.isAfter(opens)) {
            throw new IllegalArgumentException("A business calendar needs a working day and closes after it opens");
        }
    }

    /**
     * @param start  any instant (outside business hours the count starts at the next opening)
     * @param amount business time to add, zero or positive
     * @return the instant at which {@code amount} of business time has elapsed since {@code start}
     */
    public Instant add(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time");
        }
        Duration left = amount;
        LocalDate day = LocalDate.ofInstant(start, zone);
        int idle = 0;
        while (true) {
            if (isOpen(day)) {
                idle = 0;
                Instant from = max(start, open(day));
                Instant to = close(day);
                if (from.isBefore(to)) {
                    Duration available = Duration.between(from, to);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left);
                    }
                    left = left.minus(available);
                }
            } else if (++idle > MAX_CLOSED_RUN) {
                throw new IllegalStateException("The business calendar has no open day for ten years");
            }
            day = day.plusDays(1);
        }
    }

    /** @return the business time between two instants (zero when {@code to} is not after {@code from}) */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (isOpen(day)) {
                Instant a = max(from, open(day));
                Instant b = min(to, close(day));
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** @return whether the team works on this date */
    public boolean isOpen(LocalDate day) {
        return workdays.contains(day.getDayOfWeek()) && !closed.test(day);
    }

    private Instant open(LocalDate day) {
        return day.atTime(opens).atZone(zone).toInstant();
    }

    private Instant close(LocalDate day) {
        return day.atTime(closes).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
