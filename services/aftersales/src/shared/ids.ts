/** Ids taken from paths and bodies: non-empty text of at most 200 characters, named when not. */
import { parseText } from '@crm/values';

export const idOf = (raw: unknown, field: string): string => parseText(raw, field, 200);
export const productIdOf = (raw: unknown): string => idOf(raw, 'productId');
