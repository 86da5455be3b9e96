/**
 * Markdown for decoded certificates, CRLs and keys: the one rendering every hover uses (nginx
 * paths, embedded PEM/base64, files named in any config). Keys show type and size only — there is
 * no field here that could carry key material.
 */
import type { CertificateDescription, CrlDescription, PrivateKeyDescription, PublicKeyDescription, SubjectAltName } from './describe';
import type { PkiItem } from './file';
import type { CertificateElsewhere } from './match';

const DAY = 86_400_000;

export interface MarkdownOptions {
  /** `settings.certificates.expiryWarningDays`: a certificate expiring within it is called out. */
  expiryWarningDays?: number;
  /** `summary`: subject, issuer, SANs, validity, key and SHA-256 only (later certificates of a bundle). */
  detail?: 'full' | 'summary';
  /** Name constraints of the certificate, when the caller decoded them. */
  nameConstraints?: { permitted: string[]; excluded: string[] };
}

export function keyLabel(k: Partial<PublicKeyDescription> & { algorithm?: string }): string {
  const alg = String(k.algorithm ?? 'unknown');
  if (alg === 'ec') return `EC ${k.curve ?? `${k.bits ?? '?'} bits`}`;
  if (alg === 'rsa' || alg === 'rsa-pss') return `${alg.toUpperCase()} ${k.bits ?? '?'} bits`;
  if (alg === 'ed25519') return 'Ed25519';
  if (alg === 'ed448') return 'Ed448';
  // Post-quantum and other algorithms: the parameter set when the description names one.
  const extra = k as Record<string, unknown>;
  const set = [extra.parameterSet, extra.name, k.curve].find((v): v is string => typeof v === 'string');
  return `${set ?? alg.toUpperCase()}${k.bits ? ` (${k.bits} bits)` : ''}`;
}

export function privateKeyLabel(k: PrivateKeyDescription): string {
  const format = k.format === 'pkcs8' ? 'PKCS#8' : k.format === 'pkcs1' ? 'PKCS#1' : k.format === 'sec1' ? 'SEC 1' : k.format.toUpperCase();
  return k.encrypted ? `encrypted (${format})${k.algorithm !== 'unknown' ? `, ${keyLabel(k)}` : ''}` : keyLabel(k);
}

export interface Validity {
  state: 'valid' | 'expiring' | 'expired' | 'not-yet-valid';
  /** Whole days until notAfter (negative once expired). */
  daysLeft: number;
  text: string;
}

export function validity(notBefore: string, notAfter: string, now: Date, warnDays = 30): Validity {
  const t = now.getTime();
  const daysLeft = Math.floor((Date.parse(notAfter) - t) / DAY);
  if (Date.parse(notBefore) > t) {
    const starts = Math.ceil((Date.parse(notBefore) - t) / DAY);
    return { state: 'not-yet-valid', daysLeft, text: `**not yet valid**: starts in ${starts} day${starts === 1 ? '' : 's'}` };
  }
  if (daysLeft < 0) return { state: 'expired', daysLeft, text: `**expired ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago**` };
  if (daysLeft <= warnDays) return { state: 'expiring', daysLeft, text: `**expires soon: ${daysLeft} day${daysLeft === 1 ? '' : 's'} left**` };
  return { state: 'valid', daysLeft, text: `${daysLeft} days left` };
}

const SAN_LABEL: Record<SubjectAltName['type'], string> = { dns: 'dns', ip: 'ip', email: 'email', uri: 'uri', dirname: 'dirName', other: 'other' };

export function sansText(sans: readonly SubjectAltName[]): string {
  return sans.map((s) => `${SAN_LABEL[s.type] ?? s.type}:${s.value}`).join(', ');
}

export function certificateMarkdown(d: CertificateDescription, now: Date, title: string, options: MarkdownOptions = {}): string {
  const v = validity(d.notBefore, d.notAfter, now, options.expiryWarningDays);
  const ca = d.isCA ? `yes${d.pathLength !== undefined ? `, path length ${d.pathLength}` : ', no path length limit'}` : 'no';
  const lines = [
    `**${title}:** \`${d.subject || '(empty subject)'}\``,
    `- Issuer: \`${d.issuer}\`${d.selfSigned ? ' (self-signed)' : ''}`,
    ...(d.sans.length ? [`- SANs: ${sansText(d.sans)}`] : []),
    `- Valid: ${d.notBefore} → ${d.notAfter} (${v.text})`,
  ];
  if (options.detail === 'summary') {
    lines.push(`- Key: ${keyLabel(d.publicKey)}; signature ${d.signatureAlgorithm}${d.isCA ? `; CA${d.pathLength !== undefined ? `, path length ${d.pathLength}` : ''}` : ''}`, `- SHA-256: \`${d.fingerprints.sha256}\``);
    return lines.join('\n');
  }
  const nc = options.nameConstraints;
  lines.push(
    `- Serial: \`${d.serialNumber}\``,
    `- Key: ${keyLabel(d.publicKey)}; signature ${d.signatureAlgorithm}`,
    `- CA: ${ca}`,
    ...(d.keyUsage.length ? [`- Key usage: ${d.keyUsage.join(', ')}`] : []),
    ...(d.extendedKeyUsage.length ? [`- Extended key usage: ${d.extendedKeyUsage.join(', ')}`] : []),
    ...(nc && (nc.permitted.length || nc.excluded.length) ? [`- Name constraints:${nc.permitted.length ? ` permitted ${nc.permitted.join(', ')}` : ''}${nc.permitted.length && nc.excluded.length ? ';' : ''}${nc.excluded.length ? ` excluded ${nc.excluded.join(', ')}` : ''}`] : []),
    ...(d.ski ? [`- Subject key id: \`${d.ski}\``] : []),
    ...(d.aki ? [`- Authority key id: \`${d.aki}\``] : []),
    ...(d.crlDistributionPoints.length ? [`- CRL distribution points: ${d.crlDistributionPoints.join(', ')}`] : []),
    ...(d.ocspUrls.length || d.caIssuers.length ? [`- Authority info access:${d.ocspUrls.length ? ` OCSP ${d.ocspUrls.join(', ')}` : ''}${d.ocspUrls.length && d.caIssuers.length ? ';' : ''}${d.caIssuers.length ? ` CA issuers ${d.caIssuers.join(', ')}` : ''}`] : []),
    `- SHA-256: \`${d.fingerprints.sha256}\``,
    `- SHA-1: \`${d.fingerprints.sha1}\``,
  );
  return lines.join('\n');
}

