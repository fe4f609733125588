/**
 * The `model` of a published propensity score: `propensity_<family>@<version>`. Campaigns keeps
 * one score per name (the text before `@`) and segments name it as `scores.<name>`, which must
 * match /^[A-Za-z][A-Za-z0-9_-]{0,63}$/; a family with other characters (spaces, "&", accents)
 * is slugged, with a hash of the real name so two families never share a slug.
 */
import { fnv1a } from '../models/propensity';

const SAFE = /^[A-Za-z0-9_-]{1,40}$/;

export function publishedModelName(family: string): string {
  if (SAFE.test(family)) return `propensity_${family}`;
  const slug = family
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  const hash = fnv1a(family).toString(16).padStart(8, '0');
  return `propensity_${slug ? `${slug}_` : ''}${hash}`;
}

export const publishedModel = (family: string, version: number) =>
  `${publishedModelName(family)}@${version}`;
