/**
 * RFC 8446 §4.4.2 / RFC 5246 §7.4.2: a certificate list starts with the sender's (leaf)
 * certificate and "each following certificate SHOULD directly certify the one immediately
 * preceding it"; nginx and most servers send a bundle file as written. Checked on bundles that
 * hold a leaf; CA lists (roots and intermediates only) have no order.
 *
 *     -----BEGIN CERTIFICATE-----   # flagged: the intermediate comes before the leaf it issued
 */
import { checkBundle } from '../../pki/chain';
import type { PemRule } from '../rule';
import { bundles, headSpan, isLeaf } from '../model';

export const chainOrder: PemRule = {
  meta: {
    id: 'pem/chain-order',
    language: 'pem',
    description: 'A certificate bundle is not in leaf-first order, or holds a certificate that did not issue the one before it.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 8446 §4.4.2; RFC 5246 §7.4.2',
  },
  check(ctx, report) {
    for (const bundle of bundles(ctx)) {
      if (bundle.length < 2 || !bundle.some((p) => isLeaf(p.cert))) continue;
      // A bundle may stop before the root (the server's choice); signatures are pem/chain-signature-invalid's.
      // Only the first problem is reported: the rest usually follow from it.
      const problem = checkBundle(bundle.map((p) => p.cert)).find((p) => p.kind !== 'missing-intermediate' && p.kind !== 'bad-signature');
      if (!problem) continue;
      const at = bundle[problem.index] ?? bundle[0];
      report({ file: ctx.path, span: headSpan(ctx.text, at.object), message: `Bundle order: ${problem.message}. Peers build the chain from the order sent and may fail ("unable to get local issuer certificate"). Order the file leaf first, then each certificate's issuer.` });
    }
  },
};
