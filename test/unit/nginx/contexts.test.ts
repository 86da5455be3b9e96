import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTlsServer, serverContexts } from '../../../server/src/nginx/contexts';
import { parseNginx } from '../../../server/src/nginx/parser';

test('contexts: a plain listen on an address:port another server declares ssl on is a TLS server (nginx: ssl belongs to the socket)', () => {
  const conf = 'http {\n    server { listen 10.0.0.1:443; server_name a; }\n    server { listen 10.0.0.1:443 ssl; server_name b; }\n    server { listen 10.0.0.1:80; server_name c; }\n    server { listen 443; server_name d; }\n}\n';
  const tls = serverContexts(parseNginx(conf, '/n.conf').directives).map((s) => `${s.levels[s.levels.length - 1].find((d) => d.name === 'server_name')?.args[0].value}:${isTlsServer(s)}`);
  // `443` means *:443, another socket than 10.0.0.1:443.
  assert.deepEqual(tls, ['a:true', 'b:true', 'c:false', 'd:false']);
});
