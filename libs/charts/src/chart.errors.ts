/** Every way the chart lib refuses: as catalogue entries, so services' error audits see them. */
import { defineErrors } from '@crm/event-sourcing';

export const ChartErrors = defineErrors('chart', {
  /** A chart too big to draw on the request path; the CSV or JSON answer still works. */
  ChartTooLarge: {
    kind: 'invalid',
    message: (what: string, actual: number, limit: number) =>
      `The chart has too many ${what} to draw (${actual}, at most ${limit}); ask for format=csv or json`,
    details: (what, actual, limit) => ({ field: 'format', what, actual, limit }),
  },
  /** A spec that Vega-Lite or Vega refused: a bug in a builder, never the client's input. */
  ChartNotRenderable: {
    kind: 'conflict',
    message: (reason: string) => `The chart could not be drawn: ${reason}`,
  },
});
