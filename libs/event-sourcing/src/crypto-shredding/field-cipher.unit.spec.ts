import {
  decryptField,
  encryptField,
  fieldAad,
  isEncryptedField,
  newSubjectKey,
} from './field-cipher';

describe('field cipher (AES-256-GCM)', () => {
  const key = newSubjectKey();
  const aad = fieldAad('t1', 'contact-1', 'name');

  it('round-trips any JSON value and hides the plaintext', () => {
    for (const value of ['Zoë Łukasiewicz', ['a@x.io', 'b@y.io'], { street: 'Rue 1' }, 42, null]) {
      const token = encryptField(key, value, aad);
      expect(isEncryptedField(token)).toBe(true);
      const plaintext = Buffer.from(JSON.stringify(value));
      if (plaintext.length >= 6) {
        expect(Buffer.from(token.slice('pii:v1:'.length), 'base64url').includes(plaintext)).toBe(
          false,
        );
      }
      expect(decryptField(key, token, aad)).toEqual(value);
    }
  });

  it('uses a fresh IV per encryption', () => {
    expect(encryptField(key, 'Ann', aad)).not.toBe(encryptField(key, 'Ann', aad));
  });

  it('fails with another key, another subject/field (AAD) or a tampered ciphertext', () => {
    const token = encryptField(key, 'Ann', aad);
    expect(() => decryptField(newSubjectKey(), token, aad)).toThrow();
    expect(() => decryptField(key, token, fieldAad('t1', 'contact-2', 'name'))).toThrow();
    expect(() => decryptField(key, token, fieldAad('t2', 'contact-1', 'name'))).toThrow();
    const raw = Buffer.from(token.slice('pii:v1:'.length), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => decryptField(key, 'pii:v1:' + raw.toString('base64url'), aad)).toThrow();
  });

  it('recognises only its own format', () => {
    expect(isEncryptedField('Ann')).toBe(false);
    expect(isEncryptedField(['pii:v1:x'])).toBe(false);
    expect(() => decryptField(key, 'Ann', aad)).toThrow(/not an encrypted field/);
  });
});
