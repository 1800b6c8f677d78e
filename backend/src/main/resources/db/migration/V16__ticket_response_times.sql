-- Response and resolution times (docs/architecture.md, "SLA and reports").
--
-- first_response_at: when a technician or admin first answered the requester publicly (a public
-- reply by an agent who is not the ticket's requester); an internal note is not a response.
-- resolved_at (since V1) is when the ticket last became RESOLVED.
-- first_response_due_at / resolution_due_at: the SLA targets in force for the ticket, computed in
-- business time by the SLA module when the ticket is created or changes; NULL when no policy applies.
ALTER TABLE tickets ADD COLUMN first_response_at     timestamptz;
ALTER TABLE tickets ADD COLUMN first_response_due_at timestamptz;
ALTER TABLE tickets ADD COLUMN resolution_due_at     timestamptz;

UPDATE tickets t SET first_response_at = r.first_at
  FROM (SELECT c.ticket_id, min(c.created_at) AS first_at
          FROM comments c
          JOIN users u ON u.id = c.author_id
          JOIN tickets tk ON tk.id = c.ticket_id
         WHERE NOT c.internal AND u.role IN ('TECHNICIAN', 'ADMIN') AND c.author_id <> tk.requester_id
         GROUP BY c.ticket_id) r
 WHERE t.id = r.ticket_id;
