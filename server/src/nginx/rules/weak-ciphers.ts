/**
 * Mozilla Server Side TLS; RFC 7465 (no RC4), RFC 5469 (DES, IDEA retired), SWEET32 (3DES),
 * RFC 6151 (MD5): a cipher string must not enable NULL encryption, anonymous key exchange, MD5,
 * RC4, DES/3DES, EXPORT or LOW suites. The string is evaluated as OpenSSL does, so a word like
 * `ALL` that quietly brings in anonymous suites is named.
 *
 *     ssl_ciphers ALL:!EXPORT;     # flagged: ALL enables ADH-/AECDH- suites (no authentication)
 */
import { cipherStringFails, evaluateCipherString, type CipherToken } from '../../tls/cipher-string';
import type { CipherSuite } from '../../tls/cipher-types';
import { mozillaCipherList } from '../../tls/profiles.data';
import { effective } from '../contexts';
import type { NginxRule } from '../rule';
import { tls13Only, tlsDirectiveUses, useMozillaCiphers } from '../tls-use';
import { CIPHER_DIRECTIVES } from './cipher-string-empty';

/** Why an enabled suite is weak, or undefined. */
function weakness(s: CipherSuite): string | undefined {
  if (s.enc === 'eNULL') return 'no encryption (NULL)';
  if (s.au === 'NULL') return 'no server authentication (anonymous DH/ECDH)';
  if (s.mac === 'MD5') return 'MD5 MAC';
  if (s.strength === 'LOW' || s.strength === 'MEDIUM') return `${s.strength} strength`;
  return undefined;
}

/** Words that enable weak families on OpenSSL builds that still have them (1.0.x, enable-weak-ssl-ciphers). */
const LEGACY_WORDS: Record<string, string> = {
  RC4: 'RC4', EXP: 'EXPORT', EXPORT: 'EXPORT', EXPORT40: 'EXPORT', EXPORT56: 'EXPORT', LOW: 'LOW (single DES)', DES: 'DES', '3DES': '3DES (SWEET32)',
  IDEA: 'IDEA', SEED: 'SEED', RC2: 'RC2', MEDIUM: 'MEDIUM (3DES, SEED, IDEA)', SSLv2: 'SSLv2 suites',
};

function legacyFamily(word: string): string | undefined {
  if (LEGACY_WORDS[word]) return LEGACY_WORDS[word];
  if (/(^|-)RC4(-|$)/.test(word)) return 'RC4';
  if (/^EXP1?0?2?4?-/.test(word)) return 'EXPORT';
  if (/DES-CBC3|3DES/.test(word)) return '3DES (SWEET32)';
  if (/(^|-)DES-CBC-/.test(word)) return 'DES';
  return undefined;
}

export const weakCiphers: NginxRule = {
  meta: {
    id: 'nginx/weak-ciphers',
    language: 'nginx',
    description: 'A cipher string that enables NULL, anonymous, MD5, RC4, DES/3DES, EXPORT or LOW suites, naming the word that brings them in.',
    severity: 'warning',
    fixable: true,
    citation: 'Mozilla Server Side TLS; RFC 7465 (RC4); RFC 6151 (MD5); RFC 5469 (DES, IDEA); CVE-2016-2183 (SWEET32, 3DES)',
  },
  check(ctx, report) {
    const name = ctx.settings.tls.profile;
    const offered = mozillaCipherList(name).profile;
    const onlyTls13 = new Set(ctx.servers.filter((s) => tls13Only(effective(s, 'ssl_protocols'))).map((s) => effective(s, 'ssl_ciphers')));
    const usedElsewhere = new Set(ctx.servers.filter((s) => !tls13Only(effective(s, 'ssl_protocols'))).map((s) => effective(s, 'ssl_ciphers')));
    for (const { directive: d } of tlsDirectiveUses(ctx, CIPHER_DIRECTIVES)) {
      const arg = d.args[0];
      if (!arg || d.args.length !== 1 || arg.value.includes('$')) continue;
      // The list is never used when every server that has it speaks TLS 1.3 only.
      if (onlyTls13.has(d) && !usedElsewhere.has(d)) continue;
      const e = evaluateCipherString(arg.value);
      if (cipherStringFails(e)) continue;
      const found = new Map<string, { why: string; token?: CipherToken; suites: string[] }>();
      const note = (key: string, why: string, suite: string, token?: CipherToken): void => {
        const f = found.get(key) ?? { why, token, suites: [] };
        f.suites.push(suite);
        found.set(key, f);
      };
      for (const s of e.suites) {
        const why = weakness(s);
        const token = e.addedBy.get(s);
        if (why) note(`${why}|${token?.text ?? ''}`, why, s.name, token);
      }
      for (const t of e.tokens) {
        if (t.op !== 'add' || t.expanded) continue;
        for (const word of t.parts) {
          const family = legacyFamily(word);
          // The old profile keeps DES-CBC3-SHA for Windows XP / Java 6 clients.
          if (!family || (name === 'old' && family.startsWith('3DES'))) continue;
          note(`legacy|${family}|${t.text}`, `${family}, enabled on OpenSSL builds that still have it (1.0.x, or built with enable-weak-ssl-ciphers)`, word, t);
        }
      }
      if (!found.size) continue;
      const parts = [...found.values()].map((f) => `${f.why}: ${f.suites.slice(0, 4).join(', ')}${f.suites.length > 4 ? ` and ${f.suites.length - 4} more` : ''}${f.token ? ` (from "${f.token.text}")` : ''}`);
      report({
        file: d.file,
        span: arg.span,
        message: `"${d.name}" enables weak cipher suites — ${parts.join('; ')}. Exclude them (e.g. "!aNULL:!eNULL:!MD5") or use the Mozilla ${offered} list.`,
        fixes: [useMozillaCiphers(name, d.file, arg.span)],
      });
    }
  },
};