export function crlMarkdown(c: CrlDescription, now: Date): string {
  const stale = c.nextUpdate && Date.parse(c.nextUpdate) < now.getTime();
  return `**CRL** of \`${c.issuer}\`: updated ${c.thisUpdate.slice(0, 10)}${c.nextUpdate ? `, next update ${c.nextUpdate.slice(0, 10)}${stale ? ' (**expired**)' : ''}` : ''}; ${c.revoked} revoked; signature ${c.signatureAlgorithm}.`;
}

/**
 * One line for an object that is not a certificate. `keySuffix` follows a private key's label
 * (whether it matches a certificate). Kinds this module does not know yet (CSR, PKCS#7 from newer
 * decoders) are shown from the fields they share with the known ones.
 */
export function pkiItemMarkdown(item: PkiItem, now: Date, keySuffix = ''): string {
  switch (item.kind) {
    case 'certificate':
      return certificateMarkdown(item.cert.description, now, 'Certificate', { detail: 'summary' });
    case 'private-key':
      return `**Private key:** ${privateKeyLabel(item.key.description)}${keySuffix}`;
    case 'crl':
      return crlMarkdown(item.crl, now);
    case 'dh-params':
      return `**DH parameters:** ${item.dh.bits} bits`;
    case 'public-key':
      return `**Public key:** ${keyLabel(item.publicKey)}`;
    case 'other':
      return `**${item.label}** block (not decoded)`;
    default:
      return genericMarkdown(item as unknown as Record<string, unknown>);
  }
}

/** "the certificate `CN=…` in `certs/api.pem`" for the certificates a key matches in other files. */
export function elsewhereText(found: readonly CertificateElsewhere[]): string {
  return found.map((c, i) => `${i === 0 ? 'the certificate ' : ''}\`${c.subject || '(empty subject)'}\` in \`${c.display}\``).join(', ');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Whitelisted, non-secret fields of a description tlsnet does not know the shape of. */
function genericMarkdown(item: Record<string, unknown>): string {
  const kind = str(item.kind) ?? 'object';
  const d = Object.entries(item).find(([k, v]) => k !== 'block' && v && typeof v === 'object' && !(v instanceof Uint8Array))?.[1] as Record<string, unknown> | undefined;
  const desc = (d && typeof d.description === 'object' && d.description ? d.description : d) as Record<string, unknown> | undefined;
  const title = kind === 'csr' ? 'Certificate request' : kind === 'pkcs7' ? 'PKCS#7' : kind;
  const lines = [`**${title}**${str(desc?.subject) !== undefined ? `: \`${str(desc?.subject)}\`` : ''}`];
  if (!desc) return lines[0];
  const pk = desc.publicKey as Partial<PublicKeyDescription> | undefined;
  if (pk && typeof pk === 'object') lines.push(`- Key: ${keyLabel(pk)}`);
  if (Array.isArray(desc.sans) && desc.sans.length) lines.push(`- Requested SANs: ${sansText(desc.sans as SubjectAltName[])}`);
  if (str(desc.signatureAlgorithm)) lines.push(`- Signature algorithm: ${str(desc.signatureAlgorithm)}`);
  const sig = desc.signatureValid ?? desc.signature;
  if (typeof sig === 'boolean' || sig === 'valid' || sig === 'invalid') lines.push(`- Signature: ${sig === true || sig === 'valid' ? 'valid' : '**does not verify**'}`);
  else if (sig === 'unchecked') lines.push('- Signature: not checked');
  if (str(desc.issuer)) lines.push(`- Issuer: \`${str(desc.issuer)}\``);
  for (const list of ['certificates', 'crls']) if (Array.isArray(desc[list])) lines.push(`- ${list === 'crls' ? 'CRLs' : 'Certificates'}: ${(desc[list] as unknown[]).length}`);
  return lines.join('\n');
}
