import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRoute } from '../../../services/gateway/src/http/admin/api-route.js';
import { hasRole } from '../../../services/gateway/src/domain/officer-account.js';
import {
  MATRIX_FIXTURES,
  type MatrixCaller,
  type MatrixContext,
  type Office,
  type SampleRequest,
} from './matrix.fixtures.js';
import {
  PASSWORD,
  ROLES,
  startDeskSystem,
  type DeskSystem,
  type Role,
} from './support/desk-system.js';
import { png } from '../../../services/document-storage/test/fixtures.js';
import { deskSeed } from './support/desk-seed.js';
import { forgeries, type Forgery } from './support/forged-tokens.js';
import { adminRouteList, fillPath } from './support/route-list.js';

// Acceptance 1 of issue 14: every route × every role × own / other office × every forged or dead
// identity answers as specified. The routes come from the gateway's own list, so a route added
// there is in this matrix at once; its sample request comes from matrix.fixtures.ts.
const routes = adminRouteList();

let system: DeskSystem;
let ctx: MatrixContext;
let tokens: Record<Role, string>;
let callers: Record<Role, MatrixCaller>;
let forged: Forgery[];

interface Answer {
  status: number;
  text: string;
}

async function send(route: AnyRoute, request: SampleRequest, headers: Record<string, string>) {
  const query = new URLSearchParams(request.query ?? {}).toString();
  const url = `${system.apiUrl}${fillPath(route.path, request.params)}${query ? `?${query}` : ''}`;
  const hasBody = request.body !== undefined;
  const res = await fetch(url, {
    method: route.method.toUpperCase(),
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
      ...headers,
    },
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
  // A server-sent-events stream never ends: its status and headers are the answer.
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '' } satisfies Answer;
  }
  return { status: res.status, text: await res.text() } satisfies Answer;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const describeAnswer = (what: string, a: Answer) => `${what}: ${a.status} ${a.text.slice(0, 300)}`;
const successOf = (route: AnyRoute) =>
  route.status ?? (route.response || route.produces ? 200 : 204);
const scoped = (route: AnyRoute) =>
  MATRIX_FIXTURES[route.operationId]?.scoped ?? route.path.includes(':');

const officeId = { own: 'pekanbaru', other: 'dumai' } as const;

