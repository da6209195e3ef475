/**
 * The entitlement ledger's arithmetic. An account's units sit in four buckets; each entry
 * moves units between "available" and them, so replaying the entries rebuilds the balance.
 */
export type EntryKind = 'grant' | 'reserve' | 'consume' | 'release' | 'forfeit';
export type Settlement = Extract<EntryKind, 'consume' | 'release' | 'forfeit'>;

export interface Balance {
  granted: number;
  reserved: number;
  consumed: number;
  forfeited: number;
}

export const emptyBalance: Balance = { granted: 0, reserved: 0, consumed: 0, forfeited: 0 };

export function applyEntry(balance: Balance, kind: EntryKind, units: number): Balance {
  switch (kind) {
    case 'grant':
      return { ...balance, granted: balance.granted + units };
    case 'reserve':
      return { ...balance, reserved: balance.reserved + units };
    case 'consume':
      return { ...balance, reserved: balance.reserved - units, consumed: balance.consumed + units };
    case 'release':
      return { ...balance, reserved: balance.reserved - units };
    case 'forfeit':
      return { ...balance, reserved: balance.reserved - units, forfeited: balance.forfeited + units };
  }
}

export function available(balance: Balance): number {
  return balance.granted - balance.reserved - balance.consumed - balance.forfeited;
}
