// A seed the build cannot use stops it with a message naming the file and the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.mjs';

function buildWithSeeds(dir) {
  const run = spawnSync('cargo', ['check', '--offline', '-q', '-p', 'text-explorer'], {
    cwd: ROOT, env: { ...process.env, EXPLORER_SEEDS: dir }, encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

const cases = [
  ['tests/fixtures/bad-utf8', /seed file latin1\.txt: not valid UTF-8 \(invalid byte sequence at byte 22, line 3, column 16\)/],
  ['tests/fixtures/empty', /seed file empty\.txt: the file is empty/],
  ['tests/fixtures/no-such-folder', /no-such-folder: cannot be read/],
];
for (const [dir, message] of cases) {
  test(`building with ${dir} fails with a clear message`, () => {
    const { status, stderr } = buildWithSeeds(dir);
    assert.notEqual(status, 0, 'the build must fail');
    assert.match(stderr, message);
  });
}
