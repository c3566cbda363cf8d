/** PLACEHOLDER — being written: the deterministic demo maison generator. */
import type { RawDatabase } from '../../../db/open.js';

export interface DemoOptions {
  seed: number;
  clients: number;
  /** `YYYY-MM-DD`: the day the history ends. Same seed, clients and today → same data. */
  today: string;
  advisorId: string;
}

export interface DemoStats {
  clients: number;
  people: number;
  interactions: number;
  purchases: number;
}

export function generateDemo(raw: RawDatabase, options: DemoOptions): DemoStats {
  void raw;
  void options;
  return { clients: 0, people: 0, interactions: 0, purchases: 0 };
}
