/**
 * Compile-time checks that a zod request schema and the type generated from
 * contracts/openapi.yaml describe the same shape: `npm run lint` fails when they drift.
 */
export type Equivalent<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type AssertTrue<T extends true> = T;
