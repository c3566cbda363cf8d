import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh private folder under the OS temp dir; removed by the returned cleanup. */
export function tempDir(prefix = 'carnet-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every file of a folder with its bytes, to prove that a failed operation changed nothing. */
export function snapshotFolder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) files.set(name, fs.readFileSync(full));
  }
  return files;
}
