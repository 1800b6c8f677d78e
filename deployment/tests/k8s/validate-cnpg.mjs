// Validates Guichet's CloudNativePG manifests (deployment/kubernetes/cloudnative-pg) offline.
//
// Usage: node validate-cnpg.mjs DIR
// No CRD schema package for CloudNativePG is published on npm, so this checks, by hand, the part
// of the postgresql.cnpg.io/v1 API (Cluster, ScheduledBackup, Pooler) these manifests use, as the
// operator's CRDs define it: known fields with the right types, a pinned image, a six-field cron,
// a retention policy of the form <n>d|w|m, s3:// destinations, credentials that name the example
// secret's keys, ScheduledBackup and Pooler pointing at the Cluster, PgBouncer in transaction mode,
// and a kustomization listing every manifest but the examples.
// Prints one line per check ("ok …" / "FAIL …"); exit status 0 when all pass, 1 otherwise.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const dir = process.argv[2];
let failures = 0;
const expect = (condition, what, why = '') => {
  if (condition) console.log(`ok   ${what}`);
  else { failures++; console.log(`FAIL ${what}${why ? `: ${why}` : ''}`); }
};

const objects = [];
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
    expect(doc.errors.length === 0, `${file} parses as YAML`, doc.errors[0]?.message);
    const object = doc.toJS();
    if (object) objects.push({ file, object });
  }
}

