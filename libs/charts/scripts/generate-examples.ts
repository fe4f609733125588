/**
 * Draws every sample chart to libs/charts/examples/<name>.svg (and its Vega-Lite spec beside it),
 * so a person can look at what the services answer for ?format=svg. Run:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/charts/scripts/generate-examples.ts
 * and, to look at them as PNG: rsvg-convert -o x.png x.svg (apt-get install librsvg2-bin).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { renderSvgWithWarnings } from '../src/render-svg';
import { SAMPLE_CHARTS } from '../src/sample-charts';

async function main(): Promise<void> {
  const out = join(__dirname, '..', 'examples');
  mkdirSync(out, { recursive: true });
  for (const [name, spec] of Object.entries(SAMPLE_CHARTS)) {
    const { svg, warnings } = await renderSvgWithWarnings(spec);
    writeFileSync(join(out, `${name}.svg`), svg);
    const specFile = join(out, `${name}.vl.json`);
    // Formatted as the repository's prettier check wants it.
    const options = { ...(await resolveConfig(specFile)), parser: 'json' };
    writeFileSync(specFile, await format(JSON.stringify(spec), options));
    console.log(
      `${name}.svg ${svg.length} bytes${warnings.length ? `; warnings: ${warnings.join(' | ')}` : ''}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
