import Keycloak from 'keycloak-js';

/**
 * Sign-in with the realm's public client `shikaku-portal`: authorization code with PKCE (S256), no secret in the
 * browser. The tokens live in memory only; a reload signs in again through Keycloak's session.
 */
const RETURN_TO = 'shikaku.portal.returnTo';

export async function signIn(config) {
  const keycloak = new Keycloak({ url: config.authServerUrl, realm: config.realm, clientId: config.clientId });
  const home = `${window.location.origin}${config.basePath}`;
  // The route lives in the URL's fragment; the code comes back in the query, so keep the route aside meanwhile.
  if (window.location.hash && !window.location.search.includes('code=')) {
    sessionStorage.setItem(RETURN_TO, window.location.hash);
  }
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    responseMode: 'query',
    checkLoginIframe: false,
    redirectUri: home,
  });
  const returnTo = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  if (returnTo && !window.location.hash) {
    window.history.replaceState(null, '', `${config.basePath}${returnTo}`);
  }
  return new Session(keycloak, home);
}

export class Session {
  constructor(keycloak, home) {
    this.keycloak = keycloak;
    this.home = home;
    // Renew ahead of expiry, so that a form left open for a while still submits.
    this.refresher = setInterval(() => this.freshToken().catch(() => {}), 30_000);
  }

  get claims() {
    return this.keycloak.tokenParsed || {};
  }

  get roles() {
    return this.claims.realm_access?.roles || [];
  }

  has(role) {
    return this.roles.includes(role);
  }

  get displayName() {
    const c = this.claims;
    return c.name || c.preferred_username || '';
  }

  /** A token valid for at least 30 more seconds; when the session has ended, back to the login page. */
  async freshToken() {
    try {
      await this.keycloak.updateToken(30);
    } catch (ended) {
      await this.keycloak.login({ redirectUri: this.home });
      throw ended;
    }
    return this.keycloak.token;
  }

  signOut() {
    clearInterval(this.refresher);
    return this.keycloak.logout({ redirectUri: this.home });
  }
}
