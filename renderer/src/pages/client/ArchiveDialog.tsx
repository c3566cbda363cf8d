/** Stub: filled in by the edit work (issue 4). */
export function ArchiveDialog(_props: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return null;
}
