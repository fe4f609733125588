/**
 * One lifetime-value fit as the row model_fits stores: BG/NBD (repeat purchases, P(alive)) and
 * Gamma-Gamma (value per purchase) on the same summaries. Pure; the job does the I/O.
 * Status `insufficient-data` when either model cannot fit, with the models' own reason.
 */
import { fitBgNbd, fitGammaGamma, type BgNbdParams, type GammaGammaParams } from '../models/clv';
import type { ModelInput } from './purchase-inputs';

export const LIFETIME_VALUE_KIND = 'lifetime-value';

export interface LifetimeValueParameters {
  readonly timeUnit: 'week';
  readonly bgNbd: BgNbdParams;
  readonly gammaGamma: GammaGammaParams;
}

export interface ModelQuality {
  readonly logLikelihood: number | null;
  readonly n: number;
  readonly converged?: boolean;
}

export interface LifetimeValueFit {
  readonly status: 'fitted' | 'insufficient-data';
  readonly reason: string | null;
  readonly parameters: LifetimeValueParameters | null;
  readonly quality: { readonly bgNbd: ModelQuality; readonly gammaGamma: ModelQuality };
}

export function fitLifetimeValue(inputs: readonly ModelInput[]): LifetimeValueFit {
  const bg = fitBgNbd(inputs);
  const gg = fitGammaGamma(inputs);
  const quality = {
    bgNbd:
      bg.status === 'fitted'
        ? { logLikelihood: bg.logLikelihood, n: bg.customers, converged: bg.converged }
        : { logLikelihood: null, n: bg.customers },
    gammaGamma:
      gg.status === 'fitted'
        ? { logLikelihood: gg.logLikelihood, n: gg.customers, converged: gg.converged }
        : { logLikelihood: null, n: gg.customers },
  };
  if (bg.status !== 'fitted') {
    return {
      status: 'insufficient-data',
      reason: `BG/NBD ${bg.reason}: ${bg.detail}`,
      parameters: null,
      quality,
    };
  }
  if (gg.status !== 'fitted') {
    return {
      status: 'insufficient-data',
      reason: `Gamma-Gamma ${gg.reason}: ${gg.detail}`,
      parameters: null,
      quality,
    };
  }
  return {
    status: 'fitted',
    reason: null,
    parameters: { timeUnit: 'week', bgNbd: bg.params, gammaGamma: gg.params },
    quality,
  };
}
