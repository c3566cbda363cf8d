/** The last six characters of an id: enough to match a client with the audit log, never a name. */
export function shortId(id: string): string {
  return `…${id.slice(-6)}`;
}

export function ShortId({ id }: { id: string }) {
  return (
    <span className="short-id" title={id}>
      {shortId(id)}
    </span>
  );
}
