import type { ClientListItem } from '../api/contract';

type NameParts = Pick<ClientListItem, 'honorific' | 'firstName' | 'lastName'>;

const feminine = new Set(['mme', 'madame', 'mlle', 'mademoiselle', 'mrs', 'ms', 'miss', 'lady', 'dame', 'sra', 'señora', 'sig.ra', 'signora', 'frau', 'sheikha', 'sayyida', 'begum']);

/**
 * For languages whose words agree with the client ("Cliente depuis"): read only from the
 * honorific the client chose; nothing is inferred from a first name.
 */
export function grammaticalContext(honorific: string | null): 'female' | undefined {
  return honorific && feminine.has(honorific.trim().toLocaleLowerCase()) ? 'female' : undefined;
}

export function fullName(client: NameParts): string {
  return [client.honorific, client.firstName, client.lastName].filter((part) => part && part.trim()).join(' ');
}

/**
 * Honorific set quietly in italics, then the first name, then the family name. Marked
 * `data-private`: discreet mode veils it while the screen faces a client.
 */
export function ClientName({ client }: { client: NameParts }) {
  return (
    <span className="client-name" data-private="">
      {client.honorific ? <span className="client-name__honorific">{client.honorific} </span> : null}
      <span className="client-name__first">{client.firstName}</span>{' '}
      <span className="client-name__last">{client.lastName}</span>
    </span>
  );
}
