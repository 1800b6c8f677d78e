import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Joined to this file's path: Vite takes `new URL(…, import.meta.url)` for an asset import.
const BACKEND = join(dirname(fileURLToPath(import.meta.url)), '../../../backend/src/main/java/dev/guichet');

/**
 * The text of a backend source file, from the repository's `backend/src/main/java/dev/guichet/`,
 * for tests that check the SPA states a rule with the server's own numbers.
 */
export function backendSource(path: string): string {
  return readFileSync(join(BACKEND, path), 'utf8');
}

/** The value of an `int` constant (`static final int NAME = 10;`) in Java source. */
export function javaIntConstant(source: string, name: string): number {
  const match = new RegExp(`static final int ${name} = (\\d+);`).exec(source);
  if (!match) throw new Error(`no int constant ${name}`);
  return Number(match[1]);
}