beforeAll(async () => {
  // Notification too: the reply routes ask it for the citizen's 24-hour window.
  system = await startDeskSystem({ with: ['notification'] });
  tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = await system.tokenOf(`${role}.${officeId.own}`);
  const admins: Record<Office, string> = {
    own: await system.tokenOf(`admin.${officeId.own}`),
    other: await system.tokenOf(`admin.${officeId.other}`),
  };
  let made = 0;
  const seed = deskSeed(system);
  const own = await system.seedCase(officeId.own);
  const other = await system.seedCase(officeId.other);
  ctx = {
    system,
    officeId,
    caseOf: { own, other },
    newCase: (office) => system.seedCase(officeId[office]),
    async newAccount(office, role = 'officer') {
      const username = `matrix.${office}.${++made}.${Date.now().toString(36)}`;
      const res = await fetch(`${system.apiUrl}/admin/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(admins[office]) },
        body: JSON.stringify({ username, displayName: username, role, password: PASSWORD }),
      });
      if (res.status !== 201) throw new Error(`newAccount: ${res.status} ${await res.text()}`);
      const { id } = (await res.json()) as { id: string };
      return { id, username, password: PASSWORD };
    },
    async refreshCookie() {
      const account = await ctx.newAccount('own');
      return (await system.signIn(account.username)).cookie;
    },
    accountId: (office, who) => system.accountIds[`${who}.${officeId[office]}`]!,
    documentOf: {
      own: await seed.addDocument(officeId.own, own.id, await png()),
      other: await seed.addDocument(officeId.other, other.id, await png()),
    },
    async newCannedReply(office) {
      const supervisor = await system.tokenOf(`supervisor.${officeId[office]}`);
      const res = await system.api(supervisor, 'POST', '/canned-replies', {
        title: `Jawaban ${++made}`,
        text: 'Silakan datang ke kantor dengan KK asli.',
      });
      if (res.status !== 201) throw new Error(`newCannedReply: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async newCaseAssignedTo(office, accountId) {
      const seeded = await system.seedCase(officeId[office]);
      const supervisor = await system.tokenOf(`supervisor.${officeId[office]}`);
      const res = await system.api(supervisor, 'PUT', `/cases/${seeded.id}/assignee`, {
        assigneeId: accountId,
      });
      if (res.status !== 200) throw new Error(`assigning: ${res.status} ${await res.text()}`);
      return seeded;
    },
  };
  callers = {} as Record<Role, MatrixCaller>;
  for (const role of ROLES)
    callers[role] = {
      role,
      username: `${role}.${officeId.own}`,
      accountId: system.accountIds[`${role}.${officeId.own}`]!,
      token: tokens[role],
    };

  // A token of an account that an admin has since disabled.
  const disabled = await ctx.newAccount('own', 'admin');
  const disabledToken = (await system.signIn(disabled.username)).token;
  const off = await fetch(`${system.apiUrl}/admin/accounts/${disabled.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...bearer(admins.own) },
    body: JSON.stringify({ disabled: true }),
  });
  expect(off.status).toBe(200);

  // A refresh token replayed after it rotated: the replay is refused and ends the session.
  const victim = await ctx.newAccount('own', 'admin');
  const stolen = (await system.signIn(victim.username)).cookie;
  const refresh = (cookie: string) =>
    fetch(`${system.apiUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
    });
  const rotated = await refresh(stolen);
  expect(rotated.status).toBe(200);
  const replay = await refresh(stolen);
  expect(replay.status).toBe(401);
  expect(await replay.json()).toMatchObject({ error: { reason: 'REFRESH_REPLAYED' } });
  const victimsNew = (rotated.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect((await refresh(victimsNew)).status).toBe(401);

  forged = forgeries(
    { accessToken: tokens.admin },
    { disabledAccountToken: disabledToken, replayedRefreshToken: stolen.split('=')[1]! },
  );
}, 420_000);

afterAll(async () => {
  await system?.stop();
});

describe('the authorization matrix covers every admin-API route', () => {
  it('lists every route the gateway serves, and has a fixture for each', async () => {
    const served = (await (await fetch(`${system.apiUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const servedIds = Object.values(served.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(routes.map((r) => r.operationId).sort()).toEqual(servedIds.sort());
    const missing = routes.map((r) => r.operationId).filter((id) => !MATRIX_FIXTURES[id]);
    expect(missing, `add these to tests/e2e/admin/matrix.fixtures.ts`).toEqual([]);
  });
});

describe.each(routes.map((r) => [`${r.method.toUpperCase()} ${r.path} (${r.operationId})`, r]))(
  '%s',
  (_name, route) => {
    const fixture = () => {
      const found = MATRIX_FIXTURES[route.operationId];
      if (!found)
        throw new Error(
          `no fixture for ${route.operationId}: add one to tests/e2e/admin/matrix.fixtures.ts`,
        );
      return found;
    };

    if (route.access === 'public') {
      it('is public: a forged token changes nothing, and nothing is a 5xx', async () => {
        for (const forgery of [{ name: 'none', headers: {} }, ...forged.slice(3, 6)]) {
          const answer = await send(
            route,
            await fixture().request(ctx, 'own', callers.admin),
            forgery.headers,
          );
          expect(
            fixture().ok ?? [successOf(route)],
            describeAnswer(forgery.name, answer),
          ).toContain(answer.status);
        }
      });
      return;
    }

    it('answers 401 to every forged, expired or dead identity', async () => {
      const request = await fixture().request(ctx, 'own', callers.admin);
      for (const forgery of forged) {
        const answer = await send(route, request, forgery.headers);
        expect(answer.status, describeAnswer(forgery.name, answer)).toBe(401);
        expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      }
    });

    it.each(ROLES)(
      `as %s of the own office: allowed from ${route.access} up, else 403`,
      async (role) => {
        const answer = await send(
          route,
          await fixture().request(ctx, 'own', callers[role]),
          bearer(tokens[role]),
        );
        const what = describeAnswer(`${role} on ${route.operationId}`, answer);
        if (!hasRole(role, route.access as Role)) {
          expect(answer.status, what).toBe(403);
          return;
        }
        expect(fixture().ok ?? [successOf(route)], what).toContain(answer.status);
        // Nothing of the other office in what the own office is shown.
        expect(answer.text, what).not.toContain(officeId.other);
      },
    );

    if (scoped(route))
      it.each(ROLES.filter((role) => hasRole(role, route.access as Role)))(
        'as %s with the other office’s object: 404, as if it did not exist',
        async (role) => {
          const answer = await send(
            route,
            await fixture().request(ctx, 'other', callers[role]),
            bearer(tokens[role]),
          );
          expect(answer.status, describeAnswer(role, answer)).toBe(404);
          expect(answer.text).not.toContain(officeId.other);
        },
      );
  },
);
