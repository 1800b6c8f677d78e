package dev.guichet.demo;

import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketStatus;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated part of the demo helpdesk (everything but the tickets' real text): people, when
 * each ticket was filed, and what happened to it since — who took it, the questions, notes and
 * answers, when it was resolved and closed. Pure and deterministic: the same ticket row and the
 * same "now" always tell the same story. The rules (rhythm, delays, status mix by age) are
 * assumptions chosen to look like a working internal service desk; SOURCE.md lists them.
 */
final class DemoStory {

    /** Paris time for office hours and weekdays. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** About 65 tickets per calendar day: the real set (47,837 tickets) fills two years. */
    static final int TICKETS_PER_DAY = 65;

    private static final long SEED = 0x6E1C4E7L;

    private DemoStory() {}

    // ---------------------------------------------------------------------------------------
    // People

    private static final String[] FIRST_NAMES = {
        "Camille", "Lucas", "Emma", "Nathan", "Chloé", "Léa", "Louis", "Manon", "Gabriel", "Jade",
        "Arthur", "Louise", "Raphaël", "Alice", "Jules", "Lina", "Adam", "Rose", "Hugo", "Anna",
        "Paul", "Inès", "Théo", "Zoé", "Tom", "Juliette", "Maël", "Sarah", "Noah", "Clara",
        "Antoine", "Mathilde", "Victor", "Pauline", "Baptiste", "Élise", "Maxime", "Margaux", "Mehdi", "Yasmine",
        "Nicolas", "Claire", "Julien", "Aurélie", "Olivier", "Sandrine", "Stéphane", "Nathalie", "Karim", "Fatima",
        "François", "Isabelle", "Philippe", "Sophie", "Thierry", "Valérie", "Vincent", "Céline", "Samuel", "Laura",
    };
    private static final String[] LAST_NAMES = {
        "Martin", "Bernard", "Petit", "Roux", "Fournier", "Dubois", "Moreau", "Laurent", "Simon", "Michel",
        "Lefebvre", "Leroy", "David", "Bertrand", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
        "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller",
        "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
        "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Boyer", "Denis", "Lemaire", "Duval", "Joly",
        "Benali", "Haddad", "Nguyen", "Da Silva", "Lemoine", "Colin", "Vidal", "Caron", "Picard", "Roger",
    };

    /** The demo technicians after Inès Dubois and Hugo Moreau (who keep their documented logins). */
    static final List<String> MORE_TECHNICIANS = List.of(
            "Karim Benali",
            "Sophie Laurent",
            "Julien Garnier",
            "Amandine Faure",
            "Thomas Girard",
            "Nadia Haddad",
            "Romain Chevalier");

    /** How many requesters the demo has in all, the five documented employees included. */
    static final int REQUESTERS = 320;

    /** An address of the demo domain for a full name: « Chloé Da Silva » → chloe.da-silva@demo.guichet.dev. */
    static String email(String fullName) {
        String ascii = Normalizer.normalize(fullName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String[] parts = ascii.toLowerCase(java.util.Locale.ROOT).split(" ", 2);
        return parts[0] + "." + parts[1].replace(' ', '-') + "@demo.guichet.dev";
    }

    /**
     * {@code count} distinct plausible French full names, none of them in {@code taken}, always the
     * same for the same arguments.
     */
    static List<String> names(int count, Set<String> taken) {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                    + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            if (!taken.contains(name)) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    // ---------------------------------------------------------------------------------------
    // When tickets are filed

    /**
     * Filing times of {@code count} tickets, oldest first, over the last two years (less for a
     * small load, so that it still has a week's worth of open tickets): weekdays busy, weekends
     * nearly empty, most tickets between 8:30 and 18:00 with peaks at 10:00 and 14:30, and a slow
     * growth over time.
     */
    static Instant[] filingTimes(int count, Instant now) {
        int days = (int) Math.max(21, Math.min(730, Math.ceil((double) count / TICKETS_PER_DAY)));
        ZonedDateTime start = now.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).minusDays(days - 1L);
        SplittableRandom random = new SplittableRandom(SEED ^ count);
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; i++) {
            Instant time;
            do {
                int day = random.nextInt(days);
                ZonedDateTime date = start.plusDays(day);
                double weight = switch (date.getDayOfWeek()) {
                            case SATURDAY -> 0.08;
                            case SUNDAY -> 0.04;
                            case MONDAY -> 1.15;
                            default -> 1.0;
                        }
                        * (0.75 + 0.25 * day / days);
                if (random.nextDouble() * 1.15 > weight) {
                    time = null;
                    continue;
                }
                time = date.plusSeconds(secondOfDay(random)).toInstant();
            } while (time == null || !time.isBefore(now.minusSeconds(120)));
            times[i] = time;
        }
        Arrays.sort(times);
        return times;
    }

    /** A time of day: office hours with two peaks, a few early or late tickets. */
    private static long secondOfDay(SplittableRandom random) {
        double hour;
        double u = random.nextDouble();
        if (u < 0.45) {
            hour = 10.0 + gaussian(random) * 1.3;
        } else if (u < 0.9) {
            hour = 14.5 + gaussian(random) * 1.5;
        } else {
            hour = 7.0 + random.nextDouble() * 14.0;
        }
        hour = Math.max(6.5, Math.min(21.5, hour));
        return (long) (hour * 3600);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A log-normal delay around {@code median}: most are close, a few much longer. */
    private static Duration delay(SplittableRandom random, Duration median, double spread) {
        double factor = Math.exp(gaussian(random) * spread);
        return Duration.ofSeconds(Math.max(60, (long) (median.toSeconds() * factor)));
    }

    // ---------------------------------------------------------------------------------------
    // What happens to a ticket

    /** One thing that happened to a ticket, in order; {@code actor} null means the requester. */
    record Event(
            Instant at,
            Kind kind,
            @io.micronaut.core.annotation.Nullable Long actor,
            @io.micronaut.core.annotation.Nullable TicketStatus from,
            @io.micronaut.core.annotation.Nullable TicketStatus to,
            @io.micronaut.core.annotation.Nullable String text) {}

    /** Kinds of events, each written as the API would write it (history row, comment or both). */
    enum Kind {
        TAKE,
        STATUS,
        REPLY,
        REQUESTER_REPLY,
        NOTE
    }

    /** A ticket's simulated life: final status, assignee (null if none yet) and events. */
    record Life(
            TicketStatus status,
            @io.micronaut.core.annotation.Nullable Long assignee,
            List<Event> events) {}

    /**
     * The status mix by age, so that old tickets are nearly all closed and the last weeks hold the
     * open work: {NEW, IN_PROGRESS, WAITING, RESOLVED, CLOSED} probabilities per age band.
     */
    private static final double[][] MIX = {
        {0.55, 0.35, 0.10, 0.00, 0.00}, // < 1 day
        {0.20, 0.40, 0.20, 0.20, 0.00}, // 1–3 days
        {0.10, 0.22, 0.17, 0.33, 0.18}, // 3–10 days
        {0.04, 0.04, 0.04, 0.10, 0.78}, // 10–30 days
        {0.002, 0.002, 0.002, 0.004, 0.99}, // older
    };

    static TicketStatus statusForAge(Duration age, SplittableRandom random) {
        long hours = age.toHours();
        double[] mix = hours < 24 ? MIX[0] : hours < 72 ? MIX[1] : hours < 240 ? MIX[2] : hours < 720 ? MIX[3] : MIX[4];
        double u = random.nextDouble();
        TicketStatus[] statuses = TicketStatus.values();
        for (int i = 0; i < mix.length; i++) {
            u -= mix[i];
            if (u < 0) {
                return statuses[i];
            }
        }
        return TicketStatus.CLOSED;
    }

    /** Median time to resolve once taken, by priority. */
    private static Duration resolveMedian(Priority priority) {
        return switch (priority) {
            case CRITICAL -> Duration.ofHours(3);
            case HIGH -> Duration.ofHours(9);
            case MEDIUM -> Duration.ofHours(26);
            case LOW -> Duration.ofHours(60);
        };
    }

    /**
     * The life of ticket {@code row}, filed at {@code created} by a requester, about {@code category}
     * (a French category name), handled by one of {@code technicians}; every event is before {@code now}.
     */
    static Life life(
            long row, Instant created, Instant now, Priority priority, String category, List<Long> technicians) {
        SplittableRandom random = new SplittableRandom(SEED * 31 + row);
        TicketStatus target = statusForAge(Duration.between(created, now), random);
        List<Event> events = new ArrayList<>();
        if (target == TicketStatus.NEW) {
            return new Life(TicketStatus.NEW, null, events);
        }
        Long tech = technicians.get(Math.floorMod(category.hashCode() * 7 + random.nextInt(3), technicians.size()));
        if (random.nextDouble() < 0.25) {
            tech = technicians.get(random.nextInt(technicians.size()));
        }
        // {offset in seconds from the filing time, kind, from, to, text}; squeezed below if the
        // story would end after now.
        List<Object[]> raw = new ArrayList<>();
        long t = delay(random, Duration.ofMinutes(priority == Priority.CRITICAL ? 10 : 45), 1.0)
                .toSeconds();
        raw.add(new Object[] {t, Kind.TAKE, TicketStatus.NEW, TicketStatus.IN_PROGRESS, null});
        if (random.nextDouble() < 0.3) {
            t += delay(random, Duration.ofMinutes(20), 1.0).toSeconds();
            raw.add(new Object[] {t, Kind.NOTE, null, null, pick(random, NOTES)});
        }
        boolean asks = target == TicketStatus.WAITING || random.nextDouble() < 0.22;
        if (asks) {
            t += delay(random, Duration.ofMinutes(50), 1.0).toSeconds();
            raw.add(new Object[] {t, Kind.REPLY, null, null, pick(random, QUESTIONS)});
            raw.add(new Object[] {t + 1, Kind.STATUS, TicketStatus.IN_PROGRESS, TicketStatus.WAITING, null});
            if (target != TicketStatus.WAITING) {
                t += 1 + delay(random, Duration.ofHours(4), 1.1).toSeconds();
                raw.add(new Object[] {t, Kind.REQUESTER_REPLY, null, null, pick(random, ANSWERS)});
                t += delay(random, Duration.ofMinutes(40), 1.0).toSeconds();
                raw.add(new Object[] {t, Kind.STATUS, TicketStatus.WAITING, TicketStatus.IN_PROGRESS, null});
            }
        }
        if (target == TicketStatus.RESOLVED || target == TicketStatus.CLOSED) {
            t += delay(random, resolveMedian(priority), 1.1).toSeconds();
            raw.add(new Object[] {t, Kind.REPLY, null, null, resolution(random, category)});
            raw.add(new Object[] {t + 1, Kind.STATUS, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, null});
            if (target == TicketStatus.CLOSED) {
                t += 1 + delay(random, Duration.ofHours(40), 0.8).toSeconds();
                boolean byRequester = random.nextDouble() < 0.45;
                raw.add(new Object[] {
                    t, Kind.STATUS, TicketStatus.RESOLVED, TicketStatus.CLOSED, byRequester ? "requester" : null
                });
            }
        }
        // A story longer than the ticket's age ends somewhere in its past, not all of them a minute ago.
        long age = Duration.between(created, now).toSeconds() - 60;
        long room = Math.max(60, (long) (age * (0.3 + 0.65 * random.nextDouble())));
        double squeeze = t + 1 > room ? (double) room / (t + 1) : 1.0;
        long previous = 0;
        for (Object[] e : raw) {
            long offset = Math.max(previous + 1, (long) ((long) e[0] * squeeze));
            previous = offset;
            Kind kind = (Kind) e[1];
            Instant at = created.plusSeconds(offset);
            if (kind == Kind.STATUS && "requester".equals(e[4])) {
                events.add(new Event(at, kind, null, (TicketStatus) e[2], (TicketStatus) e[3], null));
            } else if (kind == Kind.REQUESTER_REPLY) {
                events.add(new Event(at, kind, null, null, null, (String) e[4]));
            } else {
                events.add(new Event(at, kind, tech, (TicketStatus) e[2], (TicketStatus) e[3], (String) e[4]));
            }
        }
        return new Life(target, tech, events);
    }

    private static String pick(SplittableRandom random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    // ---------------------------------------------------------------------------------------
    // Texts (simulated, short, in French)

    /** French names of the data set's topic groups; the original name goes to the description. */
    static final Map<String, String> CATEGORY_NAMES = Map.of(
            "Hardware", "Matériel",
            "Access", "Accès",
            "HR Support", "RH",
            "Miscellaneous", "Divers",
            "Storage", "Stockage",
            "Purchase", "Achats",
            "Internal Project", "Projets internes",
            "Administrative rights", "Droits d’administration");

    private static final String[] QUESTIONS = {
        "Bonjour, pouvez-vous nous indiquer le nom du poste concerné (étiquette sous l’écran) ?",
        "Le problème se produit-il encore après un redémarrage complet ?",
        "Pouvez-vous joindre une capture d’écran du message d’erreur ?",
        "Quand êtes-vous disponible pour une prise en main à distance ?",
        "Votre responsable a-t-il validé cette demande ? Merci de le mettre en copie.",
        "Depuis quand exactement le problème se produit-il ?",
    };
    private static final String[] ANSWERS = {
        "Oui, toujours après redémarrage.",
        "Voici les informations demandées, merci.",
        "Je suis disponible cet après-midi à partir de 14 h.",
        "C’est le poste de mon bureau, étiquette PC-2231.",
        "Mon responsable vient de valider par courriel.",
        "Depuis ce matin, après la mise à jour.",
    };
    private static final String[] NOTES = {
        "Vu avec l’équipe réseau : pas d’incident en cours.",
        "Licence disponible dans le stock, attribution faite.",
        "Droits validés par le responsable (courriel du jour).",
        "Matériel commandé, livraison prévue sous trois jours.",
        "Déjà rencontré : voir la procédure dans la base de connaissances.",
        "À surveiller : deuxième demande de ce type cette semaine.",
    };
    private static final Map<String, String[]> RESOLUTIONS = Map.of(
            "Matériel",
                    new String[] {
                        "Le poste a été remplacé, tout fonctionne de nouveau.",
                        "Le câble d’alimentation était défectueux : il est changé.",
                        "Pilote réinstallé, le périphérique est reconnu.",
                    },
            "Accès",
                    new String[] {
                        "Votre accès est ouvert ; il sera actif à votre prochaine connexion.",
                        "Mot de passe réinitialisé : vous le changerez à la première connexion.",
                        "Compte déverrouillé.",
                    },
            "RH",
                    new String[] {
                        "Votre demande a été transmise au service RH, qui a fait le nécessaire.",
                        "Les informations sont à jour dans l’outil RH.",
                    },
            "Achats",
                    new String[] {
                        "Commande passée ; vous serez prévenu à la livraison.", "Le bon de commande est validé.",
                    },
            "Stockage",
                    new String[] {
                        "Le quota de votre espace a été augmenté.",
                        "Les fichiers ont été restaurés depuis la sauvegarde d’hier.",
                    },
            "Droits d’administration",
                    new String[] {
                        "Les droits d’administration temporaires sont accordés pour 24 h.",
                        "Le logiciel a été installé par nos soins.",
                    });
    private static final String[] GENERIC_RESOLUTIONS = {
        "C’est réglé de notre côté. N’hésitez pas à rouvrir le ticket si le problème revient.",
        "Le nécessaire a été fait, merci de votre patience.",
        "Problème corrigé ; dites-nous si quelque chose ne va pas.",
    };

    private static String resolution(SplittableRandom random, String category) {
        return pick(random, RESOLUTIONS.getOrDefault(category, GENERIC_RESOLUTIONS));
    }

    /** Days of the week worth noting in tests: Saturday and Sunday. */
    static boolean weekend(Instant time) {
        DayOfWeek day = time.atZone(ZONE).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
