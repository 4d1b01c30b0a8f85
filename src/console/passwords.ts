/** The shortest password an admin may have. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

// argon2id (the library's default algorithm) at OWASP's baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The ~49,000 most common leaked passwords (zxcvbn's list), lowercased. Loaded on first use:
 * the server and most commands never need it.
 */
let common: Promise<Set<string>> | undefined;
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())),
  );
  return common;
}

/**
 * Why a password may not be used, or undefined when it may. Offline: the list of common
 * passwords ships with the package, nothing is asked of any service.
 */
export async function passwordProblem(password: string): Promise<string | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `the password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower) || /^(.)\1*$/.test(password)) {
    return 'the password is one of the most common ones; choose another';
  }
  return undefined;
}

// The native binding loads on first use: most commands and requests never need it.
const argon2 = () => import('@node-rs/argon2');

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, ARGON2);
}

/**
 * Whether `password` matches; false, never an exception, for a hash that does not parse.
 * Without a hash (an unknown email) a dummy hash is verified, so the answer takes as long.
 */
export async function verifyPassword(password: string, passwordHash?: string): Promise<boolean> {
  const target = passwordHash ?? (await dummyHash());
  try {
    return (await (await argon2()).verify(target, password)) && passwordHash !== undefined;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('otpd dummy password for unknown emails');
  return dummy;
}
