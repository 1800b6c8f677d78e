/** Small named builders for test data, in the API's shapes. */
import type { Comment, Ticket, User } from '@/lib/api/types';

const at = '2026-11-20T09:30:00Z';

export function camille(overrides: Partial<User> = {}): User {
  return {
    id: 11,
    email: 'camille.martin@demo.guichet.dev',
    full_name: 'Camille Martin',
    role: 'EMPLOYEE',
    locale: 'fr',
    active: true,
    notifications_enabled: true,
    created_at: at,
    ...overrides,
  };
}

export function ines(overrides: Partial<User> = {}): User {
  return camille({
    id: 21,
    email: 'ines.dubois@demo.guichet.dev',
    full_name: 'Inès Dubois',
    role: 'TECHNICIAN',
    ...overrides,
  });
}

export function admin(overrides: Partial<User> = {}): User {
  return camille({ id: 1, email: 'admin@guichet.test', full_name: 'Alex Admin', role: 'ADMIN', ...overrides });
}

export function printerTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 42,
    title: 'Imprimante du 2e étage bloquée',
    description: 'Elle affiche « bourrage papier »\nmais il n’y a pas de papier coincé.',
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    category: { id: 3, name: 'Matériel' },
    requester: { id: 11, full_name: 'Camille Martin', email: 'camille.martin@demo.guichet.dev', role: 'EMPLOYEE' },
    assignee: null,
    version: 3,
    unread: false,
    created_at: at,
    updated_at: at,
    resolved_at: null,
    closed_at: null,
    allowed_transitions: ['WAITING', 'RESOLVED'],
    ...overrides,
  };
}

export function reply(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 100,
    ticket_id: 42,
    author: { id: 21, full_name: 'Inès Dubois', email: 'ines.dubois@demo.guichet.dev', role: 'TECHNICIAN' },
    body: 'Je passe voir cet après-midi.',
    internal: false,
    created_at: at,
    ...overrides,
  };
}
