import { identityApi } from '../../modules/identity';
import { entryPoint } from '../../platform/runtime';

/** HTTP: the caller's identity assurance, recorded from a trusted provider's verified claims. */
export const handler = entryPoint(identityApi);
