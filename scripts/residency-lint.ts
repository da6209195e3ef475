import { checkEndpoint, ResidencyViolation } from '../platform/residency';

/** Hosts outside Yandex Cloud that deployment files may name, and why. */
const allowedHosts: Record<string, string> = {
  'api.telegram.org': 'the chatbot channel, which carries no health data (platform/residency.ts)',
};
/** Our own placeholder domain in the contract's examples and problem types. */
const ownDomain = /(^|\.)telemed\.example\.ru$/;

/**
 * Regions, zones and hosts in a deployment file that would put data outside Russia:
 * `kz1`, retired or foreign zones, other clouds' regions, and URLs whose host is not a
 * Yandex Cloud host.
 */
export function foreignLocations(file: string, text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    // Comments and the prose of descriptions and validations may name a region in order to refuse it.
    if (/^\s*(#|\/\/|--)/.test(line) || /^\s*(description|error_message|condition|summary)\s*[=:]/.test(line))
      return;
    if (/\bkz1(-[a-z])?\b|yandexcloud\.kz/.test(line)) problems.push(`${where}: Kazakhstan region`);
    if (/ru-central1-c\b/.test(line)) problems.push(`${where}: zone ru-central1-c is retired; use a, b or d`);
    const region = line.match(
      /\b(us|eu|ap|sa|ca|me|af)-(east|west|north|south|central|northeast|southeast)-\d\b/,
    );
    if (region) problems.push(`${where}: foreign region ${region[0]}`);
    for (const [, url] of line.matchAll(/(https?:\/\/[^\s'"`)}\]]+)/g)) {
      const host = new URL(url as string).hostname;
      if (allowedHosts[host] || ownDomain.test(host)) continue;
      try {
        checkEndpoint(where, url as string, false);
      } catch (error) {
        if (!(error instanceof ResidencyViolation)) throw error;
        problems.push(`${where}: ${error.reason.split(';')[0]}`);
      }
    }
  });
  return problems;
}
