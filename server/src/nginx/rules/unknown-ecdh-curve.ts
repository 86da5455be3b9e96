/**
 * nginx ssl_ecdh_curve passes its value to OpenSSL's SSL_CTX_set1_curves_list(3), which rejects
 * the whole list when one name is unknown to the linked OpenSSL (or listed twice); nginx then
 * refuses to start. ML-KEM hybrids need OpenSSL 3.5; `?name` (skip if unknown) needs 3.3.
 *
 *     ssl_ecdh_curve X25519MLKEM768:X25519;   # flagged on OpenSSL 3.0: nginx -t fails
 */
import { compareVersions } from '../../core/version';
import { findGroup, GROUP_SYNTAX_SINCE, NOT_OPENSSL_GROUPS } from '../../tls/groups.data';
import { MOZILLA_PROFILES } from '../../tls/profiles.data';
import type { NginxRule } from '../rule';
import { tlsDirectiveUses, valueSpan } from '../tls-use';

export const unknownEcdhCurve: NginxRule = {
  meta: {
    id: 'nginx/unknown-ecdh-curve',
    language: 'nginx',
    description: '`ssl_ecdh_curve` names a group the linked OpenSSL does not know (or lists one twice), so nginx refuses to start.',
    severity: 'error',
    fixable: true,
    citation: 'OpenSSL SSL_CTX_set1_groups_list(3); nginx ngx_http_ssl_module ssl_ecdh_curve; IANA TLS Supported Groups',
  },
  check(ctx, report) {
    const openssl = ctx.settings.nginx.opensslVersion;
    const has = (min: string): boolean | undefined => (openssl ? compareVersions(openssl, min) >= 0 : undefined);
    const safe = has('3.5') ? MOZILLA_PROFILES[ctx.settings.tls.profile].curves : MOZILLA_PROFILES[ctx.settings.tls.profile].curvesBefore35;
    for (const { directive: d, inUse } of tlsDirectiveUses(ctx, ['ssl_ecdh_curve'])) {
      const arg = d.args[0];
      if (!arg || d.args.length !== 1 || arg.value === 'auto' || arg.value.includes('$')) continue;
      const base = valueSpan(arg).start;
      const fix = [{ title: `Use "${safe}"`, preferred: true, edits: [{ file: d.file, span: arg.span, newText: safe }] }];
      const fatal = inUse ? 'nginx refuses to start with this list' : 'nginx will refuse to start once a TLS server uses this list';
      const problems: { start: number; end: number; message: string; severity: 'error' | 'warning' | 'info' }[] = [];
      const needs = (what: string, min: string, start: number, end: number): void => {
        const ok = has(min);
        if (ok === true) return;
        problems.push(ok === false
          ? { start, end, message: `${what} needs OpenSSL ${min}+; tlsnet.nginx.opensslVersion is ${openssl}: ${fatal}.`, severity: inUse ? 'error' : 'warning' }
          : { start, end, message: `${what} needs OpenSSL ${min}+ (set tlsnet.nginx.opensslVersion to check): on older OpenSSL ${fatal}.`, severity: 'info' });
      };
      const seen = new Map<number, string>();
      let at = 0;
      const text = arg.value;
      if (!text) problems.push({ start: 0, end: 0, message: `An empty "ssl_ecdh_curve": ${fatal}.`, severity: inUse ? 'error' : 'warning' });
      for (const raw of text.split(/[:/]/)) {
        const start = at;
        const end = at + raw.length;
        at = end + 1;
        if (text[end] === '/') needs('The "/" group-tuple syntax', GROUP_SYNTAX_SINCE.tuples, end, end + 1);
        const m = /^([?*-]*)(.*)$/.exec(raw);
        const prefix = m?.[1] ?? '';
        const name = m?.[2] ?? raw;
        if (prefix.includes('?')) needs(`"?" (ignore unknown group) in "${raw}"`, GROUP_SYNTAX_SINCE.ignoreUnknown, start, end);
        if (prefix.includes('*')) needs(`"*" (key share) in "${raw}"`, GROUP_SYNTAX_SINCE.keyShare, start, end);
        if (prefix.includes('-')) needs(`"-" (remove group) in "${raw}"`, GROUP_SYNTAX_SINCE.remove, start, end);
        if (name === 'DEFAULT') {
          needs('The DEFAULT keyword', GROUP_SYNTAX_SINCE.defaultKeyword, start, end);
          continue;
        }
        const g = findGroup(name);
        const tolerated = prefix.includes('?') && has(GROUP_SYNTAX_SINCE.ignoreUnknown) !== false;
        if (!g) {
          if (tolerated) continue;
          const hint = NOT_OPENSSL_GROUPS[name] ?? (findGroup(name.toLowerCase()) ? findGroup(name.toLowerCase())!.name : undefined);
          problems.push({ start, end, message: `"${name}" is not a group OpenSSL knows${hint ? ` (did you mean ${hint}?)` : ''}: ${fatal}.`, severity: inUse ? 'error' : 'warning' });
          continue;
        }
        const dup = seen.get(g.id);
        if (dup !== undefined) problems.push({ start, end, message: `"${name}" repeats "${dup}" (the same group): OpenSSL rejects a list with duplicates, so ${fatal}.`, severity: inUse ? 'error' : 'warning' });
        seen.set(g.id, name);
        // Unset OpenSSL version: only groups newer than the 3.0 baseline get an informational note.
        if (!tolerated && compareVersions(g.since, openssl ? '1.1.1' : '3.0') > 0) needs(`"${name}"`, g.since, start, end);
      }
      for (const p of problems) {
        report({ file: d.file, span: { start: base + p.start, end: base + p.end }, message: `"ssl_ecdh_curve": ${p.message}`, severity: p.severity, fixes: p.severity === 'info' ? undefined : fix });
      }
    }
  },
};
