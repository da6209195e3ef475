import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../local/registry';
import { settingsNotGiven, settingsOfFunctions } from '../../scripts/function-settings';
import { projectRoot } from '../support/test-cloud';

describe("each function's settings are those of the modules it bundles", () => {
  const environments = () =>
    new Map(loadRegistry(projectRoot).functions.map((fn) => [fn.name, { ...fn.environment }]));

  it('finds in each bundle the settings of the modules it reaches, and only those', async () => {
    // Act
    const groups = await settingsOfFunctions(projectRoot);
    const owners = (name: string) => groups.get(name)?.map((group) => group.owner);
    // Assess
    expect(owners('health')).toEqual(['health', 'platform']);
    expect(owners('notifications')).toEqual(['notifications', 'platform']);
    expect(owners('escalation-watch')).toEqual(['escalations', 'notifications', 'platform']);
    expect(owners('chatbot')).toEqual(expect.arrayContaining(['booking', 'chatbot', 'platform']));
    expect(owners('triage')).not.toContain('chatbot');
  });

  it('gives every function in serverless.yml what its modules need in the cloud', async () => {
    // Act
    const missing = settingsNotGiven(environments(), await settingsOfFunctions(projectRoot));
    // Assess
    expect(missing).toEqual([]);
  });

  it('reports a function that sends by Telegram but is not given the bot token', async () => {
    // Prepare
    const given = environments();
    delete given.get('escalation-watch')?.TELEGRAM_BOT_TOKEN;
    // Act
    const missing = settingsNotGiven(given, await settingsOfFunctions(projectRoot));
    // Assess
    expect(missing).toEqual([
      'escalation-watch: TELEGRAM_BOT_TOKEN is needed in the cloud by notifications but serverless.yml does not give it',
    ]);
  });
});
