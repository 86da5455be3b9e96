/**
 * Hover on the path of ssl_certificate, ssl_certificate_key, CA lists, CRLs and DH parameters:
 * what the file holds, decoded. Keys show type and size and whether they match the certificate
 * beside them, or one elsewhere in the workspace — never key material.
 */
import { checkBundle, summarizeCaList } from '../pki/chain';
import { certificatesOf, privateKeysOf } from '../pki/file';
import type { InspectedKey } from '../pki/keys';
import { certificateMarkdown, elsewhereText, pkiItemMarkdown } from '../pki/markdown';
import { matchKeyToCertificate, type CertificatesForKey } from '../pki/match';
import type { Directive } from './ast';
import type { NginxContext } from './rule';
import { CERTIFICATE_KEY_PAIRS } from './tlsFiles.data';
import { certificatesIn, fileDirectives, innermostList, knownCertificates, levelsOf, loadDirectiveFile } from './tlsFiles';

export type FileHoverInputs = Pick<NginxContext, 'config' | 'host' | 'settings' | 'now'> & {
  /** Certificates in other workspace files, for a key with no certificate directive beside it. */
  certificatesForKey?: CertificatesForKey;
};

const MAX_CERTS = 5;

export function hoverFilePath(ctx: FileHoverInputs, file: string, offset: number): string | undefined {
  const hit = fileDirectives(ctx.config).find((f) => f.directive.file === file && f.directive.args[0] && f.directive.args[0].span.start <= offset && offset <= f.directive.args[0].span.end);
  if (!hit) return undefined;
  const { directive, role, value } = hit;
  const loaded = loadDirectiveFile(ctx, directive);
  const head = `**${directive.name}** \`${value}\``;
  const r = loaded.resolved;
  if (r.kind === 'dynamic') return `${head}\n\nThe path holds nginx variables: it is resolved per connection and cannot be checked here.`;
  if (r.kind === 'not-a-file') return `${head}\n\nA \`${r.scheme}:\` value, not a file.`;
  if (r.kind === 'missing') return `${head}\n\nNot found. Looked in:\n${r.tried.map((p) => `- \`${p}\``).join('\n')}\n\nMap server paths to the workspace with \`tlsnet.nginx.pathMappings\`.`;
  const pki = loaded.pki;
  if (!pki) return `${head}\n\n\`${r.path}\` could not be read.`;
  const out = [head, `File: \`${r.path}\``];
  const certs = certificatesOf(pki);
  const expiryWarningDays = ctx.settings.certificates.expiryWarningDays;
  // The first certificate (the leaf of a bundle) in full, the rest in brief: hovers stay readable.
  certs.slice(0, MAX_CERTS).forEach((c, i) => out.push(certificateMarkdown(c.description, ctx.now, certs.length > 1 ? `Certificate ${i + 1} of ${certs.length}` : 'Certificate', { expiryWarningDays, detail: i === 0 ? 'full' : 'summary' })));
  if (certs.length > MAX_CERTS) out.push(`…and ${certs.length - MAX_CERTS} more certificates.`);
  if (role === 'certificate' && certs.length) {
    const problems = checkBundle(certs, knownCertificates(ctx));
    out.push(problems.length ? `**Chain:** ${problems.map((p) => p.message).join('; ')}` : `**Chain:** ${certs.length === 1 ? 'a single certificate' : 'leaf first, each certificate issued by the next'}`);
  }
  if (role === 'ca-list' && certs.length) {
    const s = summarizeCaList(certs);
    out.push(`**CA list:** ${s.cas.length} CA certificate${s.cas.length === 1 ? '' : 's'} (${s.roots.length} self-signed root${s.roots.length === 1 ? '' : 's'}, ${s.intermediates.length} intermediate${s.intermediates.length === 1 ? '' : 's'})${s.nonCa.length ? `, ${s.nonCa.length} non-CA` : ''}; longest chain ${s.longestChain}.`);
  }
  for (const item of pki.items) {
    if (item.kind === 'certificate') continue;
    out.push(pkiItemMarkdown(item, ctx.now, item.kind === 'private-key' ? keyMatch(ctx, directive, item.key, r.path) : ''));
  }
  for (const e of pki.errors) out.push(`**Error:** ${e.message}${e.offset !== undefined && e.pem ? ` (byte offset ${e.offset})` : ''}`);
  if (pki.format === 'der') out.push('Binary DER: nginx reads PEM only.');
  return out.join('\n\n');
}

/**
 * For a key directive: does it match the certificate of the same position at its level? When it
 * does not, or no certificate directive pairs with it, which workspace certificate it belongs to.
 */
function keyMatch(ctx: FileHoverInputs, keyDirective: Directive, item: InspectedKey, keyFile: string): string {
  const elsewhere = (): string => {
    if (!ctx.certificatesForKey || 'cannot' in item.publicHalf) return '';
    const found = ctx.certificatesForKey(item, keyFile);
    return found.length ? `matches ${elsewhereText(found)}` : 'no certificate in the workspace matches it';
  };
  const pair = CERTIFICATE_KEY_PAIRS.find(([, k]) => k === keyDirective.name);
  if (!pair) return '';
  for (const { level, ancestors } of levelsOf(ctx.config)) {
    const certs = level.filter((d) => d.name === pair[0]);
    if (!certs.length) continue;
    const keys = innermostList([...ancestors, level], pair[1]);
    const i = keys.indexOf(keyDirective);
    if (i < 0 || !certs[i]) continue;
    const cert = certificatesIn(ctx, certs[i])[0];
    const key = privateKeysOf(loadDirectiveFile(ctx, keyDirective).pki ?? { format: 'none', items: [], errors: [] })[0];
    if (!cert || !key) break;
    const m = matchKeyToCertificate(key, cert);
    if (m.result === 'match') return ` — matches \`${certs[i].args[0]?.value ?? ''}\``;
    if (m.result === 'unknown') return ` — ${m.reason}`;
    const other = elsewhere();
    return ` — **does not match** \`${certs[i].args[0]?.value ?? ''}\`${other.startsWith('matches') ? `; it ${other}` : ''}`;
  }
  const other = elsewhere();
  return other ? ` — ${other}` : '';
}
