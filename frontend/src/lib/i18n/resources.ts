import adminEn from '@/locales/en/admin.json';
import authEn from '@/locales/en/auth.json';
import bulkEn from '@/locales/en/bulk.json';
import cannedEn from '@/locales/en/canned.json';
import commonEn from '@/locales/en/common.json';
import profileEn from '@/locales/en/profile.json';
import reportsEn from '@/locales/en/reports.json';
import shortcutsEn from '@/locales/en/shortcuts.json';
import slaEn from '@/locales/en/sla.json';
import surveyEn from '@/locales/en/survey.json';
import ticketsEn from '@/locales/en/tickets.json';
import adminFr from '@/locales/fr/admin.json';
import authFr from '@/locales/fr/auth.json';
import bulkFr from '@/locales/fr/bulk.json';
import cannedFr from '@/locales/fr/canned.json';
import commonFr from '@/locales/fr/common.json';
import profileFr from '@/locales/fr/profile.json';
import reportsFr from '@/locales/fr/reports.json';
import shortcutsFr from '@/locales/fr/shortcuts.json';
import slaFr from '@/locales/fr/sla.json';
import surveyFr from '@/locales/fr/survey.json';
import ticketsFr from '@/locales/fr/tickets.json';

/** Every translation, by language then namespace. */
export const resources = {
  fr: {
    common: commonFr,
    auth: authFr,
    tickets: ticketsFr,
    admin: adminFr,
    profile: profileFr,
    bulk: bulkFr,
    shortcuts: shortcutsFr,
    canned: cannedFr,
    sla: slaFr,
    reports: reportsFr,
    survey: surveyFr,
  },
  en: {
    common: commonEn,
    auth: authEn,
    tickets: ticketsEn,
    admin: adminEn,
    profile: profileEn,
    bulk: bulkEn,
    shortcuts: shortcutsEn,
    canned: cannedEn,
    sla: slaEn,
    reports: reportsEn,
    survey: surveyEn,
  },
} as const;
