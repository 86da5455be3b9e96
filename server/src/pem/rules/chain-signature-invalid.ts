/**
 * RFC 5280 §6.1.3 (a)(1): each certificate's signature must verify with the working public key of
 * its issuer. Where a bundle holds both a certificate and the certificate that (by name and key
 * identifier) issued it, the signature is checked: a mismatch means a reissued CA, a corrupted
 * file or a forged certificate. Signatures that cannot be checked (Ed448, DSA) are not reported.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: names "CN=Test Server Intermediate" as issuer, but its signature does not verify
 */
import { issuedBy } from '../../pki/chain';
import { verifyCertificateSignature } from '../../pki/verify';
import type { PemRule } from '../rule';
import { bundles, certName, headSpan } from '../model';

const SELF_CHECK_MAX = 8;

export const chainSignatureInvalid: PemRule = {
  meta: {
    id: 'pem/chain-signature-invalid',
    language: 'pem',
    description: 'A certificate in a bundle names another certificate of the bundle as its issuer, but its signature does not verify with that key.',
    severity: 'error',
    fixable: false,
    citation: 'RFC 5280 §6.1.3 (a)(1)',
  },
  check(ctx, report) {
    for (const bundle of bundles(ctx)) {
      for (const child of bundle) {
        const parents = bundle.filter((p) => p !== child && issuedBy(child.cert, p.cert));
        // Roots' own signatures are checked in small bundles only: a 150-root CA bundle would cost
        // a second of BigInt ECDSA per analysis for a signature no verifier looks at.
        const self = child.cert.description.selfSigned && bundle.length <= SELF_CHECK_MAX ? [child] : [];
        const candidates = parents.length ? parents : self;
        if (!candidates.length) continue;
        const results = candidates.map((p) => verifyCertificateSignature(child.cert, p.cert));
        if (!results.includes('invalid') || results.includes('valid')) continue;
        const parent = candidates[results.indexOf('invalid')];
        const who = parent === child ? 'its own key (it is self-signed)' : `the key of ${certName(parent.cert)}`;
        report({
          file: ctx.path,
          span: headSpan(ctx.text, child.object),
          message: `The signature of ${certName(child.cert)} does not verify with ${who}: the certificate was altered, or its issuer was reissued with a new key. Every verifier rejects it ("certificate signature failure"). Replace it with the certificate the CA issued, or the issuer with the one that signed it.`,
        });
      }
    }
  },
};
