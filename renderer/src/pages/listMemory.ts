/**
 * What the client list remembers while the window is open, so that coming back from a client
 * returns to the same search, sort and row. In memory only; cleared when the session locks.
 */
export const listMemory: { search: string; lastOpenedId: string | null } = { search: '', lastOpenedId: null };

export function forgetListMemory(): void {
  listMemory.search = '';
  listMemory.lastOpenedId = null;
}
