export * from './field-cipher';
export * from './subject-key-store';
export * from './with-crypto-shredding';
