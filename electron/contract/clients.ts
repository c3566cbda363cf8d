/** Clients: the client book. */
import { z } from 'zod';
import { channels, dateSchema, idSchema, instantSchema } from './common.js';

export const clientListItemSchema = z.object({
  id: idSchema,
  honorific: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  tier: z.string().nullable(),
  city: z.string().nullable(),
  clientSince: dateSchema.nullable(),
  lastContactAt: instantSchema.nullable(),
  status: z.enum(['active', 'restricted']),
});
export type ClientListItem = z.infer<typeof clientListItemSchema>;

export const clientSummarySchema = clientListItemSchema.extend({
  country: z.string().nullable(),
  language: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  counts: z.object({
    purchases: z.number().int(),
    interactions: z.number().int(),
    openAfterSales: z.number().int(),
    people: z.number().int(),
  }),
  lastPurchaseAt: instantSchema.nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const clientsContract = channels({
  'clients.list': {
    input: z
      .object({
        query: z.string().max(200).optional(),
        sort: z.enum(['name', 'lastContact']).default('name'),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(clientListItemSchema) }),
  },
  'clients.get': {
    input: z.object({ id: idSchema }).strict(),
    output: clientSummarySchema,
  },
});
