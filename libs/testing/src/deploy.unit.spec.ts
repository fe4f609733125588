/**
 * No Docker engine or cluster runs on the project's machines, so the deployment files are
 * checked by reading them: docker-compose.yml wiring, the Dockerfile's shape, and the kustomize
 * base and overlays (rendered with `kubectl kustomize` too where kubectl is installed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

// Free-form YAML documents.
type Doc = Record<string, any>;

describe('docker-compose.yml', () => {
  const compose: Doc = parse(read('docker-compose.yml'), { merge: true });
  const services: Record<string, Doc> = compose.services;
  const entries = Object.entries(services);
  const crmServices = entries.filter(([, s]) => s.build);

  /** What compose would substitute: `${VAR:-default}` with VAR unset, and `$$` as a literal `$`. */
  const interpolate = (value: unknown) =>
    String(value)
      .replace(/(?<!\$)\$\{[A-Z_]+:-([^}]*)\}/g, '$1')
      .replace(/\$\$/g, '$');
  const env = (service: Doc): Record<string, string> =>
    Object.fromEntries(
      Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(v)]),
    );
  const portMappings = (service: Doc) =>
    (service.ports ?? []).map((p: string) => {
      const match = /^(\d+):(\d+)$/.exec(String(p));
      if (!match) throw new Error(`port mapping "${p}" is not HOST:CONTAINER`);
      return { host: Number(match[1]), container: Number(match[2]) };
    });

  it('runs PostgreSQL 17, Kafka 3.9 in KRaft mode and an insecure KurrentDB/EventStoreDB', () => {
    expect(services.postgres?.image).toBe('postgres:17');
    expect(services.kafka?.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    const kafka = env(services.kafka!);
    expect(kafka.KAFKA_PROCESS_ROLES?.split(',').sort()).toEqual(['broker', 'controller']);
    expect(Object.keys(kafka).some((k) => k.includes('ZOOKEEPER'))).toBe(false);
    expect(services.eventstore?.image).toMatch(
      /^(kurrentplatform\/kurrentdb|eventstore\/eventstore):\d/,
    );
    expect(Object.entries(env(services.eventstore!))).toContainEqual([
      expect.stringMatching(/^(KURRENTDB|EVENTSTORE)_INSECURE$/),
      'true',
    ]);
  });

  it.each(entries)(
    '%s has a pinned image or a build of the shared Dockerfile',
    (_name, service) => {
      if (service.build) {
        expect(service.build.dockerfile).toBe('deploy/docker/Dockerfile');
        expect(existsSync(path.join(ROOT, service.build.context, service.build.dockerfile))).toBe(
          true,
        );
        const target = service.build.args?.SERVICE;
        expect(existsSync(path.join(ROOT, 'services', String(target)))).toBe(true);
      } else {
        expect(service.image).toMatch(/^[\w./-]+:[\w.-]+$/);
        expect(service.image).not.toMatch(/:latest$/);
      }
    },
  );

  it.each(entries)('%s has a healthcheck, and waits for healthy dependencies', (_name, service) => {
    const test: unknown[] = service.healthcheck?.test;
    expect(['CMD', 'CMD-SHELL']).toContain(test?.[0]);
    expect(test.length).toBeGreaterThan(1);
    for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
      expect(condition).toEqual({ condition: 'service_healthy' });
      expect(services[dependency]?.healthcheck).toBeDefined();
    }
  });

  it('publishes each host port once', () => {
    const hostPorts = entries.flatMap(([, s]) =>
      portMappings(s).map((p: { host: number }) => p.host),
    );
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('starts the contacts, sales, campaigns, analytics and aftersales services on the ports `npm start` uses', () => {
    const published = Object.fromEntries(crmServices.map(([name, s]) => [name, portMappings(s)]));
    expect(published).toMatchObject({
      contacts: [{ host: 3001, container: 3001 }],
      sales: [{ host: 3002, container: 3002 }],
      campaigns: [{ host: 3003, container: 3003 }],
      analytics: [{ host: 3004, container: 3004 }],
      aftersales: [{ host: 3005, container: 3005 }],
    });
  });

  it.each(crmServices)(
    '%s is wired to the compose PostgreSQL, Kafka and a valid JWT secret',
    (name, service) => {
      const vars = env(service);
      expect(service.build.args.SERVICE).toBe(name);
      expect(Number(vars.PORT)).toBe(portMappings(service)[0].container);

      const pg = env(services.postgres!);
      const db = new URL(vars.DATABASE_URL!);
      expect(db.protocol).toBe('postgres:');
      expect(services[db.hostname]?.image).toMatch(/^postgres:/);
      // The services' own role, created by the init script: not the superuser, so the
      // read models' row-level security applies to them.
      expect(db.username).not.toBe(pg.POSTGRES_USER);
      expect(db.pathname).toBe(`/${pg.POSTGRES_DB}`);
      const init = services.postgres!.volumes.find((v: string) =>
        v.includes('docker-entrypoint-initdb.d'),
      );
      const script = read(init.split(':')[0].replace(/^\.\//, ''));
      expect(script).toMatch(
        new RegExp(
          `CREATE ROLE ${db.username} LOGIN PASSWORD '${db.password}' NOSUPERUSER NOBYPASSRLS`,
        ),
      );
      expect(script).toContain(
        `GRANT CONNECT, CREATE ON DATABASE ${pg.POSTGRES_DB} TO ${db.username}`,
      );

      // Containers must use the listener advertised under the service name, not the host's 127.0.0.1.
      const advertised = env(services.kafka!)
        .KAFKA_ADVERTISED_LISTENERS!.split(',')
        .map((l) => l.split('://')[1]);
      for (const broker of vars.KAFKA_BROKERS!.split(',')) {
        expect(advertised).toContain(broker);
        expect(services[broker.split(':')[0]!]?.image).toMatch(/^apache\/kafka:/);
      }

      expect(vars.JWT_SECRET!.length).toBeGreaterThanOrEqual(32);
      expect(service.healthcheck.test.join(' ')).toContain('${process.env.PORT}/health/ready');
      // Campaigns also waits for the development SMTP server its mail goes to.
      const extra = name === 'campaigns' ? ['mailpit'] : [];
      expect(Object.keys(service.depends_on).sort()).toEqual(['kafka', ...extra, 'postgres']);
    },
  );

  it('sends campaign email to the development SMTP server, with tracking keys and a public URL', () => {
    const vars = env(services.campaigns!);
    const smtp = new URL(vars.SMTP_URL!.replace(/^\$\{SMTP_URL:-(.*)\}$/, '$1'));
    expect(services[smtp.hostname]?.image).toMatch(/^axllent\/mailpit:v\d/);
    expect(portMappings(services.mailpit!)).toContainEqual({ host: 1025, container: 1025 });
    const keys = vars.CAMPAIGNS_TRACKING_KEYS!.replace(/^\$\{[A-Z_]+:-(.*)\}$/, '$1');
    for (const key of keys.split(',')) expect(key.split(':')[1]!.length).toBeGreaterThanOrEqual(32);
    expect(vars.CAMPAIGNS_PUBLIC_URL).toContain('http://localhost:3003');
  });
});

describe('deploy/docker/Dockerfile', () => {
  const dockerfile = read('deploy/docker/Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('is multi-stage: npm ci, a build stage, and a runtime stage built for one SERVICE', () => {
    const stages = instructions
      .filter((l) => l.startsWith('FROM '))
      .map((l) => l.split(/\s+AS\s+/i)[1]);
    expect(stages).toEqual(expect.arrayContaining(['deps', 'build', 'runtime']));
    expect(instructions.some((l) => /^RUN .*npm ci\b/.test(l))).toBe(true);
    expect(instructions.filter((l) => l === 'ARG SERVICE').length).toBeGreaterThanOrEqual(2);
    expect(instructions.at(-1)).toContain('services/${SERVICE}/src/main.ts');
  });

  it('runs the final stage as a non-root user with a readiness healthcheck', () => {
    const runtime = instructions.slice(instructions.findIndex((l) => / AS runtime$/.test(l)));
    const user = runtime.find((l) => l.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK '))).toContain('/health/ready');
  });
});

describe('deploy/k8s kustomize', () => {
  const K8S = 'deploy/k8s';
  const kustomization = (dir: string): Doc => parse(read(`${dir}/kustomization.yaml`));
  const base = kustomization(`${K8S}/base`);
  const baseObjects: Doc[] = (base.resources as string[]).flatMap((file) =>
    parseAllDocuments(read(`${K8S}/base/${file}`)).map((d) => d.toJSON()),
  );
  const ofKind = (kind: string) => baseObjects.filter((o) => o.kind === kind);
  const deployments = ofKind('Deployment');

  it('has a Deployment and a Service for contacts, sales, campaigns, analytics and aftersales', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([
      'aftersales',
      'analytics',
      'campaigns',
      'contacts',
      'sales',
    ]);
    expect(
      ofKind('Service')
        .map((s) => s.metadata.name)
        .sort(),
    ).toEqual(['aftersales', 'analytics', 'campaigns', 'contacts', 'sales']);
  });

  it.each(deployments.map((d) => [d.metadata.name, d] as const))(
    '%s is selected by its Service and probed on /health/live and /health/ready',
    (name, deployment) => {
      const pod = deployment.spec.template;
      expect(deployment.spec.selector.matchLabels).toEqual(
        expect.objectContaining(Object.fromEntries(Object.entries(pod.metadata.labels))),
      );
      const service = ofKind('Service').find((s) => s.metadata.name === name)!;
      for (const [k, v] of Object.entries(service.spec.selector))
        expect(pod.metadata.labels[k]).toBe(v);

      const container = pod.spec.containers[0];
      const portNames = container.ports.map((p: Doc) => p.name);
      expect(portNames).toContain(service.spec.ports[0].targetPort);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      const port = container.ports.find((p: Doc) => p.name === 'http').containerPort;
      expect(container.env).toContainEqual({ name: 'PORT', value: String(port) });
      expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    },
  );

  it.each(deployments.map((d) => [d.metadata.name, d] as const))(
    '%s has a PodDisruptionBudget and a CPU HorizontalPodAutoscaler of its own',
    (name, deployment) => {
      const labels = deployment.spec.template.metadata.labels;
      const budgets = ofKind('PodDisruptionBudget').filter((b) =>
        Object.entries(b.spec.selector.matchLabels).every(([k, v]) => labels[k] === v),
      );
      expect(budgets.map((b) => b.metadata.name)).toEqual([name]);
      expect(budgets[0].spec.maxUnavailable).toBe(1);
      const scalers = ofKind('HorizontalPodAutoscaler').filter(
        (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name,
      );
      expect(scalers).toHaveLength(1);
      expect(scalers[0].spec.minReplicas).toBeLessThanOrEqual(scalers[0].spec.maxReplicas);
      expect(scalers[0].spec.metrics[0].resource.name).toBe('cpu');
    },
  );

  it('denies all traffic to and from CRM pods first, then opens only named ports', () => {
    const policies = ofKind('NetworkPolicy');
    const denyAll = policies.find((p) => p.metadata.name === 'crm-default-deny')!;
    expect(denyAll.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/part-of': 'crm' });
    expect(denyAll.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    expect(denyAll.spec.ingress ?? []).toEqual([]);
    expect(denyAll.spec.egress ?? []).toEqual([]);
    for (const policy of policies.filter((p) => p !== denyAll))
      for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])])
        expect(rule.ports?.length).toBeGreaterThan(0);
    // The deny-all selects pods by the label kustomize puts on every pod template.
    expect(base.labels[0]).toEqual(
      expect.objectContaining({
        pairs: { 'app.kubernetes.io/part-of': 'crm' },
        includeTemplates: true,
      }),
    );
  });

  it('gives every Deployment its configuration from the base ConfigMap and the JWT Secret', () => {
    const configMaps = ofKind('ConfigMap').map((c) => c.metadata.name);
    const secrets = ofKind('Secret');
    expect(secrets.some((s) => 'JWT_SECRET' in (s.stringData ?? s.data ?? {}))).toBe(true);
    for (const deployment of deployments) {
      const from = deployment.spec.template.spec.containers[0].envFrom as Doc[];
      const refs = from.map((f) => f.configMapRef?.name ?? f.secretRef?.name);
      expect(refs.filter((r) => configMaps.includes(r))).not.toHaveLength(0);
      expect(refs.filter((r) => secrets.some((s) => s.metadata.name === r))).not.toHaveLength(0);
    }
  });

  it.each(['dev', 'prod'])('overlay %s builds on the base and its patch files exist', (overlay) => {
    const dir = `${K8S}/overlays/${overlay}`;
    const k = kustomization(dir);
    expect(k.resources).toContain('../../base');
    expect(k.namespace).toMatch(/^crm/);
    for (const patch of k.patches ?? []) {
      if (patch.path) expect(parse(read(`${dir}/${patch.path}`))).toBeTruthy();
    }
    const images = deployments.map((d) => d.spec.template.spec.containers[0].image);
    for (const image of k.images ?? []) expect(images).toContain(image.name);
  });

  // CI installs kubectl and sets CRM_TEST_REQUIRE_KUBECTL, so there this never skips.
  const kubectl = onPath('kubectl') || process.env.CRM_TEST_REQUIRE_KUBECTL === '1';
  (kubectl ? it : it.skip)(
    'renders with kubectl kustomize: dev keeps the dev Secret, prod drops it',
    () => {
      const render = (overlay: string): Doc[] =>
        parseAllDocuments(
          execFileSync('kubectl', ['kustomize', path.join(ROOT, K8S, 'overlays', overlay)], {
            encoding: 'utf8',
          }),
        ).map((d) => d.toJSON());
      const dev = render('dev');
      const prod = render('prod');
      expect(dev.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([
        'crm-secrets',
      ]);
      expect(prod.filter((o) => o.kind === 'Secret')).toEqual([]);
      for (const o of [...dev, ...prod]) expect(o.metadata.namespace).toMatch(/^crm/);
      const prodDeployments = prod.filter((o) => o.kind === 'Deployment');
      expect(prodDeployments.map((d) => d.spec.replicas)).toEqual([2, 2, 2, 2, 2]);
      for (const scaler of prod.filter((o) => o.kind === 'HorizontalPodAutoscaler'))
        expect(scaler.spec.minReplicas).toBe(2);
      for (const d of prodDeployments)
        expect(d.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('crm');
      for (const d of prodDeployments)
        expect(d.spec.template.spec.containers[0].image).toMatch(/:\d+\.\d+\.\d+$/);
    },
  );
});

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, command)));
}
