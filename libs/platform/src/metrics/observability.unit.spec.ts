/**
 * deploy/observability: the Grafana dashboard and the Prometheus alert rules may only query
 * metrics the code registers, so a renamed metric fails here instead of leaving an alert that
 * never fires. The known names come from prom-client's registry once the modules that create
 * them are loaded, not from a list kept by hand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import '@crm/messaging';
import { lagGauges, parkingMetrics } from '@crm/event-sourcing';
import { register } from 'prom-client';
import { parse } from 'yaml';
import { HTTP_DURATION_METRIC } from './http-metrics';

const DEPLOY = path.resolve(__dirname, '../../../../deploy/observability');
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);

/** The metric names a PromQL expression selects (label matchers, ranges, groupings and calls left out). */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names: string[] = [];
  for (const match of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = bare.slice(match.index + match[0].length).trimStart();
    if (after.startsWith('(') || KEYWORDS.has(match[0])) continue;
    names.push(match[0]);
  }
  return names;
}

/** Every series name the services expose that dashboards and alerts may use. */
async function knownMetricNames(): Promise<Set<string>> {
  lagGauges();
  parkingMetrics();
  const names = new Set<string>();
  for (const name of [HTTP_DURATION_METRIC]) {
    for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  }
  for (const metric of await register.getMetricsAsJSON()) {
    // A histogram is scraped as three series.
    if (String(metric.type) === 'histogram') {
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
    } else names.add(metric.name);
  }
  return names;
}

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const alertGroups = (
  parse(readFileSync(path.join(DEPLOY, 'prometheus-alerts.yaml'), 'utf8')) as {
    groups: { name: string; rules: AlertRule[] }[];
  }
).groups;
const dashboard = JSON.parse(readFileSync(path.join(DEPLOY, 'grafana-dashboard.json'), 'utf8')) as {
  uid: string;
  panels: { id: number; type: string; title: string; targets?: { expr: string }[] }[];
};

describe('metricNamesIn', () => {
  it('finds the selected metrics, not functions, labels, ranges or keywords', () => {
    expect(
      metricNamesIn(
        'sum by (job, route) (rate(http_request_duration_seconds_count{status=~"5.."}[5m])) / on (job) group_left max(up) > bool 0.01',
      ),
    ).toEqual(['http_request_duration_seconds_count', 'up']);
    expect(
      metricNamesIn('histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m]))) or b'),
    ).toEqual(['a_bucket', 'b']);
  });
});

describe('deploy/observability', () => {
  let known: Set<string>;
  beforeAll(async () => {
    known = await knownMetricNames();
  });

  it('knows the metrics ops asked for (lag, DLQ, duplicates, request rate and latency)', () => {
    for (const name of [
      'projection_lag_events',
      'projection_lag_seconds',
      'relay_lag_events',
      'relay_lag_seconds',
      'integration_consumer_lag_messages',
      'integration_consumer_lag_seconds',
      'integration_dead_letter_messages',
      'integration_consumer_messages_total',
      'http_request_duration_seconds_bucket',
    ])
      expect(known).toContain(name);
  });

  it('every alert is complete and queries only metrics the code registers', () => {
    const rules = alertGroups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
    for (const rule of rules) {
      expect({ alert: rule.alert, severity: rule.labels?.severity }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(page|ticket)$/),
      });
      expect(rule.annotations?.summary).toBeTruthy();
      const names = metricNamesIn(rule.expr);
      expect(names.length).toBeGreaterThan(0);
      expect({ alert: rule.alert, unknown: names.filter((n) => !known.has(n)) }).toEqual({
        alert: rule.alert,
        unknown: [],
      });
    }
    // The three ops asked for: lag, dead letters, error rate.
    const queried = new Set(rules.flatMap((r) => metricNamesIn(r.expr)));
    for (const name of [
      'projection_lag_seconds',
      'relay_lag_seconds',
      'integration_consumer_lag_seconds',
      'integration_dead_letter_messages',
      'http_request_duration_seconds_count',
    ])
      expect(queried).toContain(name);
  });

  it('every dashboard panel queries only metrics the code registers', () => {
    expect(dashboard.uid).toBe('crm-services');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(10);
    for (const panel of graphs) {
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const { expr } of panel.targets!) {
        const unknown = metricNamesIn(expr).filter((n) => !known.has(n));
        expect({ panel: panel.title, unknown }).toEqual({ panel: panel.title, unknown: [] });
      }
    }
  });
});
