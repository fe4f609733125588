/**
 * AES-256-GCM for one personal field. The value is JSON-serialised first, so strings, arrays and
 * objects all round-trip. The additional authenticated data binds a ciphertext to its tenant,
 * subject and field: copying it into another person's event makes decryption fail instead of
 * silently showing the wrong person's data.
 *
 * Stored form: `pii:v1:<base64url(iv(12) | tag(16) | ciphertext)>`; the prefix lets readers find
 * encrypted values without consulting the spec that wrote them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'pii:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SUBJECT_KEY_BYTES = 32;

export function newSubjectKey(): Buffer {
  return randomBytes(SUBJECT_KEY_BYTES);
}

export function isEncryptedField(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

export function encryptField(key: Buffer, value: unknown, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** Throws when the key, the AAD or the ciphertext do not match (tampering or a wrong key). */
export function decryptField(key: Buffer, token: string, aad: string): unknown {
  if (!isEncryptedField(token)) throw new Error('not an encrypted field');
  const raw = Buffer.from(token.slice(PREFIX.length), 'base64url');
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  const plaintext = Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]);
  return JSON.parse(plaintext.toString('utf8'));
}

export function fieldAad(tenant: string, subjectId: string, field: string): string {
  return JSON.stringify([tenant, subjectId, field]);
}
