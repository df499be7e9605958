import { randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { isDuplicateKeyError, type Connection } from '@pandawa/mongo';
import type { mongo } from 'mongoose';
import type { OfficerAccount, OfficerRole } from '../../domain/officer-account.js';

export const ACCOUNT_COLLECTION = 'officer_accounts';
export const USERNAME_COLLECTION = 'officer_usernames';

interface AccountDoc {
  _id: string;
  username: string;
  displayName: string;
  officeId: string;
  role: OfficerRole;
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** `username → account id`: makes sign-in an `_id` lookup and usernames unique on both stores. */
interface UsernameDoc {
  _id: string;
  accountId: string;
}

const toAccount = (doc: AccountDoc): OfficerAccount => ({
  id: doc._id,
  username: doc.username,
  displayName: doc.displayName,
  officeId: doc.officeId,
  role: doc.role,
  disabled: doc.disabled,
  createdAt: doc.createdAt,
});

/**
 * Officer accounts in `pandawa_gateway`. Reads are by `_id` only (an account, a username's
 * shortcut): the one filter FerretDB v1 answers without decoding the collection.
 */
export class AccountRepository {
  private readonly accounts: mongo.Collection<AccountDoc>;
  private readonly usernames: mongo.Collection<UsernameDoc>;

  constructor(connection: Connection) {
    this.accounts = connection.collection<AccountDoc>(
      ACCOUNT_COLLECTION,
    ) as unknown as mongo.Collection<AccountDoc>;
    this.usernames = connection.collection<UsernameDoc>(
      USERNAME_COLLECTION,
    ) as unknown as mongo.Collection<UsernameDoc>;
  }

  async create(input: {
    username: string;
    displayName: string;
    officeId: string;
    role: OfficerRole;
    passwordHash: string;
  }): Promise<OfficerAccount> {
    const id = randomUUID();
    // The username shortcut first: its unique `_id` is what refuses a second account.
    try {
      await this.usernames.insertOne({ _id: input.username, accountId: id });
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new AppError('ALREADY_EXISTS', 'that username is taken', {
          reason: 'USERNAME_TAKEN',
        });
      throw error;
    }
    const now = new Date();
    const doc: AccountDoc = { _id: id, ...input, disabled: false, createdAt: now, updatedAt: now };
    await this.accounts.insertOne(doc);
    return toAccount(doc);
  }

  async byId(id: string): Promise<OfficerAccount | undefined> {
    const doc = await this.accounts.findOne({ _id: id });
    return doc ? toAccount(doc) : undefined;
  }

  /** The account and its hash, for sign-in only. */
  async credentialsOf(
    username: string,
  ): Promise<{ account: OfficerAccount; passwordHash: string } | undefined> {
    const ref = await this.usernames.findOne({ _id: username });
    if (!ref) return undefined;
    const doc = await this.accounts.findOne({ _id: ref.accountId });
    return doc ? { account: toAccount(doc), passwordHash: doc.passwordHash } : undefined;
  }

  /**
   * Every account of an office, by username. A filtered read: a scan on FerretDB v1, fine for
   * the tens of officers an office has (the `office_username` index serves it on MongoDB).
   */
  async listOffice(officeId: string, after: string, limit: number): Promise<OfficerAccount[]> {
    const docs = await this.accounts
      .find({ officeId, ...(after ? { username: { $gt: after } } : {}) })
      .sort({ username: 1 })
      .limit(limit)
      .toArray();
    return docs.map(toAccount);
  }

  /** Whether the office has an admin (each office's first one comes from the bootstrap command). */
  async anyAdmin(officeId: string): Promise<boolean> {
    return (await this.accounts.findOne({ officeId, role: 'admin' })) !== null;
  }

  async update(
    id: string,
    change: Partial<Pick<AccountDoc, 'disabled' | 'role' | 'displayName' | 'passwordHash'>>,
  ): Promise<OfficerAccount | undefined> {
    await this.accounts.updateOne({ _id: id }, { $set: { ...change, updatedAt: new Date() } });
    return this.byId(id);
  }

  async ensureIndexes(): Promise<void> {
    // ListAccounts: an office's accounts by username.
    await this.accounts.createIndex({ officeId: 1, username: 1 }, { name: 'office_username' });
  }
}
