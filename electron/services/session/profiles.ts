/**
 * `profiles.json`: the list of advisor profiles on this laptop. It holds who the advisor is
 * (display name, maison, boutique, locale) and unlock back-off counters — nothing about clients.
 * Written atomically (temporary file + rename), 0600, in a 0700 folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { idSchema, localeSchema } from '../../contract/index.js';

const entrySchema = z.object({
  id: idSchema,
  displayName: z.string().min(1).max(120),
  maison: z.string().max(120),
  boutique: z.string().max(120),
  locale: localeSchema,
  createdAt: z.string(),
  demo: z.boolean().default(false),
  failedAttempts: z.number().int().nonnegative().default(0),
  lastFailureAt: z.number().int().nonnegative().nullable().default(null),
});
export type ProfileEntry = z.infer<typeof entrySchema>;

const fileSchema = z.object({ version: z.literal(1), profiles: z.array(entrySchema) });

export class ProfileRegistry {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'profiles.json');
  }

  ensureDir(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(this.dir, 0o700);
  }

  /** The store file of a profile. The id is a validated ULID, so it cannot leave the folder. */
  storePath(id: string): string {
    const parsed = idSchema.parse(id);
    return path.join(this.dir, `${parsed}.carnet`);
  }

  read(): ProfileEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data.profiles;
    } catch {
      // fall through
    }
    // A damaged list must not hide the stores beside it: keep a copy and rebuild from the files.
    fs.copyFileSync(this.file, `${this.file}.damaged-${Date.now()}`);
    return this.recoverFromFiles();
  }

  /** When profiles.json is unreadable, list the stores that exist, with neutral names. */
  private recoverFromFiles(): ProfileEntry[] {
    const entries: ProfileEntry[] = [];
    for (const name of fs.readdirSync(this.dir)) {
      const match = /^([0-9A-HJKMNP-TV-Z]{26})\.carnet$/.exec(name);
      if (!match?.[1]) continue;
      const stat = fs.statSync(path.join(this.dir, name));
      entries.push({
        id: match[1],
        displayName: `Profile ${match[1].slice(-6)}`,
        maison: '',
        boutique: '',
        locale: 'en',
        createdAt: stat.birthtime.toISOString(),
        demo: false,
        failedAttempts: 0,
        lastFailureAt: null,
      });
    }
    return entries;
  }

  write(profiles: ProfileEntry[]): void {
    this.ensureDir();
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, `${JSON.stringify({ version: 1, profiles }, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }

  get(id: string): ProfileEntry | undefined {
    return this.read().find((p) => p.id === id);
  }

  update(id: string, change: (entry: ProfileEntry) => ProfileEntry): ProfileEntry | undefined {
    const profiles = this.read();
    const index = profiles.findIndex((p) => p.id === id);
    const current = profiles[index];
    if (index < 0 || !current) return undefined;
    const next = change(current);
    profiles[index] = next;
    this.write(profiles);
    return next;
  }
}
