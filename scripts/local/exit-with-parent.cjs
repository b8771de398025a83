// Preloaded (`node --require`) into child processes that the launcher and the benchmark start:
// when the parent dies — even by SIGKILL, when no exit handler of its own can run — the child is
// re-parented and exits within half a second.
// (Not a stdin pipe: opening process.stdin from a preload breaks Node 20's --import loaders, tsx;
// and not process.ppid, which Node 20 reads once at start-up.)
'use strict';
const { readFileSync } = require('node:fs');

// The spawner names itself in CPC_PARENT_PID: if it died while this child was still starting,
// process.ppid would already be the new parent.
const parent = Number(process.env.CPC_PARENT_PID) || process.ppid;
function currentParent() {
  try {
    // /proc/self/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    try {
      process.kill(parent, 0); // no /proc: is the parent still there?
      return parent;
    } catch {
      return -1;
    }
  }
}

setInterval(() => {
  if (currentParent() !== parent) process.exit(0);
}, 500).unref();
