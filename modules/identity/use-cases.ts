import type { Caller } from '../../platform/identity';
import { inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { type Assurance, levelOf, type PartyKind, type RegisterCheck } from './domain/assurance';
import { type TokenVerification, verificationFromToken } from './domain/verified-claims';
import type { MedicalRegister, RegisterAnswer } from './register/port';
import { trust } from './settings';

/** The participant a caller is, if any: patients and doctors, by their token's subject. */
export function partyOf(caller: Caller): { kind: PartyKind; id: string } | undefined {
  if (caller.role === 'patient' || caller.role === 'doctor') return { kind: caller.role, id: caller.subject };
  return undefined;
}

/** What the caller's token verifies, if its issuer and framework are trusted. Reads no table. */
export function tokenVerificationOf(caller: Caller, now: number): TokenVerification | undefined {
  if (!partyOf(caller) || caller.verifiedClaims === undefined) return undefined;
  return verificationFromToken(caller.issuer, caller.verifiedClaims, trust(), now);
}

/**
 * Records, once, what the caller's token verified: the first request that carries trusted
 * claims writes them; later ones (with or without claims) change nothing. Inside the caller's
 * transaction, so racing first requests write one row.
 */
export async function recordTokenVerification(
  repos: Repositories,
  caller: Caller,
  token: TokenVerification | undefined,
  now: number,
): Promise<void> {
  const party = partyOf(caller);
  if (!party || !token) return;
  await repos.assurances.recordOnce(party.kind, party.id, { ...token.verification, recordedAt: now });
}

/**
 * The same in a transaction of its own, so a request refused afterwards keeps the verification
 * its token brought. Without trusted claims it reads nothing.
 */
export async function recordCallerVerification(caller: Caller, now: number): Promise<void> {
  const token = tokenVerificationOf(caller, now);
  if (token) await inTransaction((r) => recordTokenVerification(r, caller, token, now));
}

/**
 * A doctor's look-up in the register by the SNILS a state provider verified, unless the register
 * already holds them. Outside any transaction: it may call the register over the network.
 */
export async function lookUpDoctor(
  register: MedicalRegister,
  stored: RegisterCheck | null,
  token: TokenVerification | undefined,
  now: number,
): Promise<RegisterCheck | undefined> {
  if (stored?.found || !token?.snils) return undefined;
  return registerCheckFrom(register, await register.lookUp(token.snils), now);
}

/** What a register's answer records; an unavailable register records nothing. */
export function registerCheckFrom(
  register: MedicalRegister,
  answer: RegisterAnswer,
  now: number,
): RegisterCheck | undefined {
  if (answer.status === 'unavailable') return undefined;
  return {
    register: register.name,
    found: answer.status === 'found',
    entryId: answer.status === 'found' ? answer.entryId : null,
    checkedAt: now,
  };
}

/** A party's assurance as stored. */
export async function assuranceOf(repos: Repositories, kind: PartyKind, id: string): Promise<Assurance> {
  const verification = await repos.assurances.verificationOf(kind, id);
  const register = kind === 'doctor' ? await repos.assurances.registerCheckOf(id) : null;
  return { kind, id, level: levelOf(kind, verification, register), verification, register };
}
