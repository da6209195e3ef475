import type { Row, Tables } from '../../../storage/port';
import { applyEntry, type Balance, type EntryKind, emptyBalance, type Settlement } from '../domain/ledger';
import type { SponsoredVisit, VisitStatus } from '../domain/sponsor';

export interface Account extends Balance {
  id: string;
  ownerId: string;
  tenantId: string;
  entries: number;
}

export interface Reservation {
  accountId: string;
  appointmentId: string;
  expiresAt: number | null;
}

export interface Entry {
  accountId: string;
  seq: number;
  at: number;
  kind: EntryKind;
  units: number;
  appointmentId: string | null;
  reason: string | null;
}

/**
 * Entitlement accounts, their open reservations, the append-only ledger, and the visits
 * sponsors pay for. Every change to an account appends its entry and rewrites its balance
 * row in the same transaction (see storage/sponsor-schema.ts for why that row matters).
 */
export class EntitlementLedger {
  constructor(private readonly tables: Tables) {}

  async open(account: { id: string; ownerId: string; tenantId: string; granted: number }, now: number) {
    await this.tables.insert('entitlement_accounts', {
      id: account.id,
      owner_id: account.ownerId,
      tenant_id: account.tenantId,
      granted: 0,
      reserved: 0,
      consumed: 0,
      forfeited: 0,
      entries: 0,
      updated_at: now,
    });
    const opened = { ...account, ...emptyBalance, entries: 0 };
    await this.post(opened, 'grant', account.granted, null, null, now);
  }

  async account(id: string): Promise<Account | undefined> {
    const row = await this.tables.get('entitlement_accounts', { id });
    return row ? toAccount(row) : undefined;
  }

  async accountsOf(ownerId: string): Promise<Account[]> {
    return (await this.tables.find('entitlement_accounts', { where: { owner_id: ownerId } })).map(toAccount);
  }

  async reservations(accountId: string): Promise<Reservation[]> {
    const rows = await this.tables.find('entitlement_reservations', { where: { account_id: accountId } });
    return rows.map((row) => ({
      accountId: String(row.account_id),
      appointmentId: String(row.appointment_id),
      expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    }));
  }

  async reserve(
    account: Account,
    appointmentId: string,
    expiresAt: number | null,
    now: number,
  ): Promise<void> {
    await this.tables.insert('entitlement_reservations', {
      account_id: account.id,
      appointment_id: appointmentId,
      expires_at: expiresAt,
      created_at: now,
    });
    await this.post(account, 'reserve', 1, appointmentId, null, now);
  }

  /** Returns false when the appointment holds no reservation on the account. */
  async keep(accountId: string, appointmentId: string): Promise<boolean> {
    return this.tables.update(
      'entitlement_reservations',
      { account_id: accountId, appointment_id: appointmentId },
      { expires_at: null },
    );
  }

  /** Ends a reservation; a no-op when it was already settled. */
  async settle(accountId: string, appointmentId: string, kind: Settlement, reason: string, now: number) {
    const removed = await this.tables.remove('entitlement_reservations', {
      account_id: accountId,
      appointment_id: appointmentId,
    });
    const account = removed ? await this.account(accountId) : undefined;
    if (account) await this.post(account, kind, 1, appointmentId, reason, now);
  }

  async entries(accountId: string): Promise<Entry[]> {
    const rows = await this.tables.find('entitlement_ledger', {
      where: { account_id: accountId },
      orderBy: [{ column: 'seq' }],
    });
    return rows.map((row) => ({
      accountId: String(row.account_id),
      seq: Number(row.seq),
      at: Number(row.at),
      kind: row.kind as EntryKind,
      units: Number(row.units),
      appointmentId: row.appointment_id === null ? null : String(row.appointment_id),
      reason: row.reason === null ? null : String(row.reason),
    }));
  }

  async addVisit(visit: SponsoredVisit): Promise<void> {
    await this.tables.insert('sponsored_visits', visitRow(visit));
  }

  async visit(appointmentId: string): Promise<SponsoredVisit | undefined> {
    const row = await this.tables.get('sponsored_visits', { appointment_id: appointmentId });
    return row ? toVisit(row) : undefined;
  }

