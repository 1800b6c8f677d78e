package dev.guichet.sla;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.micronaut.context.annotation.Context;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Builds the {@link BusinessCalendar} in force: the configured hours ({@link SlaSettings}), the
 * public holidays of {@code SLA_HOLIDAYS} from jollyday (official holidays only,
 * {@link HolidayType#PUBLIC_HOLIDAY}; cached per year) and the closed days of table
 * {@code sla_closed_days} (read on each call: a few rows, and every replica sees an admin's change
 * at once). Created at start-up so that an unknown country code stops the start.
 */
@Context
public class BusinessCalendars {

    private final SlaSettings settings;
    private final SlaQueries queries;
    private final HolidayManager holidays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    BusinessCalendars(SlaSettings settings, SlaQueries queries) {
        this.settings = settings;
        this.queries = queries;
        // Checks the hours and working days at start-up.
        new BusinessCalendar(
                settings.timeZone(), settings.workdays(), settings.opening(), settings.closing(), day -> false);
        String country = settings.country().strip().toUpperCase(Locale.ROOT);
        if (country.equals("NONE")) {
            this.holidays = null;
        } else {
            // "DE-BY": the calendar DE with the subdivision BY (jollyday's hierarchy).
            String[] parts = country.split("-", 2);
            if (!HolidayManager.getSupportedCalendarCodes().contains(parts[0].toLowerCase(Locale.ROOT))
                    && !HolidayManager.getSupportedCalendarCodes().contains(parts[0])) {
                throw new IllegalStateException("SLA_HOLIDAYS=" + settings.country()
                        + " is not a holiday calendar known to jollyday (e.g. FR, BE, CH, DE-BY, or NONE)");
            }
            this.holidays = HolidayManager.getInstance(ManagerParameters.create(parts[0].toLowerCase(Locale.ROOT)));
        }
    }

    /** @return the calendar with the closed days as they are now in the database */
    public BusinessCalendar current() {
        Set<LocalDate> closedDays = queries.closedDays();
        return withClosedDays(closedDays);
    }

    /** @return the calendar with these extra closed days (tests, and {@link #current()}) */
    public BusinessCalendar withClosedDays(Set<LocalDate> closedDays) {
        return new BusinessCalendar(
                settings.timeZone(),
                settings.workdays(),
                settings.opening(),
                settings.closing(),
                day -> closedDays.contains(day) || isPublicHoliday(day));
    }

    /** @return whether the date is a public holiday of the configured country */
    public boolean isPublicHoliday(LocalDate day) {
        return holidays != null
                && holidaysByYear.computeIfAbsent(day.getYear(), this::load).contains(day);
    }

    private Set<LocalDate> load(int year) {
        String[] parts = settings.country().strip().toLowerCase(Locale.ROOT).split("-", 2);
        String[] subdivision = parts.length == 2 ? new String[] {parts[1]} : new String[0];
        return holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}
