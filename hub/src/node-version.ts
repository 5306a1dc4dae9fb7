// better-sqlite3 13 is built for Node 22 and later: on Node 20 it loads, then crashes the
// process (SIGSEGV, no message) at the first database it opens. Say why instead.
const MIN_MAJOR = 22;

export function assertSupportedNode(version = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major >= MIN_MAJOR) return;
  throw new Error(
    `Lobby needs Node ${MIN_MAJOR} or later; this is Node ${version}. ` +
      'Run it through npm (npm start, npm test), which puts the Node that npm install ' +
      'pinned first on PATH, or call it directly as npx node …',
  );
}
