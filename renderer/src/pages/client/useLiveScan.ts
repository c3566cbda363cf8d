/**
 * Free text read through the core's scanner while the advisor types (`scan.text`, debounced):
 * what it finds — kinds, severities and offsets, never the words themselves in any log — for the
 * text as it was when scanned. Nothing is stored, nothing cached; the core scans again on save,
 * which stays the backstop (NOTE_FINDINGS).
 */
import { useEffect, useState } from 'react';
import { scanText } from '../../api/queries';
import { useDebounced } from '../../components/useDebounced';
import type { Finding } from './c360';

export const LIVE_SCAN_DELAY_MS = 350;
export const LIVE_SCAN_MAX = 10_000;

export interface Scanned {
  /** The text exactly as scanned. */
  text: string;
  findings: Finding[];
  /** The text with each finding replaced by the scanner's "[redacted]". */
  redacted: string;
}

export interface LiveScan {
  /** The last answer, for the text it was asked about (which may be behind what is typed). */
  scanned: Scanned | null;
  /** The findings in `text` exactly as it is now; none while a changed text waits for its scan. */
  exact: Finding[];
  /**
   * What to show under a field without flicker while typing: the last findings whose words are
   * still in the text (offsets and quotes are those of `scanned.text`). None for an empty text.
   */
  steady: Finding[];
  /** The text as it is now, each finding replaced by "[redacted]" (asks the core again if need be). */
  redact(): Promise<string>;
}

export interface LiveScanOptions {
  /** Whose own e-mail addresses and phone numbers are not findings (as the core does on save). */
  personId?: string | undefined;
  /** False: nothing is scanned (a closed dialog). */
  enabled?: boolean;
  delayMs?: number;
  max?: number;
}

export function useLiveScan(text: string, { personId, enabled = true, delayMs = LIVE_SCAN_DELAY_MS, max = LIVE_SCAN_MAX }: LiveScanOptions = {}): LiveScan {
  const [scanned, setScanned] = useState<Scanned | null>(null);
  const debounced = useDebounced(text, delayMs);

  useEffect(() => {
    if (!enabled || debounced.trim() === '' || debounced.length > max) {
      setScanned(null);
      return;
    }
    let current = true;
    scanText(debounced, personId).then(
      (result) => {
        if (current) setScanned({ text: debounced, findings: result.findings, redacted: result.redacted });
      },
      () => {
        if (current) setScanned(null);
      },
    );
    return () => {
      current = false;
    };
  }, [debounced, personId, enabled, max]);

  const exact = scanned && scanned.text === text ? scanned.findings : [];
  const steady =
    !scanned || text.trim() === ''
      ? []
      : scanned.text === text
        ? scanned.findings
        : scanned.findings.filter((f) => f.end > f.start && text.includes(scanned.text.slice(f.start, f.end)));

  async function redact(): Promise<string> {
    if (scanned && scanned.text === text) return scanned.redacted;
    return (await scanText(text, personId)).redacted;
  }

  return { scanned, exact, steady, redact };
}
