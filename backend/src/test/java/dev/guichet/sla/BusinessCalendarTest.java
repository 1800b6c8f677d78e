package dev.guichet.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business-time arithmetic of the default calendar (Monday-Friday 09:00-18:00 Europe/Paris,
 * French public holidays from jollyday): nights, weekends, holidays, closed days, DST changes.
 */
class BusinessCalendarTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static BusinessCalendars calendars(String country) {
        return new BusinessCalendars(
                new SlaSettings(PARIS, country, WEEKDAYS, "09:00", "18:00", false, Duration.ofMinutes(1), 100), null);
    }

    final BusinessCalendar france = calendars("FR").withClosedDays(Set.of());

    static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void timeWithinADayIsWallClockTime() {
        assertEquals(paris("2026-03-10T12:00"), france.add(paris("2026-03-10T10:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), france.between(paris("2026-03-10T10:00"), paris("2026-03-10T12:00")));
    }

    @Test
    void theNightDoesNotCount() {
        assertEquals(paris("2026-03-11T10:00"), france.add(paris("2026-03-10T17:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), france.between(paris("2026-03-10T17:00"), paris("2026-03-11T10:00")));
    }

    @Test
    void theWeekendDoesNotCount() {
        // Friday 13 March 2026, 17:00 + 2 h -> Monday 16, 10:00.
        assertEquals(paris("2026-03-16T10:00"), france.add(paris("2026-03-13T17:00"), Duration.ofHours(2)));
        assertEquals(Duration.ZERO, france.between(paris("2026-03-14T10:00"), paris("2026-03-15T20:00")));
    }

    @Test
    void aTicketFiledOutsideHoursStartsCountingAtTheNextOpening() {
        assertEquals(paris("2026-03-16T10:00"), france.add(paris("2026-03-14T11:30"), Duration.ofHours(1)));
        assertEquals(paris("2026-03-17T09:30"), france.add(paris("2026-03-16T20:00"), Duration.ofMinutes(30)));
        // A whole business day (9 h) from an opening ends at that day's closing.
        assertEquals(paris("2026-03-16T18:00"), france.add(paris("2026-03-16T09:00"), Duration.ofHours(9)));
    }

    @Test
    void easterMondayIsNotWorked() {
        // Easter 2026 is on 5 April: Friday 3 April 17:00 + 2 h skips the weekend and Monday 6.
        assertTrue(calendars("FR").isPublicHoliday(LocalDate.of(2026, 4, 6)));
        assertEquals(paris("2026-04-07T10:00"), france.add(paris("2026-04-03T17:00"), Duration.ofHours(2)));
    }

    @Test
    void ascensionThursdayIsNotWorked() {
        // Ascension 2026: Thursday 14 May (Easter + 39 days).
        assertTrue(calendars("FR").isPublicHoliday(LocalDate.of(2026, 5, 14)));
        assertEquals(paris("2026-05-15T10:00"), france.add(paris("2026-05-13T17:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), france.between(paris("2026-05-13T17:00"), paris("2026-05-15T10:00")));
    }

    @Test
    void bastilleDayIsNotWorked() {
        // 14 juillet 2026 is a Tuesday.
        assertTrue(calendars("FR").isPublicHoliday(LocalDate.of(2026, 7, 14)));
        assertFalse(calendars("FR").isPublicHoliday(LocalDate.of(2026, 7, 13)));
        assertEquals(paris("2026-07-15T10:00"), france.add(paris("2026-07-13T17:00"), Duration.ofHours(2)));
    }

    @Test
    void anotherCountryHasItsOwnHolidays() {
        // 14 July is an ordinary day in Germany; 3 October is theirs.
        assertFalse(calendars("DE").isPublicHoliday(LocalDate.of(2026, 7, 14)));
        assertTrue(calendars("DE").isPublicHoliday(LocalDate.of(2026, 10, 3)));
        assertFalse(calendars("NONE").isPublicHoliday(LocalDate.of(2026, 7, 14)));
    }

    @Test
    void aClosedDaySetByTheAdminIsNotWorked() {
        BusinessCalendar bridge = calendars("FR").withClosedDays(Set.of(LocalDate.of(2026, 5, 15)));
        // Ascension bridge: Wednesday 13 May 17:00 + 2 h -> Monday 18 May 10:00.
        assertEquals(paris("2026-05-18T10:00"), bridge.add(paris("2026-05-13T17:00"), Duration.ofHours(2)));
    }

    @Test
    void aWeekendWithAClockChangeCountsNoHourTwice() {
        // Spring forward on Sunday 29 March 2026: Friday 17:00 CET + 2 h -> Monday 10:00 CEST,
        // 65 h on the wall clock but 64 h of real time.
        Instant start = paris("2026-03-27T17:00");
        Instant due = france.add(start, Duration.ofHours(2));
        assertEquals(paris("2026-03-30T10:00"), due);
        assertEquals(Duration.ofHours(64), Duration.between(start, due));
        assertEquals(Duration.ofHours(2), france.between(start, due));
        // Fall back on Sunday 25 October 2026: 66 h of real time.
        Instant autumn = paris("2026-10-23T17:00");
        assertEquals(Duration.ofHours(66), Duration.between(autumn, france.add(autumn, Duration.ofHours(2))));
    }

    @Test
    void hoursAcrossAClockChangeCountTheirRealLength() {
        // A team working every day from 01:00 to 05:00: on the spring-forward night 02:00-03:00 does
        // not exist (3 h of business time), on the fall-back night 02:00-03:00 happens twice (5 h).
        BusinessCalendar nights = new BusinessCalendar(
                PARIS, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0), LocalTime.of(5, 0), day -> false);
        assertEquals(Duration.ofHours(3), nights.between(paris("2026-03-29T00:00"), paris("2026-03-29T12:00")));
        assertEquals(Duration.ofHours(5), nights.between(paris("2026-10-25T00:00"), paris("2026-10-25T12:00")));
        // 3 h 30 from the spring opening ends at 01:30 the next night.
        assertEquals(paris("2026-03-30T01:30"), nights.add(paris("2026-03-29T01:00"), Duration.ofMinutes(210)));
    }

    @Test
    void addingThenMeasuringGivesBackTheSameBusinessTime() {
        Instant start = paris("2026-12-23T15:47");
        for (long minutes : new long[] {1, 60, 540, 1620, 2700, 9 * 60 * 20}) {
            Instant due = france.add(start, Duration.ofMinutes(minutes));
            assertEquals(Duration.ofMinutes(minutes), france.between(start, due), minutes + " min");
        }
        // Christmas and New Year's Day are skipped: 23 Dec 15:47 + 3 business days.
        assertEquals(
                ZonedDateTime.of(2026, 12, 29, 15, 47, 0, 0, PARIS).toInstant(),
                france.add(start, Duration.ofHours(27)));
    }
}