  async setVisitStatus(appointmentId: string, status: VisitStatus, now: number): Promise<void> {
    await this.tables.update(
      'sponsored_visits',
      { appointment_id: appointmentId },
      { status, settled_at: status === 'reserved' ? null : now },
    );
  }

  /** A rescheduled visit: its new start, and the accounts it now draws on. */
  async moveVisit(appointmentId: string, start: number, accountIds: string[]): Promise<void> {
    await this.tables.update(
      'sponsored_visits',
      { appointment_id: appointmentId },
      { start_at: start, account_ids: accountIds },
    );
  }

  /** A sponsor's visits starting in [from, to), oldest first. */
  async visitsOfTenant(tenantId: string, from: number, to: number): Promise<SponsoredVisit[]> {
    const rows = await this.tables.find('sponsored_visits', {
      where: { tenant_id: tenantId },
      range: { column: 'start_at', from, to },
      orderBy: [{ column: 'start_at' }],
    });
    return rows.map(toVisit);
  }

  async visitsOfPayer(payerId: string): Promise<SponsoredVisit[]> {
    const rows = await this.tables.find('sponsored_visits', {
      where: { payer_id: payerId },
      orderBy: [{ column: 'start_at' }],
    });
    return rows.map(toVisit);
  }

  /** Appends the entry, numbered in the account's sequence, and writes the balance it leads to. */
  private async post(
    account: Account,
    kind: EntryKind,
    units: number,
    appointmentId: string | null,
    reason: string | null,
    now: number,
  ): Promise<void> {
    await this.tables.insert('entitlement_ledger', {
      account_id: account.id,
      seq: account.entries + 1,
      at: now,
      kind,
      units,
      appointment_id: appointmentId,
      reason,
    });
    const next = { ...account, ...applyEntry(account, kind, units), entries: account.entries + 1 };
    await this.tables.update(
      'entitlement_accounts',
      { id: account.id },
      {
        granted: next.granted,
        reserved: next.reserved,
        consumed: next.consumed,
        forfeited: next.forfeited,
        entries: next.entries,
        updated_at: now,
      },
    );
  }
}

function toAccount(row: Row): Account {
  return {
    id: String(row.id),
    ownerId: String(row.owner_id),
    tenantId: String(row.tenant_id),
    granted: Number(row.granted),
    reserved: Number(row.reserved),
    consumed: Number(row.consumed),
    forfeited: Number(row.forfeited),
    entries: Number(row.entries),
  };
}

function visitRow(v: SponsoredVisit): Row {
  return {
    appointment_id: v.appointmentId,
    payer_type: v.payerType,
    payer_id: v.payerId,
    tenant_id: v.tenantId,
    account_ids: v.accountIds,
    patient_id: v.patientId,
    clinic_id: v.clinicId,
    specialty: v.specialty,
    format: v.format,
    service_name: v.serviceName,
    price_kopecks: v.priceKopecks,
    start_at: v.start,
    forfeit_late_cancellation: v.forfeitLateCancellation,
    forfeit_no_show: v.forfeitNoShow,
    status: v.status,
    created_at: v.createdAt,
    settled_at: v.settledAt,
  };
}

function toVisit(row: Row): SponsoredVisit {
  return {
    appointmentId: String(row.appointment_id),
    payerType: row.payer_type as SponsoredVisit['payerType'],
    payerId: String(row.payer_id),
    tenantId: String(row.tenant_id),
    accountIds: row.account_ids as string[],
    patientId: String(row.patient_id),
    clinicId: String(row.clinic_id),
    specialty: row.specialty as SponsoredVisit['specialty'],
    format: row.format as SponsoredVisit['format'],
    serviceName: String(row.service_name),
    priceKopecks: Number(row.price_kopecks),
    start: Number(row.start_at),
    forfeitLateCancellation: Boolean(row.forfeit_late_cancellation),
    forfeitNoShow: Boolean(row.forfeit_no_show),
    status: row.status as VisitStatus,
    createdAt: Number(row.created_at),
    settledAt: row.settled_at === null ? null : Number(row.settled_at),
  };
}
