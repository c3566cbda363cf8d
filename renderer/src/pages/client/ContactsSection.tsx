/** Stub: filled in by the edit work (issue 4). */
export function ContactsSection(_props: { clientId: string }) {
  return null;
}
