#!/usr/bin/env bash
# Installs code-server (VS Code in a browser) for tests/vscode-real.test.ts, from the npm registry and Debian
# only. Usage: bash scripts/install-code-server.sh [PREFIX]   (default /opt/code-server; needs root for apt)
# Then: CODE_SERVER=PREFIX/node_modules/.bin/code-server npx vitest run tests/vscode-real.test.ts
#
# Why not a plain `npm install -g code-server`: its postinstall runs a nested `npm install` in lib/vscode that
# (1) fetches @vscode/proxy-agent from a git URL (only the npm registry is reachable here; the registry's
# 0.27.0 tarball has the same integrity hash), (2) downloads ripgrep from a release page in @vscode/ripgrep's
# postinstall (Debian's ripgrep is used instead), and (3) builds native modules with node-gyp, which would
# download Node's headers (the system Node's headers under /usr/include/node are used instead). So this script
# does the postinstall's steps itself. 4.96.4 is the last code-server that runs on Node 20.
# Measured on the 2-core machine: about 2.5 minutes idle, 4 with a cold npm cache and a busy machine; 340 MB.
set -euo pipefail
VERSION=4.96.4
PREFIX="${1:-/opt/code-server}"
if [ -x "$PREFIX/node_modules/.bin/code-server" ] && "$PREFIX/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$VERSION "; then
  echo "code-server $VERSION is already in $PREFIX"
  exit 0
fi
missing=()
for pkg in build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev ripgrep; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
export npm_config_nodedir=/usr # node-gyp builds against the installed Node's headers, nothing downloaded
mkdir -p "$PREFIX"
npm install --prefix "$PREFIX" "code-server@$VERSION" --ignore-scripts --no-audit --no-fund
(cd "$PREFIX" && npm rebuild argon2)
cd "$PREFIX/node_modules/code-server/lib/vscode"
sed -i 's#"git+ssh://git@github.com/microsoft/vscode-proxy-agent.git\#0803e0a7d1249bcb64ae9d256d0ee732b7246ea5"#"https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz"#' npm-shrinkwrap.json
npm install --omit=dev --ignore-scripts --no-audit --no-fund
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild # node-pty, spdlog, kerberos, native-watchdog...; @vscode/ripgrep sees bin/ and skips its download
# The rest of code-server's postinstall.sh:
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund)
"$PREFIX/node_modules/.bin/code-server" --version
