// Shared by the browser scripts: Debian's chromium with the flags this machine's closed network needs, and the
// pass/fail tally the scripts print at the end.

/** Debian's chromium (never a browser downloaded by Playwright). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Headless, and no background connections: the network here refuses them, many at a time. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const results = { passed: 0, failed: [] };

/** Records one check and prints it; answers whether it passed. */
export function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (ok) {
    results.passed++;
  } else {
    results.failed.push(what);
  }
  return ok;
}