// Allowed keys per path (subset of the CRDs of CloudNativePG 1.25+).
const allowed = {
  'Cluster.spec': ['instances', 'imageName', 'primaryUpdateStrategy', 'enableSuperuserAccess', 'bootstrap', 'postgresql',
    'storage', 'walStorage', 'affinity', 'resources', 'monitoring', 'backup', 'externalClusters'],
  'Cluster.spec.backup': ['retentionPolicy', 'barmanObjectStore', 'target', 'volumeSnapshot'],
  'barmanObjectStore': ['destinationPath', 'endpointURL', 's3Credentials', 'wal', 'data', 'serverName', 'endpointCA'],
  'wal': ['compression', 'encryption', 'maxParallel'],
  'data': ['compression', 'encryption', 'jobs', 'immediateCheckpoint'],
  'ScheduledBackup.spec': ['schedule', 'backupOwnerReference', 'immediate', 'target', 'method', 'cluster', 'suspend'],
  'Pooler.spec': ['cluster', 'instances', 'type', 'pgbouncer', 'template'],
};
const onlyKnown = (obj, key, label) => {
  const unknown = Object.keys(obj ?? {}).filter((k) => !allowed[key].includes(k));
  expect(unknown.length === 0, `${label}: only known fields`, `unknown: ${unknown.join(', ')}`);
};
const checkStore = (store, label) => {
  onlyKnown(store, 'barmanObjectStore', label);
  expect(/^s3:\/\/[a-z0-9.-]+\//.test(store?.destinationPath ?? ''), `${label}: destinationPath is s3://bucket/path`);
  expect(/^https:\/\//.test(store?.endpointURL ?? ''), `${label}: endpointURL is https`);
  const creds = store?.s3Credentials ?? {};
  expect(creds.accessKeyId?.name === 'guichet-db-backup-s3' && creds.secretAccessKey?.name === 'guichet-db-backup-s3'
    && creds.accessKeyId?.key === 'ACCESS_KEY_ID' && creds.secretAccessKey?.key === 'ACCESS_SECRET_KEY',
    `${label}: credentials name the keys of backup-s3-secret.example.yaml`);
  if (store?.wal) onlyKnown(store.wal, 'wal', `${label}.wal`);
  if (store?.data) onlyKnown(store.data, 'data', `${label}.data`);
  for (const part of [store?.wal, store?.data].filter(Boolean)) {
    if (part.compression) expect(['gzip', 'bzip2', 'snappy', 'lz4', 'xz', 'zstd'].includes(part.compression), `${label}: compression is known`);
    if (part.encryption) expect(['AES256', 'aws:kms'].includes(part.encryption), `${label}: encryption is AES256 or aws:kms`);
  }
};

const byKind = (kind) => objects.filter(({ object }) => object.kind === kind);
for (const { file, object } of objects) {
  if (object.kind === 'Kustomization' || object.kind === 'Secret') continue;
  expect(object.apiVersion === 'postgresql.cnpg.io/v1', `${file}: apiVersion postgresql.cnpg.io/v1`, object.apiVersion);
  expect(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(object.metadata?.name ?? ''), `${file}: metadata.name is a DNS label`);
}
const clusters = byKind('Cluster');
const main = clusters.find(({ file }) => file === 'cluster.yaml')?.object;
expect(main, 'cluster.yaml holds a Cluster');
for (const { file, object: c } of clusters) {
  const s = c.spec ?? {};
  onlyKnown(s, 'Cluster.spec', `${file} spec`);
  expect(Number.isInteger(s.instances) && s.instances >= 1, `${file}: instances is a positive integer`);
  expect(/^[^:]+:\d+(\.\d+)+$/.test(s.imageName ?? ''), `${file}: imageName pinned to a PostgreSQL version`, s.imageName);
  expect(/^\d+(Mi|Gi|Ti)$/.test(s.storage?.size ?? ''), `${file}: storage.size is a quantity`);
  const boots = Object.keys(s.bootstrap ?? {});
  expect(boots.length === 1 && ['initdb', 'recovery', 'pg_basebackup'].includes(boots[0]), `${file}: exactly one bootstrap method`, boots.join());
  if (s.backup) {
    onlyKnown(s.backup, 'Cluster.spec.backup', `${file} backup`);
    expect(/^[1-9][0-9]*[dwm]$/.test(s.backup.retentionPolicy ?? ''), `${file}: retentionPolicy like 14d`, s.backup.retentionPolicy);
    checkStore(s.backup.barmanObjectStore, `${file} backup.barmanObjectStore`);
  }
  if (s.bootstrap?.recovery) {
    const r = s.bootstrap.recovery;
    const source = (s.externalClusters ?? []).find((e) => e.name === r.source);
    expect(source, `${file}: recovery.source names an externalCluster`);
    if (source) checkStore(source.barmanObjectStore, `${file} externalClusters[${r.source}]`);
    expect(!Number.isNaN(Date.parse(r.recoveryTarget?.targetTime ?? '')), `${file}: recoveryTarget.targetTime is a timestamp`);
    expect(source?.barmanObjectStore?.destinationPath === main?.spec?.backup?.barmanObjectStore?.destinationPath,
      `${file}: restores from the archive cluster.yaml writes to`);
  }
}
expect(main?.spec?.backup, 'cluster.yaml archives WAL and keeps base backups (spec.backup)');
expect(main?.spec?.instances >= 2, 'cluster.yaml has at least one replica for automatic failover');
for (const { file, object: b } of byKind('ScheduledBackup')) {
  onlyKnown(b.spec, 'ScheduledBackup.spec', `${file} spec`);
  const fields = String(b.spec?.schedule ?? '').trim().split(/\s+/);
  expect(fields.length === 6 && fields.every((f) => /^[0-9*,/-]+$/.test(f)), `${file}: schedule is a six-field cron (seconds first)`, b.spec?.schedule);
  expect(b.spec?.cluster?.name === main?.metadata?.name, `${file}: backs up the Cluster of cluster.yaml`);
  expect(['barmanObjectStore', 'volumeSnapshot', 'plugin'].includes(b.spec?.method), `${file}: method is known`);
}
expect(byKind('ScheduledBackup').length >= 1, 'a ScheduledBackup takes base backups');
for (const { file, object: p } of byKind('Pooler')) {
  onlyKnown(p.spec, 'Pooler.spec', `${file} spec`);
  expect(p.spec?.cluster?.name === main?.metadata?.name, `${file}: pools the Cluster of cluster.yaml`);
  expect(['rw', 'ro'].includes(p.spec?.type), `${file}: type rw or ro`);
  expect(p.spec?.pgbouncer?.poolMode === 'transaction', `${file}: PgBouncer in transaction mode`);
  expect(Object.values(p.spec?.pgbouncer?.parameters ?? {}).every((v) => typeof v === 'string'), `${file}: PgBouncer parameters are strings`);
}
const kustomization = objects.find(({ object }) => object.kind === 'Kustomization')?.object;
const expected = files.filter((f) => f !== 'kustomization.yaml' && !f.includes('.example.')).sort();
expect(JSON.stringify([...(kustomization?.resources ?? [])].sort()) === JSON.stringify(expected),
  'kustomization.yaml lists every manifest but the examples', `${kustomization?.resources} vs ${expected}`);
const secret = objects.find(({ file }) => file === 'backup-s3-secret.example.yaml')?.object;
expect(secret?.kind === 'Secret' && secret.metadata?.name === 'guichet-db-backup-s3'
  && 'ACCESS_KEY_ID' in (secret.stringData ?? {}) && 'ACCESS_SECRET_KEY' in (secret.stringData ?? {}),
  'backup-s3-secret.example.yaml defines the keys the Cluster reads');
process.exit(failures ? 1 : 0);
