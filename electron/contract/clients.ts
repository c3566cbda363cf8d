/** Clients: the client book. */
import { z } from 'zod';
import { channels, dateSchema, idSchema, instantSchema } from './common.js';
import { consentSummarySchema, dataCategorySchema } from './privacy.js';

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
    /**
     * The people this view may show: 0 when relationship mapping is not granted. Prefer
     * `categoryCounts.relations`, which says "hidden" (null) rather than 0.
     */
    people: z.number().int(),
  }),
  lastPurchaseAt: instantSchema.nullable(),
  /** Every purpose (and outreach channel) with its current consent state. */
  consents: z.array(consentSummarySchema),
  /** Personalisation consent granted: preferences, moments and gifts may be shown. */
  personalisation: z.boolean(),
  /** Relationship-mapping consent granted: the people around the client may be shown. */
  relationshipMapping: z.boolean(),
  /** The data categories this view may show now, from the current consents. */
  visibleCategories: z.array(dataCategorySchema),
  /** How much is held per category; null when the category is hidden (the count would leak). */
  categoryCounts: z.object({
    contact: z.number().int().nullable(),
    preferences: z.number().int().nullable(),
    moments: z.number().int().nullable(),
    relations: z.number().int().nullable(),
    purchases: z.number().int().nullable(),
    notes: z.number().int().nullable(),
    gifts: z.number().int().nullable(),
    appointments: z.number().int().nullable(),
    after_sales: z.number().int().nullable(),
  }),
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
