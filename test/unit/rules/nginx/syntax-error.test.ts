import { ruleTester } from '../../ruleTester';

ruleTester('nginx/syntax-error', {
  valid: [
    { name: 'well-formed blocks, quotes, variables and comments', code: 'http {\n  map $http_upgrade $c { default upgrade; "" close; }\n  server { return 200 "a;b#c}"; set $x "${host}x"; } # done\n}\n' },
    { name: 'Lua block with braces in strings and comments', code: 'location / {\n  content_by_lua_block {\n    ngx.say("}") -- }\n    --[[ } ]]\n  }\n}\n' },
  ],
  invalid: [
    { name: 'missing semicolon before a block', code: 'server {\n  location /a {\n    proxy_pass http://a\n  }\n  location /b {\n    proxy_pass http://b;\n  }\n}\n', lines: [3] },
    { name: 'missing semicolon glued to the next block', code: 'server {\n  proxy_pass http://a\n  location /b {\n  }\n}\n', lines: [2] },
    { name: 'unclosed block', code: 'http {\n  server {\n    listen 80;\n  }\n', lines: [1] },
    { name: 'stray closing brace', code: 'events {}\n}\n', lines: [2] },
    { name: 'unterminated quote', code: 'server {\n  return 200 "oops;\n}\n', lines: [2] },
    { name: 'text right after a closing quote', code: 'add_header X "a"b;\n', lines: [1] },
  ],
});
