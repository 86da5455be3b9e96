import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions, isVersion } from '../../../server/src/core/version';
import { isNginxTime, parseNginxSize } from '../../../server/src/nginx/arguments';
import { ALL_CONTEXTS, CATALOGUE, docsUrl, specsNamed, variables } from '../../../server/src/nginx/catalogue';
import { DIRECTIVES } from '../../../server/src/nginx/directives.data';

test('catalogue: every entry has contexts, a syntax, a summary and a sane argument count', () => {
  for (const d of CATALOGUE) {
    assert.ok(d.contexts.length, d.name);
    for (const c of d.contexts) assert.ok(ALL_CONTEXTS.includes(c), `${d.name}: ${c}`);
    assert.ok(d.syntax.startsWith(d.name), d.name);
    assert.ok(d.summary.length > 20 && d.summary.length < 400, d.name);
    assert.ok(d.min >= 0 && d.max >= d.min, d.name);
    if (d.kind === 'flag') assert.deepEqual([...(d.values ?? [])], ['on', 'off'], d.name);
    if (d.kind === 'enum' || d.kind === 'bitmask') assert.ok(d.values?.length, d.name);
    assert.match(docsUrl(d), /^https:\/\/nginx\.org\/en\/docs\/.+\.html#[a-z0-9_]+$/);
  }
});

test('catalogue: versions parse and come in order (added < deprecated < removed)', () => {
  for (const d of CATALOGUE) {
    for (const v of [d.since, d.deprecated, d.removed]) if (v) assert.ok(isVersion(v), `${d.name}: ${v}`);
    if (d.deprecated && d.removed) assert.ok(compareVersions(d.deprecated, d.removed) < 0, d.name);
  }
});

test('catalogue: no name twice within one module', () => {
  const seen = new Set<string>();
  for (const d of CATALOGUE) {
    const key = `${d.module}:${d.name}`;
    assert.ok(!seen.has(key), key);
    seen.add(key);
  }
});

test('catalogue: covers the TLS directives of every family', () => {
  for (const name of ['ssl_certificate', 'ssl_conf_command', 'ssl_certificate_cache', 'ssl_reject_handshake', 'ssl_ocsp', 'ssl_ocsp_cache', 'ssl_early_data', 'ssl_ech_file', 'ssl_object_cache_inheritable', 'ssl_preread', 'ssl_alpn', 'starttls', 'proxy_ssl', 'proxy_ssl_verify', 'proxy_ssl_conf_command', 'grpc_ssl_verify', 'uwsgi_ssl_verify', 'http2', 'http3', 'quic_retry', 'resolver', 'resolver_timeout', 'ssl', 'listen']) {
    assert.ok(specsNamed(name).length, name);
  }
  assert.deepEqual(specsNamed('ssl_certificate').map((s) => s.module).sort(), ['ngx_http_ssl_module', 'ngx_mail_ssl_module', 'ngx_stream_ssl_module']);
  assert.deepEqual(specsNamed('proxy_ssl_verify').map((s) => s.module).sort(), ['ngx_http_proxy_module', 'ngx_stream_proxy_module']);
  assert.equal(specsNamed('ssl')[0].removed, '1.25.1');
});

test('catalogue: the directive view keeps its shape for hover and completion', () => {
  assert.equal(DIRECTIVES.ssl_verify_client.default, 'off');
  assert.deepEqual(DIRECTIVES.ssl_verify_client.values, ['on', 'off', 'optional', 'optional_no_ca']);
  assert.ok(DIRECTIVES.ssl_certificate.contexts.includes('server (stream)'));
  assert.ok(DIRECTIVES.proxy_ssl_verify.contexts.includes('location'));
});

test('catalogue: variables', () => {
  const verify = variables().find((v) => v.name === 'ssl_client_verify');
  assert.match(verify?.holds ?? '', /SUCCESS.*FAILED:reason.*NONE/);
  assert.equal(new Set(variables().map((v) => v.name)).size, variables().length);
});

test('arguments: nginx time and size syntax', () => {
  for (const t of ['5m', '1h30m', '300', '1d', '1y2M', '1h 5m']) assert.ok(isNginxTime(t, true), t);
  for (const t of ['5x', '30m1h', '500ms', '-1', '', 'm']) assert.ok(!isNginxTime(t, true), t);
  assert.ok(isNginxTime('500ms', false));
  assert.equal(parseNginxSize('16k'), 16384);
  assert.equal(parseNginxSize('1M'), 1048576);
  assert.equal(parseNginxSize('1g'), undefined);
  assert.equal(parseNginxSize('4q'), undefined);
});
