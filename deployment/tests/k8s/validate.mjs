// Validates Guichet's Kubernetes manifests offline.
//
// Usage: node validate.mjs DIR        (DIR: deployment/kubernetes)
// 1. every document of every *.yaml in DIR is checked against the Kubernetes API schema of
//    its apiVersion/kind (the kubernetes-models package ships them compiled: nothing is
//    downloaded at run time);
// 2. kustomization.yaml lists every manifest except the secret example, and only files that exist;
// 3. the pieces fit together: selectors match pod labels, Services select a Deployment,
//    the Ingress and env references name objects that exist (the Secret from the example),
//    probes use declared ports, images are mapped in kustomization.yaml.
// Prints one line per check ("ok …" / "FAIL …"); exit status 0 when all pass, 1 otherwise.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node validate.mjs DIR');
  process.exit(1);
}

let failures = 0;
const ok = (what) => console.log(`ok   ${what}`);
const bad = (what, why) => {
  failures++;
  console.log(`FAIL ${what}${why ? `: ${why}` : ''}`);
};
const expect = (condition, what, why) => (condition ? ok(what) : bad(what, why));

function loadDocuments(file) {
  const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8'));
  return docs.map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    return doc.toJS();
  }).filter(Boolean);
}

// "apps/v1" → kubernetes-models/apps/v1, "v1" → kubernetes-models/v1
async function modelFor(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

async function validateSchemas(files) {
  const objects = [];
  for (const file of files) {
    let docs;
    try {
      docs = loadDocuments(file);
    } catch (error) {
      bad(`${file} parses as YAML`, error.message);
      continue;
    }
    for (const object of docs) {
      const label = `${file}: ${object.kind}/${object.metadata?.name}`;
      if (object.kind === 'Kustomization') continue;
      const Model = await modelFor(object.apiVersion, object.kind);
      if (!Model) {
        bad(label, `unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
        continue;
      }
      try {
        new Model(object).validate();
        ok(`${label} matches the ${object.apiVersion} ${object.kind} schema`);
      } catch (error) {
        bad(label, error.message);
      }
      if (object.metadata?.namespace) bad(label, 'manifests stay namespace-less (the namespace is chosen at apply time)');
      objects.push({ file, object });
    }
  }
  return objects;
}

function checkKustomization(files) {
  const [kustomization] = loadDocuments('kustomization.yaml');
  const listed = kustomization.resources ?? [];
  for (const resource of listed) {
    expect(existsSync(join(dir, resource)), `kustomization resource ${resource} exists`);
  }
  for (const file of files) {
    if (file === 'kustomization.yaml' || file === 'secret.example.yaml') continue;
    expect(listed.includes(file), `${file} is listed in kustomization.yaml`);
  }
  expect(!listed.includes('secret.example.yaml'), 'the secret example is never deployed by kustomize');
  return kustomization;
}

const matches = (selector = {}, labels = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

function podSpecs(objects) {
  const specs = [];
  for (const { object } of objects) {
    if (object.kind === 'Deployment') specs.push({ name: object.metadata.name, pod: object.spec.template, owner: object });
    if (object.kind === 'CronJob') specs.push({ name: object.metadata.name, pod: object.spec.jobTemplate.spec.template, owner: object });
  }
  return specs;
}

function checkWiring(objects, kustomization) {
  const named = (kind) => new Map(objects.filter(({ object }) => object.kind === kind).map(({ object }) => [object.metadata.name, object]));
  const deployments = named('Deployment');
  const services = named('Service');
  const configMaps = named('ConfigMap');
  const secrets = named('Secret');
  const claims = named('PersistentVolumeClaim');
  const mappedImages = new Set((kustomization.images ?? []).map((image) => image.name));

  for (const [name, deployment] of deployments) {
    expect(matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels),
      `Deployment ${name}: selector matches its pod labels`);
  }
  for (const [name, service] of services) {
    const targets = [...deployments.values()].filter((d) => matches(service.spec.selector, d.spec.template.metadata.labels));
    expect(targets.length === 1, `Service ${name} selects exactly one Deployment`, `selects ${targets.length}`);
    for (const port of service.spec.ports) {
      if (typeof port.targetPort !== 'string' || !targets[0]) continue;
      const declared = targets[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []).map((p) => p.name);
      expect(declared.includes(port.targetPort), `Service ${name}: targetPort ${port.targetPort} is a declared container port`);
    }
  }
  for (const { object } of objects.filter(({ object }) => object.kind === 'Ingress')) {
    for (const rule of object.spec.rules ?? []) {
      for (const path of rule.http.paths) {
        const { name, port } = path.backend.service;
        const service = services.get(name);
        expect(service && service.spec.ports.some((p) => p.name === port.name || p.port === port.number),
          `Ingress ${object.metadata.name}: backend ${name}:${port.name ?? port.number} exists`);
      }
    }
    const hosts = (object.spec.rules ?? []).map((r) => r.host);
    expect(hosts.every((h) => (object.spec.tls ?? []).some((t) => t.hosts.includes(h))), `Ingress ${object.metadata.name}: every host has TLS`);
    expect(Boolean(object.metadata.annotations?.['cert-manager.io/cluster-issuer'] || object.metadata.annotations?.['cert-manager.io/issuer']),
      `Ingress ${object.metadata.name}: cert-manager issues its certificate`);
  }
  for (const { name, pod, owner } of podSpecs(objects)) {
    for (const container of pod.spec.containers) {
      const where = `${owner.kind} ${name}/${container.name}`;
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) expect(configMaps.has(source.configMapRef.name), `${where}: ConfigMap ${source.configMapRef.name} exists`);
        if (source.secretRef) expect(secrets.has(source.secretRef.name), `${where}: Secret ${source.secretRef.name} is described by secret.example.yaml`);
      }
      for (const variable of container.env ?? []) {
        const cm = variable.valueFrom?.configMapKeyRef;
        const sk = variable.valueFrom?.secretKeyRef;
        if (cm) expect(configMaps.get(cm.name)?.data?.[cm.key] !== undefined, `${where}: ${variable.name} from ConfigMap ${cm.name}.${cm.key}`);
        if (sk) expect(secrets.get(sk.name)?.stringData?.[sk.key] !== undefined, `${where}: ${variable.name} from Secret ${sk.name}.${sk.key}`);
      }
      const ports = (container.ports ?? []).map((p) => p.name);
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const port = container[probe]?.httpGet?.port;
        if (typeof port === 'string') expect(ports.includes(port), `${where}: ${probe} uses declared port ${port}`);
      }
      if (owner.kind === 'Deployment') {
        expect(Boolean(container.resources?.requests && container.resources?.limits?.memory), `${where}: has resource requests and a memory limit`);
        expect(Boolean(container.readinessProbe && container.livenessProbe), `${where}: has readiness and liveness probes`);
        expect(mappedImages.has(container.image), `${where}: image ${container.image} is set in kustomization.yaml images`);
      }
    }
    for (const volume of pod.spec.volumes ?? []) {
      if (volume.persistentVolumeClaim) expect(claims.has(volume.persistentVolumeClaim.claimName), `${owner.kind} ${name}: PVC ${volume.persistentVolumeClaim.claimName} exists`);
    }
  }
  const backend = deployments.get('guichet-backend');
  if (backend) {
    const container = backend.spec.template.spec.containers[0];
    expect(backend.spec.template.spec.securityContext?.runAsNonRoot === true, 'guichet-backend runs as non-root');
    expect(container.readinessProbe?.httpGet?.path === '/health/readiness', 'guichet-backend readiness probe is /health/readiness');
    expect(container.livenessProbe?.httpGet?.path === '/health/liveness', 'guichet-backend liveness probe is /health/liveness');
  } else {
    bad('a Deployment named guichet-backend exists');
  }
}

const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const objects = await validateSchemas(files);
const kustomization = checkKustomization(files);
checkWiring(objects, kustomization);
console.log(failures === 0 ? 'all Kubernetes checks passed' : `${failures} Kubernetes check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
