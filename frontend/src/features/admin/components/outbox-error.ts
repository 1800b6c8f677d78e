/**
 * What kind of failure a relay's (English, technical) error text describes, so the interface can
 * say it in the admin's language; the raw text stays shown below as the detail.
 * Patterns: Jakarta Mail's messages ("Couldn't connect to host", "Unknown SMTP host") and the
 * SMTP reply codes of RFC 5321 §4.2 (535 authentication, 55x mailbox or address refused).
 */
export type OutboxErrorCategory = 'unreachable' | 'timeout' | 'authentication' | 'tls' | 'recipient' | 'other';

const RULES: [OutboxErrorCategory, RegExp][] = [
  ['authentication', /\b53[45]\b|authentication|AUTH\b/i],
  ['tls', /\bSSL|\bTLS|certificate|handshake|PKIX/i],
  [
    'unreachable',
    /couldn'?t connect|connection refused|unknown (smtp )?host|UnknownHost|no route to host|network is unreachable|connection reset/i,
  ],
  ['timeout', /timed? ?out/i],
  ['recipient', /\b55[0-3]\b|\b5\.1\.\d\b|recipient|mailbox|invalid address/i],
];

/** The category of an error text; `other` when no rule matches. */
export function outboxErrorCategory(error: string): OutboxErrorCategory {
  return RULES.find(([, pattern]) => pattern.test(error))?.[0] ?? 'other';
}
