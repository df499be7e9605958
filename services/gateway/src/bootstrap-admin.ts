/**
 * Creates the first admin account of an office, once: `npm run bootstrap-admin -w
 * @pandawa/gateway -- <username> <officeId> "<display name>"`, the password from
 * ADMIN_BOOTSTRAP_PASSWORD (so it stays out of the shell history and `ps`). Refuses when the
 * office has an admin already: from then on its admins create accounts through the API. One
 * deployment serves several offices, so each office's first admin is made here.
 */
import { ConfigError } from '@pandawa/config';
import { connectMongo } from '@pandawa/mongo';
import { createLogger } from '@pandawa/logging';
import { createAccount } from './application/accounts/create-account.js';
import { loadBootstrapAdminConfig, loadGatewayConfig } from './config.js';
import { OFFICE_ID_PATTERN } from './domain/officer-account.js';
import { scryptHasher } from './domain/password.js';
import { AccountRepository } from './store/accounts/account.repository.js';

const config = loadGatewayConfig();
const logger = createLogger({ service: 'gateway-bootstrap', level: config.LOG_LEVEL });
const [username = '', officeId = '', displayName = 'Administrator'] = process.argv.slice(2);
const password = bootstrapPassword();
if (!username || !OFFICE_ID_PATTERN.test(officeId) || password === undefined) {
  process.stderr.write(
    'usage: ADMIN_BOOTSTRAP_PASSWORD=<12+ characters> npm run bootstrap-admin -w @pandawa/gateway -- <username> <officeId> [display name]' +
      '\n',
  );
  process.exit(2);
}
const mongo = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, logger });
try {
  const accounts = new AccountRepository(mongo);
  if (await accounts.anyAdmin(officeId)) {
    process.stderr.write(
      `office ${officeId} has an admin account already; create further accounts through the API` +
        '\n',
    );
    process.exitCode = 1;
  } else {
    const account = await createAccount(
      { accounts, hasher: scryptHasher },
      { username, displayName, officeId, role: 'admin', password },
    );
    process.stdout.write(
      `created admin ${account.username} (${account.id}) for office ${account.officeId}` + '\n',
    );
  }
} finally {
  await mongo.close();
}

/** The password, or undefined when it is missing or too short (the usage line says what to set). */
function bootstrapPassword(): string | undefined {
  try {
    return loadBootstrapAdminConfig().ADMIN_BOOTSTRAP_PASSWORD;
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}
