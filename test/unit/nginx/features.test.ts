import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextsOf, nginxCompletions, nginxHover } from '../../../server/src/nginx/features';
import { parseNginx } from '../../../server/src/nginx/parser';

const conf = `http {
    ssl_session_cache shared:SSL:10m;
    server {
        listen 443 ssl;
        ssl_verify_client optional;
        ssl_verify_depth 1;
        ssl_protocols TLSv1.2 TLSv1.3;
        location / {
            proxy_set_header X-Verify $ssl_client_verify;
            proxy_set_header X-DN "\${ssl_client_s_dn}";
            
        }
        
    }
}
stream {
    server {
        
    }
}
`;
const file = parseNginx(conf, '/ws/nginx.conf');
const at = (needle: string, delta = 0): number => conf.indexOf(needle) + delta;

test('hover on a directive: syntax, default, contexts, version and what the value means', () => {
  const h = nginxHover(file, at('ssl_verify_client optional', 3));
  assert.ok(h);
  assert.match(h.markdown, /ssl_verify_client on \| off \| optional \| optional_no_ca;/);
  assert.match(h.markdown, /Default: `off`/);
  assert.match(h.markdown, /Context: http, server/);
  assert.match(h.markdown, /\*\*Here:\*\* `optional`: .*\$ssl_client_verify/);
  assert.match(h.markdown, /ngx_http_ssl_module\.html#ssl_verify_client/);
  assert.equal(conf.slice(h.span.start, h.span.end), 'ssl_verify_client');
});

test('hover on ssl_verify_depth 1 explains the depth', () => {
  const h = nginxHover(file, at('ssl_verify_depth', 2));
  assert.match(h?.markdown ?? '', /issued directly by a CA in the list/);
});

test('hover shows versions: ssl is deprecated and removed', () => {
  const f = parseNginx('server {\n    ssl on;\n}\n', '/ws/a.conf');
  assert.match(nginxHover(f, 14)?.markdown ?? '', /deprecated in 1\.15\.0 · removed in 1\.25\.1/);
  const g = parseNginx('server {\n    ssl_ocsp on;\n}\n', '/ws/a.conf');
  assert.match(nginxHover(g, 16)?.markdown ?? '', /since 1\.19\.0/);
});

test('hover on $ssl_* variables inside arguments, plain and braced', () => {
  const h = nginxHover(file, at('$ssl_client_verify', 4));
  assert.ok(h);
  assert.match(h.markdown, /SUCCESS.*FAILED:reason.*NONE/);
  assert.equal(conf.slice(h.span.start, h.span.end), '$ssl_client_verify');
  const b = nginxHover(file, at('${ssl_client_s_dn}', 5));
  assert.match(b?.markdown ?? '', /subject DN/);
  assert.equal(nginxHover(file, at('X-Verify', 2)), undefined);
});

test('completion offers only directives valid at the cursor', () => {
  const inLocation = nginxCompletions(file, at('            \n        }', 12)).map((c) => c.label);
  assert.ok(inLocation.includes('proxy_ssl_verify'));
  assert.ok(!inLocation.includes('ssl_certificate'));
  assert.ok(!inLocation.includes('ssl'), 'removed directives are not offered');
  const inServer = nginxCompletions(file, at('        \n    }\n}\nstream', 8)).map((c) => c.label);
  assert.ok(inServer.includes('ssl_certificate'));
  assert.ok(inServer.includes('http2'));
  assert.ok(!inServer.includes('ssl_preread'));
  const inStream = nginxCompletions(file, at('        \n    }\n}\n', conf.lastIndexOf('        \n') - conf.indexOf('        \n    }\n}\n') + 8)).map((c) => c.label);
  assert.ok(inStream.includes('ssl_preread'));
  assert.ok(!inStream.includes('ssl_early_data'));
});

test('completion snippets carry enum choices and placeholders', () => {
  const items = nginxCompletions(file, at('        \n    }\n}\nstream', 8));
  assert.equal(items.find((c) => c.label === 'ssl_verify_client')?.insertText, 'ssl_verify_client ${1|on,off,optional,optional_no_ca|};');
  assert.equal(items.find((c) => c.label === 'ssl_certificate')?.insertText, 'ssl_certificate ${1:file};');
});

test('completion of values after a directive name, and of further protocols', () => {
  const f = parseNginx('server {\n    ssl_verify_client \n    ssl_protocols TLSv1.2 \n}\n', '/ws/a.conf');
  const t = f.text;
  assert.deepEqual(nginxCompletions(f, t.indexOf('client ') + 7).map((c) => c.label), ['on', 'off', 'optional', 'optional_no_ca']);
  assert.ok(nginxCompletions(f, t.indexOf('TLSv1.2 ') + 8).some((c) => c.label === 'TLSv1.3'));
});

test('contexts at the cursor follow the block nesting', () => {
  assert.deepEqual([...contextsOf(file.directives, at('proxy_set_header'))], ['location']);
  assert.deepEqual([...contextsOf(file.directives, at('ssl_session_cache'))], ['http']);
  assert.deepEqual([...contextsOf(file.directives, 0)], ['main']);
});
