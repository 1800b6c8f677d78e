import { describe, expect, it } from 'vitest';
import { outboxErrorCategory } from './outbox-error';

describe('outbox error categories', () => {
  it.each([
    ["Couldn't connect to host, port: localhost, 25; timeout 20000", 'unreachable'],
    ['Unknown SMTP host: smtp.example.invalid', 'unreachable'],
    ['Read timed out', 'timeout'],
    ['535 5.7.8 Authentication credentials invalid', 'authentication'],
    ['PKIX path building failed: unable to find valid certification path', 'tls'],
    ['550 5.1.1 <x@example.org>: Recipient address rejected', 'recipient'],
    ['Something else entirely', 'other'],
  ])('%s → %s', (text, category) => {
    expect(outboxErrorCategory(text)).toBe(category);
  });
});
