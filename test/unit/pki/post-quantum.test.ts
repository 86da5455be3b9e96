import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, Certificate, Name, RelativeDistinguishedName, SubjectPublicKeyInfo, TBSCertificate, Validity } from '@peculiar/asn1-x509';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { inspectBytes } from '../../../server/src/cli/inspect';

// OpenSSL 3.0 on this machine cannot make ML-DSA/SLH-DSA certificates, so these are built from
// their ASN.1 (RFC 9881 / RFC 9909: the algorithm OID alone, no parameters) with dummy key bytes.
const name = (cn: string): Name => new Name([new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: cn }) })])]);

function certificate(oid: string, publicKeyBytes: number, signatureBytes: number): Uint8Array {
  const alg = new AlgorithmIdentifier({ algorithm: oid });
  const tbs = new TBSCertificate({
    version: 2,
    serialNumber: new Uint8Array([1]).buffer,
    signature: alg,
    issuer: name('PQ root'),
    validity: new Validity({ notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2036-01-01T00:00:00Z') }),
    subject: name('PQ root'),
    subjectPublicKeyInfo: new SubjectPublicKeyInfo({ algorithm: alg, subjectPublicKey: new Uint8Array(publicKeyBytes).buffer }),
  });
  return new Uint8Array(AsnConvert.serialize(new Certificate({ tbsCertificate: tbs, signatureAlgorithm: alg, signatureValue: new Uint8Array(signatureBytes).buffer })));
}

const CASES: [string, string, 'ml-dsa' | 'slh-dsa', number, number][] = [
  ['2.16.840.1.101.3.4.3.17', 'ML-DSA-44', 'ml-dsa', 1312, 2420],
  ['2.16.840.1.101.3.4.3.18', 'ML-DSA-65', 'ml-dsa', 1952, 3309],
  ['2.16.840.1.101.3.4.3.19', 'ML-DSA-87', 'ml-dsa', 2592, 4627],
  ['2.16.840.1.101.3.4.3.20', 'SLH-DSA-SHA2-128s', 'slh-dsa', 32, 7856],
  ['2.16.840.1.101.3.4.3.31', 'SLH-DSA-SHAKE-256f', 'slh-dsa', 64, 49856],
];

for (const [oid, set, algorithm, pkBytes, sigBytes] of CASES) {
  test(`post-quantum: a ${set} certificate decodes with its parameter set named and sized`, () => {
    const [o] = inspectBytes('pq.der', certificate(oid, pkBytes, sigBytes));
    assert.equal(o.kind, 'certificate', JSON.stringify(o));
    if (o.kind !== 'certificate') return;
    assert.deepEqual(o.publicKey, { algorithm, bits: pkBytes * 8, curve: null, parameterSet: set });
    assert.equal(o.signatureAlgorithm, set);
    assert.equal(o.selfSigned, true);
    assert.equal(o.subject, 'CN=PQ root');
  });
}

test('post-quantum: an ML-DSA private key is named and sized, without key material', () => {
  const der = new Uint8Array(AsnConvert.serialize(new PrivateKeyInfo({ privateKeyAlgorithm: new AlgorithmIdentifier({ algorithm: '2.16.840.1.101.3.4.3.18' }), privateKey: new OctetString(new Uint8Array(34).fill(7)) })));
  const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(der).toString('base64')}\n-----END PRIVATE KEY-----\n`;
  const [o] = inspectBytes('k.pem', Buffer.from(pem));
  assert.deepEqual(o, { file: 'k.pem', line: 1, kind: 'private-key', algorithm: 'ml-dsa', bits: 1952 * 8, curve: null, parameterSet: 'ML-DSA-65', encrypted: false });
});
