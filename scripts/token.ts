import { parseArgs } from 'node:util';
import { DevIdentity, devSnils, devVerifiedClaims } from '../local/dev-identity';
import { type Role, roles } from '../platform/roles';

/**
 * `npm run token -- --role patient [--sub ID] [--tenant ID] [--verified [--snils N]]`: a development
 * token on the last line; `--verified` adds the identity claims a state provider would have
 * verified (a doctor's SNILS is looked up in the local register stand-in).
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    tenant: { type: 'string' },
    ttl: { type: 'string', default: '43200' },
    verified: { type: 'boolean', default: false },
    snils: { type: 'string', default: devSnils },
  },
});

if (!values.role || !roles.includes(values.role as Role)) {
  console.error(`--role is required, one of: ${roles.join(', ')}`);
  process.exit(2);
}

async function main(role: Role) {
  // The same key `npm start` signs with: its data directory, DATA_DIR as it reads it.
  const dataDir = process.env.DATA_DIR ?? '.data';
  const identity = await DevIdentity.load(process.env.DEV_IDENTITY_PATH ?? `${dataDir}/dev-identity.json`);
  const token = await identity.issue({
    role,
    ...(values.sub ? { subject: values.sub } : {}),
    ...(values.tenant ? { tenant: values.tenant } : {}),
    ttlSeconds: Number(values.ttl),
    ...(values.verified ? { verifiedClaims: devVerifiedClaims(values.snils) } : {}),
  });
  console.error(
    `role=${role}${values.sub ? ` sub=${values.sub}` : ''}${values.tenant ? ` tenant=${values.tenant}` : ''}${values.verified ? ' verified' : ''}`,
  );
  console.log(token);
}

void main(values.role as Role);
