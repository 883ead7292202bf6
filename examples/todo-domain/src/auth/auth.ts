import type { Telemetry } from '@fasttodo/telemetry';
import type { HttpResult } from '../http/result';
import { failure } from '../http/result';
import { objectBody, stringField } from '../http/body';
import type { FastTodoMetrics } from '../metrics';
import type { Storage } from '../storage/types';
import { MAX_EMAIL_LENGTH, normalizeEmail } from './email';
import { PASSWORD_LENGTH, decoyHash, hashPassword, verifyPassword } from './password';

interface AuthDeps {
  readonly storage: Storage;
  readonly metrics: FastTodoMetrics;
  readonly logger: Telemetry['logger'];
}

// Longest Authorization header worth looking at: "Bearer " + 43 base64url characters, with room to spare.
const MAX_AUTHORIZATION_LENGTH = 256;

/** Registration, login and bearer-token authentication. Passwords and tokens are never logged. */
export function createAuth({ storage, metrics, logger }: AuthDeps) {
  const credentials = (input: unknown) => {
    const body = objectBody(input);
    return {
      email: stringField(body, 'email', MAX_EMAIL_LENGTH + 64),
      password: stringField(body, 'password', PASSWORD_LENGTH.max * 4),
    };
  };

  return {
    /** `POST /auth/register`: 201 `{id}`, 409 taken, 400 invalid. */
    async register(input: unknown): Promise<HttpResult> {
      const { email: raw, password } = credentials(input);
      const email = normalizeEmail(raw);
      if (!email) return failure(400, 'email_invalid');
      if (password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max)
        return failure(400, 'password_length');
      const created = await storage.users.create(email, await hashPassword(password));
      if (created === 'taken') return failure(409, 'email_taken');
      metrics.registrations.inc();
      logger.info('user registered', { new_user_id: created.id });
      return { status: 201, body: { id: created.id } };
    },

    /** `POST /auth/login`: 200 `{token}`, 401 wrong credentials, 400 invalid body. */
    async login(input: unknown): Promise<HttpResult> {
      const { email: raw, password } = credentials(input);
      const user = await storage.users.findByEmail(normalizeEmail(raw) ?? '');
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !matches) {
        metrics.logins.inc(1, { status: 'failed' });
        // The address is logged on purpose: the SDK's redactor censors it (see the demo's output).
        logger.warn('login failed', { email: raw });
        return failure(401, 'invalid_credentials');
      }
      metrics.logins.inc(1, { status: 'success' });
      logger.info('login succeeded', { login_user_id: user.id });
      return { status: 200, body: { token: await storage.sessions.create(user.id) } };
    },

    /** The user id behind `Authorization: Bearer <token>`, or `undefined`. */
    async authenticate(authorization: unknown): Promise<string | undefined> {
      if (typeof authorization !== 'string' || authorization.length > MAX_AUTHORIZATION_LENGTH)
        return undefined;
      const [scheme, token, extra] = authorization.trim().split(/ +/);
      if (scheme?.toLowerCase() !== 'bearer' || !token || extra !== undefined) return undefined;
      return storage.sessions.resolve(token);
    },
  };
}
