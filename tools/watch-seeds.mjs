// Started by scripts/serve.sh beside `trunk serve`: makes removing a seed rebuild the page.
//   node tools/watch-seeds.mjs [SEEDS_DIR]
// trunk 0.21's watcher drops a removal (it canonicalises each changed path, which fails for a
// path that is gone), so deleting a file in seeds/ would not rebuild until the next change.
// This answers a removal by creating a hidden marker file in the folder for a moment: trunk
// sees a new file and rebuilds, cargo sees the folder changed and reruns build.rs, and the
// corpus loader skips hidden files, so the marker never becomes a document.
import { existsSync, rmSync, watch, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = process.argv[2] ?? 'seeds';
const MARKER = '.trunk-rebuild';
const marker = join(dir, MARKER);
let clear = null;

watch(dir, { recursive: true }, (event, name) => {
  // Trunk sees creations and changes itself; a name that is gone (a removal, or the old name
  // of a renamed file) gets the marker.
  if (!name || basename(name) === MARKER || event !== 'rename' || existsSync(join(dir, name))) return;
  writeFileSync(marker, `${name} was removed\n`);
  clearTimeout(clear);
  clear = setTimeout(() => rmSync(marker, { force: true }), 2000);
});
process.on('SIGTERM', () => { rmSync(marker, { force: true }); process.exit(0); });
