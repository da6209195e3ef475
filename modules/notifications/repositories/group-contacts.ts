import type { Row, Tables } from '../../../storage/port';
import type { ChannelName } from '../channel-policy';

/** The groups of a clinic messages are addressed to: its on-call clinician and its admins. */
export const contactGroups = ['duty', 'clinic_admin'] as const;
export type ContactGroup = (typeof contactGroups)[number];

/** How a clinic's group is reached, as its admin keeps it (PUT /v1/on-call/contacts). */
export interface GroupContact {
  phone: string | null;
  email: string | null;
  telegramChatId: string | null;
  channels: Extract<ChannelName, 'sms' | 'email' | 'telegram'>[];
}

/** The recipient a message names for a clinic's group, as logs and escalation steps show it. */
export const groupAddress = (group: ContactGroup, tenantId: string) => `${group}:${tenantId}`;

/** The group a recipient names, or undefined for a person. */
export function groupOf(recipientId: string): { group: ContactGroup; tenantId: string } | undefined {
  const colon = recipientId.indexOf(':');
  const group = recipientId.slice(0, colon) as ContactGroup;
  if (colon < 1 || !contactGroups.includes(group)) return undefined;
  return { group, tenantId: recipientId.slice(colon + 1) };
}

/**
 * Clinics' group contacts, in a table of their own (issue 19): personal notification settings
 * are keyed by a token's subject, and no subject, whatever it spells, reaches these rows. Only
 * a clinic admin writes them, for the clinic their token names.
 */
export class GroupContacts {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async get(tenantId: string, group: ContactGroup): Promise<GroupContact | undefined> {
    const row = await this.tables.get('group_contacts', { tenant_id: tenantId, contact_group: group });
    return row ? toContact(row) : undefined;
  }

  async save(tenantId: string, group: ContactGroup, contact: GroupContact): Promise<void> {
    await this.tables.upsert('group_contacts', {
      tenant_id: tenantId,
      contact_group: group,
      phone: contact.phone,
      email: contact.email,
      telegram_chat_id: contact.telegramChatId,
      channels: contact.channels,
      updated_at: this.now(),
    });
  }
}

function toContact(row: Row): GroupContact {
  return {
    phone: row.phone === null ? null : String(row.phone),
    email: row.email === null ? null : String(row.email),
    telegramChatId: row.telegram_chat_id === null ? null : String(row.telegram_chat_id),
    channels: row.channels as GroupContact['channels'],
  };
}
