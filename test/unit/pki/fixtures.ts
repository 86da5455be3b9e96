import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file of the committed test PKI (test/fixtures/pki, made by its generate.sh). */
export function fixture(name: string): string {
  return readFileSync(join(process.cwd(), 'test/fixtures/pki', name), 'utf8');
}

/** Fixture files placed at /ws/ssl/<name> for rule tests (the case's config is /ws/nginx.conf). */
export function sslFiles(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [`/ws/ssl/${n}`, fixture(n)]));
}
