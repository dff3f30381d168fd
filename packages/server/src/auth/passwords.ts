/** Password hashing with argon2id (@node-rs/argon2, OWASP's recommended parameters by default). */
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../errors.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export function checkPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN) throw invalid(`password: at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) throw invalid(`password: at most ${PASSWORD_MAX} characters`);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A valid hash to verify against when the e-mail is unknown, so timing does not reveal accounts. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash('not-a-real-password-for-timing');
  return dummy;
}
