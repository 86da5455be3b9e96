import type { CertificateObject, CrlObject, InspectObject, InspectResult, PublicKeyObject } from '../inspect';

/** The stable machine contract: exactly one object, `{"version": 1, "objects": [...]}`. */
export function formatInspectJson(r: InspectResult): string {
  return JSON.stringify({ version: 1, objects: r.objects }) + '\n';
}

const DAY = 86_400_000;

/** A readable summary per object, `file:line: kind` then indented fields, like `openssl x509 -text` condensed. */
export function formatInspectText(r: InspectResult, now = Date.now()): string {
  const out: string[] = [];
  for (const o of r.objects) {
    out.push(`${o.file}:${o.line}: ${o.kind === 'error' ? `error: ${o.message} (byte offset ${o.offset})` : heading(o)}`);
    out.push(...body(o, now).map((l) => `  ${l}`));
  }
  const failed = r.objects.filter((o) => o.kind === 'error').length;
  const files = new Set(r.objects.map((o) => o.file)).size;
  const n = r.objects.length - failed;
  out.push(`${n} object${n === 1 ? '' : 's'} decoded in ${files} file${files === 1 ? '' : 's'}${failed ? `, ${failed} failed to decode` : ''}`);
  return out.join('\n') + '\n';
}

function heading(o: InspectObject): string {
  if (o.kind === 'other') return `other ("${o.label}" block, not decoded)`;
  if (o.kind === 'pkcs7') return `pkcs7 (${o.certificates.length} certificate${o.certificates.length === 1 ? '' : 's'}${o.crls.length ? `, ${o.crls.length} CRL${o.crls.length === 1 ? '' : 's'}` : ''})`;
  return o.kind;
}

function body(o: InspectObject, now: number): string[] {
  switch (o.kind) {
    case 'certificate':
      return certificateLines(o, now);
    case 'crl':
      return crlLines(o);
    case 'csr':
      return [`subject:     ${o.subject || '(empty)'}`, `public key:  ${keyText(o.publicKey)}`, ...(o.sans.length ? [`SANs:        ${sansText(o.sans)}`] : []), `signature:   ${o.signatureAlgorithm} (${o.signature === 'unchecked' ? 'not checked for this algorithm' : o.signature})`];
    case 'private-key':
      return [`key:         ${keyText(o)}${o.encrypted ? ' (encrypted)' : ''}`];
    case 'public-key':
      return [`key:         ${keyText(o)}`];
    case 'pkcs7':
      return [...o.certificates.flatMap((c, i) => [`certificate #${i + 1}:`, ...certificateLines(c, now).map((l) => `  ${l}`)]), ...o.crls.flatMap((c, i) => [`CRL #${i + 1}:`, ...crlLines(c).map((l) => `  ${l}`)])];
    case 'dh-params':
      return [`prime:       ${o.bits} bits`];
    case 'other':
    case 'error':
      return [];
  }
}

function certificateLines(c: CertificateObject, now: number): string[] {
  const start = Date.parse(c.notBefore);
  const end = Date.parse(c.notAfter);
  const days = Math.floor((end - now) / DAY);
  const state = now < start ? 'not yet valid' : now > end ? `expired ${Math.ceil((now - end) / DAY)} days ago` : `${days} day${days === 1 ? '' : 's'} left`;
  return [
    `subject:     ${c.subject || '(empty)'}`,
    `issuer:      ${c.issuer || '(empty)'}${c.selfSigned ? ' (self-signed)' : ''}`,
    `serial:      ${c.serialNumber}`,
    `validity:    ${c.notBefore} to ${c.notAfter} (${state})`,
    ...(c.sans.length ? [`SANs:        ${sansText(c.sans)}`] : []),
    `public key:  ${keyText(c.publicKey)}`,
    `signature:   ${c.signatureAlgorithm}`,
    `CA:          ${c.isCA ? `yes${c.pathLength !== null ? `, path length ${c.pathLength}` : ''}` : 'no'}`,
    ...(c.keyUsage.length ? [`key usage:   ${c.keyUsage.join(', ')}`] : []),
    ...(c.extendedKeyUsage.length ? [`ext. usage:  ${c.extendedKeyUsage.join(', ')}`] : []),
    `SHA-256:     ${c.fingerprints.sha256}`,
    `SHA-1:       ${c.fingerprints.sha1}`,
  ];
}

function crlLines(c: CrlObject): string[] {
  return [`issuer:      ${c.issuer || '(empty)'}`, `this update: ${c.thisUpdate}`, `next update: ${c.nextUpdate ?? '(none)'}`, `revoked:     ${c.revoked}`, `signature:   ${c.signatureAlgorithm}`];
}

function keyText(k: PublicKeyObject): string {
  const name = k.parameterSet ?? k.algorithm.toUpperCase();
  if (k.curve) return `${name} ${k.curve}`;
  return k.bits !== null ? `${name} ${k.bits} bits` : name;
}

function sansText(sans: { type: string; value: string }[]): string {
  return sans.map((s) => `${s.type.toUpperCase()}:${s.value}`).join(', ');
}
