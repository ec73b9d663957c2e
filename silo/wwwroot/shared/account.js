// A console page's sign-in: Development sign-in as a moderator or a pasted token, kept for the browser tab's session
// and shared by the console's pages. Renders the page's console header first (console-header.js).
import { ApiError } from './api.js';
import { renderConsoleHeader } from './console-header.js';
import { devToken, DevSignInUnavailable } from './signin.js';
import { claimsOf } from './token.js';

const tokenKey = 'moderation-console:token';

function byId(id) {
  return document.getElementById(id);
}

// roles: what the Development sign-in asks for (the editors' page asks for editor); roleName: what a 403 says is missing.
export function wireAccount(onToken, { roles = ['moderator'], roleName = 'moderator' } = {}) {
  renderConsoleHeader();
  function setToken(token) {
    if (token) sessionStorage.setItem(tokenKey, token);
    else sessionStorage.removeItem(tokenKey);
    const claims = claimsOf(token);
    byId('dev-signin').hidden = Boolean(token) || byId('dev-signin').dataset.unavailable === 'true';
    byId('paste').hidden = Boolean(token);
    byId('signed-in').hidden = !token;
    byId('signed-in-name').textContent = claims ? `Signed in as ${claims.name || claims.sub}` : '';
    onToken(token);
  }

  byId('dev-signin').addEventListener('submit', async (event) => {
    event.preventDefault();
    byId('account-status').textContent = '';
    try {
      setToken(await devToken(byId('dev-name').value, roles));
    } catch (error) {
      if (error instanceof DevSignInUnavailable) {
        byId('dev-signin').dataset.unavailable = 'true';
        byId('dev-signin').hidden = true;
      }
      byId('account-status').textContent = error.message;
    }
  });
  byId('paste').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byId('paste-token').value.trim();
    if (token) setToken(token);
  });
  byId('signout').addEventListener('click', () => setToken(null));

  return {
    restore: () => setToken(sessionStorage.getItem(tokenKey)),
    status: (text) => { byId('account-status').textContent = text; },
    // A 401 or 403 signs out with the reason; true when the error was one of those.
    refused(error) {
      if (!(error instanceof ApiError && (error.status === 401 || error.status === 403))) return false;
      setToken(null);
      byId('account-status').textContent = error.status === 401
        ? 'Your sign-in has expired or the token is not valid here. Sign in again.'
        : `This token does not carry the ${roleName} role.`;
      return true;
    },
  };
}
