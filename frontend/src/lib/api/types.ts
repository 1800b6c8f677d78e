/**
 * The API's data shapes, as the rest of the app names them.
 * They mirror the backend contract (snake_case JSON, see shared/design.md).
 */
export type Role = 'EMPLOYEE' | 'TECHNICIAN' | 'ADMIN';
export type Locale = 'fr' | 'en';
export type TicketStatus = 'NEW' | 'IN_PROGRESS' | 'WAITING' | 'RESOLVED' | 'CLOSED';
export type TicketPriority = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export const ROLES: Role[] = ['EMPLOYEE', 'TECHNICIAN', 'ADMIN'];
export const STATUSES: TicketStatus[] = ['NEW', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED'];
export const PRIORITIES: TicketPriority[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

export interface User {
  id: number;
  email: string;
  full_name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  notifications_enabled: boolean;
  created_at: string;
}

export interface UserRef {
  id: number;
  full_name: string;
  email: string;
}

export interface AssignableUser extends UserRef {
  role: Role;
}

export interface Category {
  id: number;
  name: string;
  description?: string | null;
  active: boolean;
}

export interface Ticket {
  id: number;
  title: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: { id: number; name: string } | null;
  requester: UserRef;
  assignee: UserRef | null;
  version: number;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  closed_at: string | null;
}

export type TicketCounts = Record<TicketStatus, number>;

export interface Comment {
  id: number;
  ticket_id: number;
  author: { id: number; full_name: string; role: Role };
  body: string;
  internal: boolean;
  created_at: string;
}

export type HistoryField = 'created' | 'status' | 'priority' | 'category' | 'assignee';

export interface HistoryEntry {
  id: number;
  ticket_id: number;
  actor: { id: number; full_name: string } | null;
  field: HistoryField;
  old_value: string | null;
  new_value: string | null;
  created_at: string;
}

export interface Attachment {
  id: number;
  ticket_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: { id: number; full_name: string };
  created_at: string;
}

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** An RFC 9457 problem document, as every API error is sent. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
