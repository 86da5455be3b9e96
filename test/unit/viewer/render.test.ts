import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { escapeHtml, renderViewerHtml } from '../../../client/src/viewer/render';
import { buildViewModel, type ViewModel } from '../../../server/src/pki/view';
import { fixture } from '../pki/fixtures';
import { NOW } from '../ruleTester';

const LATER = new Date('2027-01-01T00:00:00Z');
const NONCE = 'bm9uY2Utbm9uY2U=';
const file = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(process.cwd(), 'test/fixtures', dir, name)));
const model = (name: string, bytes: Uint8Array | string, now = LATER, password?: string): ViewModel =>
  buildViewModel(name, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, { now, expiryWarningDays: 30, ...(password ? { password } : {}) });
const render = (m: ViewModel): string => renderViewerHtml(m, { nonce: NONCE });
/** The page's text as a reader sees it: tags dropped, entities decoded. */
const text = (html: string): string =>
  html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

test('viewer page: a subject full of markup is shown as text, never as markup', () => {
  const html = render(model('odd-subject.der', file('viewer', 'odd-subject.der')));
  assert.ok(!html.includes('<script>alert'), 'the CN must not become a script element');
  assert.ok(!html.includes('<b>Co'), 'the O must not become markup');
  assert.ok(!html.includes('<img'), 'the SAN email must not become an image');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.equal(html.match(/<script/g)?.length, 1, 'only the page’s own script');
  assert.match(text(html), /#1 Certificate: <script>alert\(1\)<\/script>/);
  assert.match(text(html), /O=\\"Quote\\" & \\<b\\>Co\\<\/b\\>/);
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
});

test('viewer page: a strict Content-Security-Policy, no remote resources, a nonce on the script and style', () => {
  const html = render(model('rsa-chain.pem', file('viewer', 'rsa-chain.pem')));
  const csp = text(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '');
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, new RegExp(`script-src 'nonce-${NONCE}';`));
  assert.match(csp, new RegExp(`style-src 'nonce-${NONCE}';`));
  assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(csp));
  assert.match(html, new RegExp(`<script nonce="${NONCE}">`));
  assert.match(html, new RegExp(`<style nonce="${NONCE}">`));
  assert.ok(!/\s(src|srcset|action)=/.test(html), 'nothing is loaded');
  assert.ok(!/\sstyle="/.test(html), 'no inline style attributes (the CSP would block them)');
  for (const href of html.matchAll(/href="([^"]*)"/g)) assert.match(href[1], /^#obj-\d+$/);
  // URLs from the certificate are text, not links
  assert.match(text(html), /http:\/\/crl\.example\.com\/int\.crl/);
});

test('viewer page: every field the hover shows, for each certificate', () => {
  const html = render(model('rsa-chain.pem', file('viewer', 'rsa-chain.pem')));
  const t = text(html);
  for (const name of ['Subject', 'Issuer', 'Subject alternative names', 'Serial number', 'Not before', 'Not after', 'Validity', 'Public key', 'Signature algorithm', 'Basic constraints', 'Key usage', 'Extended key usage', 'Name constraints', 'Subject key identifier', 'Authority key identifier', 'CRL distribution points', 'OCSP responders', 'CA issuers', 'SHA-256 fingerprint', 'SHA-1 fingerprint']) {
    assert.ok(html.includes(`<dt>${name}</dt>`), `field "${name}"`);
  }
  assert.equal(html.match(/<dt>SHA-256 fingerprint<\/dt>/g)?.length, 3);
  assert.match(t, /DNS: www\.example\.com/);
  assert.match(t, /IP: 192\.0\.2\.7/);
  assert.match(t, /RSA 2048 bits/);
  assert.match(t, /sha256WithRSAEncryption/);
  assert.match(t, /CA, path length 0/);
  assert.match(t, /permitted dns:\.example\.com/);
  assert.match(t, /serverAuth/);
});

test('viewer page: the chain as boxes from the leaf up, each link with its signature check', () => {
  const html = render(model('rsa-chain.pem', file('viewer', 'rsa-chain.pem')));
  const chain = /<ol class="chain">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  const order = [...chain.matchAll(/<li class="(box role-[a-z]+|link sig-[a-z]+|end sig-[a-z]+)"/g)].map((m) => m[1]);
  assert.deepEqual(order, ['box role-leaf', 'link sig-valid', 'box role-intermediate', 'link sig-valid', 'box role-root', 'end sig-valid']);
  const t = text(chain);
  assert.match(t, /#1 Leaf\s+www\.example\.com/);
  assert.match(t, /#1 issued by #2\s+signature verified/);
  assert.match(t, /self-signed · signature verified/);
  // A certificate whose issuer is not in the file points at a dashed "not in this file" box.
  const lone = text(render(model('server.der', file('editor-workspace/certs', 'server.der'))));
  assert.match(lone, /Not in this file\s+tlsnet test server CA/);
});

test('viewer page: validity windows on one timeline, today marked, problems called out', () => {
  const bundle = fixture('expired.crt') + fixture('soon.crt') + fixture('future.crt') + fixture('server.crt');
  const m = model('mixed.pem', bundle, NOW);
  const html = render(m);
  const svg = /<svg class="timeline"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  assert.deepEqual([...svg.matchAll(/<g class="row ([a-z-]+)">/g)].map((r) => r[1]), ['expired', 'expiring-soon', 'not-yet-valid', 'valid']);
  const today = /<line class="today" x1="([\d.]+)"/.exec(svg);
  assert.ok(today, 'today is marked');
  assert.match(svg, />today<\/text>/);
  // today lies between the expired certificate's end and the future one's start
  const bars = [...svg.matchAll(/<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((r) => [Number(r[1]), Number(r[2])]);
  const x = Number(today[1]);
  assert.ok(bars[0][0] + bars[0][1] < x, 'the expired bar ends before today');
  assert.ok(bars[2][0] > x, 'the not-yet-valid bar starts after today');
  assert.ok(bars[1][0] < x && x < bars[1][0] + bars[1][1], 'the expiring bar spans today');
  const t = text(html);
  assert.match(t, /—\s+expired\s+\(expired 151 days ago\)/);
  assert.match(t, /—\s+expiring soon\s+\(expires soon: 14 days left\)/);
  assert.match(t, /—\s+not yet valid\s+\(not yet valid: starts in 30 days\)/);
  assert.match(t, /today 2026-06-01/);
});

test('viewer page: keys by type and size, CRLs, errors, and a locked PKCS#12', () => {
  const key = render(model('server.key', fixture('server.key')));
  assert.match(text(key), /#1 Private key: EC P-256[\s\S]*Curve\s+P-256/);
  assert.ok(!key.includes(fixture('server.key').split('\n')[1].slice(5, 30)));
  const crl = text(render(model('root.crl', fixture('root.crl'), NOW)));
  assert.match(crl, /Revoked certificates/);
  const broken = text(render(model('t.pem', fixture('server.crt').slice(0, 400))));
  assert.match(broken, /Problems[\s\S]*"CERTIFICATE" block at line 1/);
  const locked = render(model('a.p12', file('viewer', 'with-password.p12')));
  assert.match(locked, /<button type="button" data-action="password">Enter password…<\/button>/);
  assert.ok(!locked.includes('<section id="details">'));
  const wrong = text(render(model('a.p12', file('viewer', 'with-password.p12'), LATER, 'nope')));
  assert.match(wrong, /The password was wrong/);
  assert.ok(!wrong.includes('nope'));
});
