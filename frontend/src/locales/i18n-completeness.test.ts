import { describe, expect, it } from 'vitest';
import { resources } from '@/lib/i18n/resources';

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a translation tree, dotted, with its value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') leaves(value, path).forEach((v, k) => out.set(k, v));
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const namespaces = Object.keys(resources.fr) as (keyof typeof resources.fr)[];

  it('has the same namespaces in French and English', () => {
    expect(Object.keys(resources.en).sort()).toEqual([...namespaces].sort());
  });

  for (const ns of namespaces) {
    const fr = leaves(resources.fr[ns] as unknown as Tree);
    const en = leaves(resources.en[ns] as unknown as Tree);

    it(`${ns}: every key exists in both languages`, () => {
      expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    });

    it(`${ns}: no empty or non-text value`, () => {
      for (const [key, value] of [...fr, ...en]) {
        expect(typeof value, key).toBe('string');
        expect((value as string).trim(), key).not.toBe('');
      }
    });

    it(`${ns}: the same placeholders in both languages`, () => {
      for (const [key, value] of fr) {
        expect(placeholders(String(en.get(key) ?? '')), key).toEqual(placeholders(String(value)));
      }
    });
  }
});
