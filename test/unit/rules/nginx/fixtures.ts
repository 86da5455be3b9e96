// Config builders the nginx rule tests share. Each shows the lines it wraps `body` in, so a case's
// flagged line numbers can be read off: the body's first line is the line after the last shown.

/**
 * A complete TLS server in http {}; `body` at 8 spaces starts on line 6 (plus `http`'s lines).
 *
 *     http {
 *     <http>    server {
 *             listen 443 ssl;
 *             ssl_certificate s.pem;
 *             ssl_certificate_key s.key;
 *     <body>    }
 *     }
 */
export const tls = (body: string, http = ''): string => `http {\n${http}    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n${body}    }\n}\n`;

/** `http { <http> server { listen 443 ssl; <body> } }` with no certificate; `body` at 8 spaces starts on line 4. */
export const httpServer = (body: string, http = ''): string => `http {\n${http}    server {\n        listen 443 ssl;\n${body}    }\n}\n`;

/** A bare `server { listen 443 ssl; <body> }`, as in a conf.d file; `body` at 4 spaces starts on line 3. */
export const bareServer = (body: string): string => `server {\n    listen 443 ssl;\n${body}}\n`;

/**
 * A plain-HTTP server's `location / {}`; `body` at 12 spaces starts on line 5, after any lines of
 * `http` (before `server {`) and `server` (after its `listen 80;`).
 */
export const inLocation = (body: string, http = '', server = ''): string => `http {\n${http}    server {\n        listen 80;\n${server}        location / {\n${body}        }\n    }\n}\n`;

/** A TLS upstream pass at `inLocation`'s indentation. */
export const PROXY_PASS = '            proxy_pass https://api.example.com;\n';

/** The settings of a case run against that nginx release. */
export const nginxVersion = (version: string): Record<string, unknown> => ({ 'nginx.version': version });
