package dev.guichet.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A period of days cut into what the histograms of {@code report_times} hold: whole calendar years,
 * whole calendar months, and the runs of days left over (at most one at each end).
 *
 * @param years  the first day of each whole year
 * @param months the first day of each whole month outside those years
 * @param days   runs of days {first, last}, inclusive
 */
record PeriodSplit(List<LocalDate> years, List<LocalDate> months, List<LocalDate[]> days) {

    /** @return {@code [from, to]} (inclusive) cut from the left, largest piece first */
    static PeriodSplit of(LocalDate from, LocalDate to) {
        List<LocalDate> years = new ArrayList<>();
        List<LocalDate> months = new ArrayList<>();
        List<LocalDate[]> days = new ArrayList<>();
        LocalDate run = null;
        LocalDate d = from;
        while (!d.isAfter(to)) {
            LocalDate next;
            if (d.getDayOfYear() == 1 && !d.plusYears(1).minusDays(1).isAfter(to)) {
                years.add(d);
                next = d.plusYears(1);
            } else if (d.getDayOfMonth() == 1 && !d.plusMonths(1).minusDays(1).isAfter(to)) {
                months.add(d);
                next = d.plusMonths(1);
            } else {
                run = run == null ? d : run;
                d = d.plusDays(1);
                continue;
            }
            if (run != null) {
                days.add(new LocalDate[] {run, d.minusDays(1)});
                run = null;
            }
            d = next;
        }
        if (run != null) {
            days.add(new LocalDate[] {run, to});
        }
        return new PeriodSplit(years, months, days);
    }
}
