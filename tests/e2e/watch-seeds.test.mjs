// tools/watch-seeds.mjs (run by scripts/serve.sh beside trunk serve): a removed seed leaves a
// short-lived hidden marker, so trunk rebuilds; additions and edits leave none (trunk sees them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Whether `check` turns true within `ms`. */
async function within(ms, check) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return true;
  return check();
}

test('removing a seed while serving leaves a marker that trunk rebuilds on, and it goes away', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'explorer-watch-'));
  writeFileSync(join(dir, 'a.txt'), 'A\n\nText.\n');
  const watcher = spawn('node', [join(ROOT, 'tools/watch-seeds.mjs'), dir], { stdio: 'inherit' });
  try {
    await sleep(500);
    const marker = join(dir, '.trunk-rebuild');
    writeFileSync(join(dir, 'b.txt'), 'B\n\nMore text.\n');
    writeFileSync(join(dir, 'a.txt'), 'A\n\nChanged text.\n');
    await sleep(300);
    assert.equal(existsSync(marker), false, 'an addition or an edit needs no marker');
    unlinkSync(join(dir, 'b.txt'));
    assert.ok(await within(2000, () => existsSync(marker)), 'a removal leaves the marker');
    assert.ok(await within(6000, () => !existsSync(marker)), 'the marker is removed again');
  } finally {
    // Stop the watcher before removing the folder: it would answer those removals too.
    const exited = once(watcher, 'exit');
    watcher.kill();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
