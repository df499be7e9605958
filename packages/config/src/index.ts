export { loadConfig, ConfigError } from './load-config.js';
export {
  commonEnv,
  natsEnv,
  mongoEnv,
  grpcClientEnv,
  whatsappApiEnv,
  port,
  duration,
  csv,
  bool,
  officeNumbers,
  type OfficeNumber,
} from './fields.js';
export {
  SANDBOX_APP_SECRET,
  SANDBOX_VERIFY_TOKEN,
  SANDBOX_ACCESS_TOKEN,
  SANDBOX_API_URL,
  META_GRAPH_API_URL,
  DEV_ONLY_MASTER_KEY_ID,
  DEV_ONLY_MASTER_KEYS,
  productionProblems,
} from './dev-defaults.js';
export {
  DEV_ONLY_CALLER_KEY_PREFIX,
  DEV_ONLY_CALLER_SIGNING_KEYS,
  DEV_ONLY_CALLER_TRUSTED_KEYS,
  adminJwtEnv,
  DEV_ONLY_ADMIN_JWT_KEYS,
  callerSigningEnv,
  callerSigningKeyName,
  type CallerSigningKeyName,
  callerTrustEnv,
  ed25519PublicOf,
} from './caller-keys.js';
