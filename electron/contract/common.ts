/** Shapes shared by several domains of the contract. */
import { z } from 'zod';

/** A text ULID, generated in the core. Nothing else (no `../`, no separators) is an id. */
export const idSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not an id');

/** An ISO-8601 UTC instant. */
export const instantSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);

/** `YYYY-MM-DD`. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const localeSchema = z.enum(['en', 'fr']);

export const emptyInput = z.object({}).strict();

/** One channel of the contract: its input and output schemas, and whether it runs while locked. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Session channels run while no profile is unlocked; every other channel is refused then. */
  whileLocked?: boolean;
  /** Largest accepted input, serialised, in bytes (default 64 KiB). */
  maxInputBytes?: number;
}

export function channels<T extends Record<string, ChannelSpec>>(spec: T): T {
  return spec;
}
