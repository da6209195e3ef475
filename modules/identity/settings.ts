import { defineSettings, setting } from '../../platform/settings';
import type { Trust } from './domain/verified-claims';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Identity assurance: whose verification claims count, and which register vouches for doctors. */
export const identitySettings = defineSettings(
  'identity',
  {
    /**
     * Token issuers (`iss`, comma-separated) whose `verified_claims` verify a person: the OIDC
     * provider in front of ESIA the operator runs or contracts. Empty: nobody is verified.
     */
    IDENTITY_TRUSTED_ISSUERS: setting.optionalText(0, 2000),
    /**
     * Trust frameworks accepted from those issuers, comma-separated, each `framework:level` when
     * `verification.assurance_level` must be that level (ESIA's confirmed account), or `framework`.
     */
    IDENTITY_TRUST_FRAMEWORKS: setting.matchingOr(
      /^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?(,[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?)*$/,
      'framework[:level] items, comma-separated',
      'ru_esia:confirmed',
    ),
    /**
     * The federal register of medical workers: `frmr` (the ЕГИСЗ adapter, README "Identity
     * assurance") or `local`, a stand-in reading the module's own list, for development only.
     */
    MEDICAL_REGISTER: setting.oneOf(['frmr', 'local'], 'frmr'),
  },
  {
    check: (env, { cloud, fail }) => {
      if (cloud && env.MEDICAL_REGISTER === 'local')
        fail('MEDICAL_REGISTER', 'the local register stand-in is for APP_ENV=local or test');
    },
  },
);

/** Whose verification claims count, from this function's settings. */
export function trust(): Trust {
  const settings = identitySettings();
  return {
    issuers: list(settings.IDENTITY_TRUSTED_ISSUERS),
    frameworks: new Map(
      list(settings.IDENTITY_TRUST_FRAMEWORKS).map((item) => {
        const [framework, level] = item.split(':');
        return [framework as string, level ?? null];
      }),
    ),
  };
}
