// A real OpenID Connect provider (the oidc-provider package) for the sign-in tests.
// Settings come as JSON in OIDC_TEST_SETTINGS: port, client (id, secret, redirect_uris) and
// accounts ({login: {email, email_verified}}). Its sign-in page asks only for the login name.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_SETTINGS);
const issuer = `http://127.0.0.1:${settings.port}`;
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [{
    client_id: settings.client.id,
    client_secret: settings.client.secret,
    redirect_uris: settings.client.redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [{ ...signingKey, kid: 'signing', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const account = settings.accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  // The roster is a first-party client: consent is implied, as in an organisation's own IdP.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

async function interaction(req, res, uid) {
  if (req.method === 'GET') {
    await provider.interactionDetails(req, res);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>Identity provider</title><h1>Identity provider</h1>
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Login</label><input id="login" name="login" autofocus>
<button type="submit">Continue</button></form>`);
    return;
  }
  const form = await readForm(req);
  const login = form.get('login') || '';
  const result = settings.accounts[login]
    ? { login: { accountId: login } }
    : { error: 'access_denied', error_description: 'unknown login' };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
const server = createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)$/.exec(req.url);
  if (!match) return callback(req, res);
  return interaction(req, res, match[1]).catch((error) => {
    res.statusCode = 400;
    res.end(String(error));
  });
});
server.listen(settings.port, '127.0.0.1', () => console.log(`listening on ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
