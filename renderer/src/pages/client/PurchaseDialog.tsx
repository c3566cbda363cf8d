/** Stub: filled in by the records work (issue 4). */
export function PurchaseDialog(_props: { clientId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return null;
}
