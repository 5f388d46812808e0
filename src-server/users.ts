// Creating users: shared by the CLI and the tests' helpers.
import { newApiToken, newId, hashApiToken } from './ids';
import type { Store, UserRecord } from './store/store';

export interface NewUser {
  email: string;
  name?: string | undefined;
  admin?: boolean | undefined;
}

/** Creates the user and returns its API token, which exists nowhere else afterwards. */
export function addUser(store: Store, input: NewUser): UserRecord & { token: string } {
  const email = input.email.trim().toLowerCase();
  const user: UserRecord = {
    id: newId(),
    email,
    name: input.name?.trim() || (email.split('@')[0] ?? email),
    admin: input.admin ?? false,
  };
  const token = newApiToken();
  store.createUser(user, hashApiToken(token));
  return { ...user, token };
}
