/** Shared zod schemas of the API: ids, pagination, text limits, the core's vocabularies. */

import { z } from '@hono/zod-openapi';
import { CHANNELS, LANGS, ROLES } from '@sangfroid/core';

export const LIMITS = {
  name: 200,
  shortText: 500,
  note: 5_000,
  messageText: 20_000,
} as const;

export const Id = z.uuid();
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(300).optional(),
});

export const name = () => z.string().trim().min(1).max(LIMITS.name);
export const shortText = () => z.string().trim().min(1).max(LIMITS.shortText);
export const note = () => z.string().max(LIMITS.note);
export const Channel = z.enum(CHANNELS);
export const Lang = z.enum(LANGS);
export const SpeakerRole = z.enum(ROLES);
export const UserRole = z.enum(['agent', 'supervisor', 'admin']);
export const Email = z.email().max(LIMITS.name);
export const Password = z.string().min(1).max(200);
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const BoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListOf = (item: z.ZodType) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const UserSchema = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: UserRole,
    supervisorId: Id.nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');
