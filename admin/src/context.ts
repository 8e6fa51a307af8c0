import { createContext, useContext } from 'react';
import type { AccountSummary } from '../../src/shared/accounts';

export interface AccountContextValue {
  account: AccountSummary;
  /** Loads the account again (after its locales or plan changed). */
  refresh: () => void;
}

export const AccountContext = createContext<AccountContextValue | null>(null);

/** The account being worked on, with the signed-in user's role in it. */
export function useAccount(): AccountContextValue {
  const value = useContext(AccountContext);
  if (!value) throw new Error('useAccount outside an account');
  return value;
}

/** True inside a form the user may not change (viewers): editors that are not form controls honour it. */
export const ReadOnlyContext = createContext(false);
