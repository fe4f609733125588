#!/usr/bin/env node
// Adds package-lock entries for optional platform binaries (other OSes/CPUs) that the lock lacks:
// the registry these machines use does not serve all of them, so `npm install` leaves them out,
// and `npm ci` then refuses the lock as out of sync. Additive only; run it after `npm install`:
//   node .ci/add-platform-lock-entries.js package-lock.json
// os/cpu/libc follow the package-name convention these binaries use (e.g. @swc/core-darwin-arm64).
const fs = require('fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const added = [];
for (const [key, entry] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!/^\d+\.\d+\.\d+$/.test(version)) continue; // platform binaries are pinned exactly
    // Node's resolution: the nearest node_modules up the tree that has the package.
    let found = false;
    let dir = key;
    while (true) {
      const candidate = dir === '' ? `node_modules/${dep}` : `${dir}/node_modules/${dep}`;
      if (pkgs[candidate]) {
        found = pkgs[candidate].version === version;
        break;
      }
      if (dir === '') break;
      const i = dir.lastIndexOf('/node_modules/');
      dir = i < 0 ? '' : dir.slice(0, i);
    }
    if (found) continue;
    const m =
      /-(android|darwin|freebsd|linux|openharmony|win32|sunos|netbsd|openbsd|aix)-(arm64|x64|ia32|arm|ppc64|s390x|riscv64|loong64|wasm32)(?:-(gnu|musl|gnueabihf|musleabihf|eabi|msvc))?$/.exec(
        dep,
      );
    if (!m) continue; // not a platform binary
    const [, os, cpu, abi] = m;
    const stub = { version, optional: true, os: [os], cpu: [cpu] };
    if (abi && /gnu/.test(abi)) stub.libc = ['glibc'];
    if (abi && /musl/.test(abi)) stub.libc = ['musl'];
    if (entry.dev) stub.dev = true;
    // Beside the package that wants it, where npm put the platform binaries it did record.
    const target = `${key.slice(0, key.lastIndexOf('node_modules/'))}node_modules/${dep}`;
    if (pkgs[target]) continue;
    pkgs[target] = stub;
    added.push(`${dep}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(added.length, 'added');
