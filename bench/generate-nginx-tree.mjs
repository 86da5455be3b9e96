// Generates a realistic multi-file nginx tree (about 10,000 lines) that real `nginx -t` accepts:
// nginx.conf with http{}, conf.d/*.conf with ~60 TLS/mTLS servers proxying to upstreams over
// verified TLS, maps, snippets shared by many servers, and conf.d/big.conf of ~2,000 lines for the
// single-file edit measurement. Certificates are generated once with openssl.
//   node bench/generate-nginx-tree.mjs DIR
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function openssl(dir, args) {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

function certificates(dir) {
  mkdirSync(dir, { recursive: true });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '365', '-subj', '/CN=bench CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(dir, ['req', '-x509', '-CA', 'ca.crt', '-CAkey', 'ca.key', ...ec, '-keyout', 'server.key', '-out', 'server.crt', '-days', '365', '-subj', '/CN=bench.example', '-addext', 'subjectAltName=DNS:*.bench.example']);
  openssl(dir, ['req', '-x509', '-CA', 'ca.crt', '-CAkey', 'ca.key', ...ec, '-keyout', 'client.key', '-out', 'client.crt', '-days', '365', '-subj', '/CN=bench client']);
  copyFileSync(join(ROOT, 'test/fixtures/nginx-differential/dhparam.pem'), join(dir, 'dhparam.pem'));
}

const snippets = (certs) => ({
  'tls-params.conf': [
    '# Shared TLS policy (Mozilla intermediate).',
    'ssl_protocols TLSv1.2 TLSv1.3;',
    'ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;',
    'ssl_prefer_server_ciphers off;',
    `ssl_dhparam ${certs}/dhparam.pem;`,
    'ssl_session_timeout 1d;',
    'ssl_session_tickets off;',
    '',
  ],
  'mtls.conf': [`ssl_client_certificate ${certs}/ca.crt;`, 'ssl_verify_client on;', 'ssl_verify_depth 2;', ''],
  'proxy-headers.conf': [
    'proxy_http_version 1.1;',
    'proxy_set_header Host $host;',
    'proxy_set_header X-Real-IP $remote_addr;',
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_set_header X-Forwarded-Proto $scheme;',
    'proxy_set_header Connection $connection_upgrade;',
    'proxy_set_header Upgrade $http_upgrade;',
    'proxy_read_timeout 60s;',
    '',
  ],
  'upstream-tls.conf': [
    'proxy_ssl_verify on;',
    `proxy_ssl_trusted_certificate ${certs}/ca.crt;`,
    'proxy_ssl_verify_depth 2;',
    'proxy_ssl_server_name on;',
    'proxy_ssl_protocols TLSv1.2 TLSv1.3;',
    'proxy_ssl_session_reuse on;',
    '',
  ],
  'security-headers.conf': [
    'add_header Strict-Transport-Security "max-age=63072000" always;',
    'add_header X-Content-Type-Options nosniff always;',
    'add_header X-Frame-Options DENY always;',
    'add_header Referrer-Policy strict-origin-when-cross-origin always;',
    '',
  ],
});

/** One server block with its upstream; `locations` sets its size. */
function site(i, locations, certs) {
  const name = `app${i}.bench.example`;
  const mtls = i % 3 === 0;
  const out = [
    `upstream backend_${i} {`,
    `    server 127.0.0.1:${9000 + (i % 500)};`,
    `    server 127.0.0.1:${9500 + (i % 400)} backup;`,
    '    keepalive 16;',
    '}',
    '',
    'server {',
    '    listen 127.0.0.1:8443 ssl http2;',
    `    server_name ${name};`,
    `    ssl_certificate ${certs}/server.crt;`,
    `    ssl_certificate_key ${certs}/server.key;`,
    '    include snippets/security-headers.conf;',
    ...(mtls ? ['    include snippets/mtls.conf;'] : []),
    `    access_log off;`,
    '',
  ];
  for (let l = 0; l < locations; l++) {
    const upstreamTls = l % 2 === 0;
    out.push(
      `    location /api/v${l}/ {`,
      '        include snippets/proxy-headers.conf;',
      ...(upstreamTls
        ? ['        include snippets/upstream-tls.conf;', `        proxy_ssl_name backend-${i}.internal;`, `        proxy_ssl_certificate ${'CERTS'}/client.crt;`, `        proxy_ssl_certificate_key ${'CERTS'}/client.key;`, `        proxy_pass https://backend_${i};`]
        : [`        proxy_pass http://backend_${i};`]),
      `        limit_except GET POST { deny all; }`,
      '    }',
      '',
    );
  }
  out.push('    location = /healthz {', '        return 200 "ok";', '    }', '}', '');
  return out.map((s) => s.replace('CERTS', certs));
}

/** Writes the tree and returns its main file and the ~2,000-line file. */
export function generateTree(dir, { lines = 10_000, servers = 60, bigLines = 2_000 } = {}) {
  const certs = join(dir, 'certs');
  certificates(certs);
  mkdirSync(join(dir, 'conf.d'), { recursive: true });
  mkdirSync(join(dir, 'snippets'), { recursive: true });
  let total = 0;
  for (const [name, body] of Object.entries(snippets(certs))) {
    writeFileSync(join(dir, 'snippets', name), body.join('\n'));
    total += body.length;
  }
  const main = [
    'worker_processes auto;',
    '',
    'events {',
    '    worker_connections 1024;',
    '}',
    '',
    'http {',
    '    default_type application/octet-stream;',
    '    sendfile on;',
    '    keepalive_timeout 65;',
    '    server_names_hash_bucket_size 128;',
    '    include snippets/tls-params.conf;',
    '    ssl_session_cache shared:SSL:10m;',
    '',
    '    map $http_upgrade $connection_upgrade {',
    '        default upgrade;',
    "        ''      close;",
    '    }',
    '    map $request_method $is_write {',
    '        default 0;',
    '        POST 1;',
    '        PUT 1;',
    '        DELETE 1;',
    '    }',
    '',
    '    server {',
    '        listen 127.0.0.1:8080 default_server;',
    '        server_name _;',
    '        return 301 https://$host$request_uri;',
    '    }',
    '',
    '    include conf.d/*.conf;',
    '}',
    '',
  ];
  writeFileSync(join(dir, 'nginx.conf'), main.join('\n'));
  total += main.length;
  // big.conf: servers until ~bigLines.
  const big = [];
  let i = 0;
  while (big.length < bigLines - 60) big.push(...site(i++, 10, certs));
  writeFileSync(join(dir, 'conf.d', 'big.conf'), big.join('\n'));
  total += big.length;
  const rest = Math.max(1, servers - i);
  const perServer = Math.max(20, Math.ceil((lines - total) / rest));
  const locations = Math.max(1, Math.round((perServer - 20) / 9));
  for (; i < servers || total < lines; i++) {
    const body = site(i, locations, certs);
    writeFileSync(join(dir, 'conf.d', `site-${String(i).padStart(3, '0')}.conf`), body.join('\n'));
    total += body.length;
  }
  return { main: join(dir, 'nginx.conf'), big: join(dir, 'conf.d', 'big.conf'), lines: total, servers: i };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'bench-tree');
  const r = generateTree(dir);
  process.stdout.write(`wrote ${r.lines} lines, ${r.servers} servers under ${dir}\n`);
}
