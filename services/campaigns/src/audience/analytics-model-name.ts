/**
 * Which name a score or a recommendation list of crm.analytics.v1 is kept under. The events'
 * `model` is "name and version" (`propensity@3`); campaigns keeps one value per model name, not
 * per version, so a segment on `scores.propensity` keeps working when analytics ships
 * `propensity@4` (the newer scoredAt wins whatever the version). The rule: the name is the text
 * before the first `@` (all of it when there is none), and it must be a key a rule can name
 * (`scores.<name>`: what findField accepts); anything else has no name, and the event is ignored.
 */
import { findField } from '../segments/rules/field-catalogue';

export function modelName(model: string): string | undefined {
  const at = model.indexOf('@');
  const name = (at === -1 ? model : model.slice(0, at)).trim();
  return name !== '' && findField(`scores.${name}`) !== null ? name : undefined;
}
