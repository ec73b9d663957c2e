// The console's rules page: the site's banned and suspect word lists, edited as one entry a line, and its trust
// settings. A save names the version it was loaded at, so a change someone else saved meanwhile is never overwritten
// unknowingly.
import { wireAccount } from './shared/account.js';
import { api } from './shared/api.js';

const state = { token: null, version: null, trustVersion: null };

function byId(id) {
  return document.getElementById(id);
}

const account = wireAccount((token) => {
  state.token = token;
  byId('console').hidden = !token;
  if (token) load();
});

function entries(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

function show(lists) {
  state.version = lists.version;
  byId('banned').value = lists.banned.join('\n');
  byId('suspect').value = lists.suspect.join('\n');
  const changed = lists.updatedAt ? `, changed ${new Date(lists.updatedAt).toLocaleString()} by ${lists.updatedBy}` : '';
  byId('version').textContent = `Version ${lists.version}: ${lists.banned.length} banned, ${lists.suspect.length} suspect${changed}`;
}

const trustFields = {
  newReaderComments: 'new-reader',
  linkApprovedComments: 'link-approved',
  recentRejections: 'recent-rejections',
  rejectionWindowMinutes: 'rejection-window',
  rejectionPremoderationMinutes: 'rejection-premoderation',
};

function showTrust(trust) {
  state.trustVersion = trust.version;
  for (const [name, id] of Object.entries(trustFields)) byId(id).value = trust[name];
  byId('trust-version').textContent = trust.source === 'stored'
    ? `Version ${trust.version}, changed ${new Date(trust.updatedAt).toLocaleString()} by ${trust.updatedBy}`
    : 'From the service\'s configuration';
}

async function load() {
  try {
    show(await api('api/moderation/rules/words', { token: state.token }));
    showTrust(await api('api/moderation/rules/trust', { token: state.token }));
    account.status('');
  } catch (error) {
    if (!account.refused(error)) account.status(`The word lists could not be loaded: ${error.message}`);
  }
}

async function save(event) {
  event.preventDefault();
  const body = { banned: entries(byId('banned').value), suspect: entries(byId('suspect').value), version: state.version };
  try {
    show(await api('api/moderation/rules/words', { method: 'PUT', token: state.token, body }));
    byId('words-status').textContent = `Saved as version ${state.version}.`;
  } catch (error) {
    if (account.refused(error)) return;
    const problems = Object.values(error.problem?.errors ?? {}).flat();
    byId('words-status').textContent = error.status === 409
      ? 'Not saved: someone changed the lists since you loaded them. Copy your changes, reload the page and apply them again.'
      : `Not saved: ${[error.message, ...problems].join(' ')}`;
  }
}

async function saveTrust(event) {
  event.preventDefault();
  const body = { version: state.trustVersion };
  for (const [name, id] of Object.entries(trustFields)) body[name] = Number(byId(id).value);
  try {
    showTrust(await api('api/moderation/rules/trust', { method: 'PUT', token: state.token, body }));
    byId('trust-status').textContent = `Saved as version ${state.trustVersion}.`;
  } catch (error) {
    if (account.refused(error)) return;
    const problems = Object.values(error.problem?.errors ?? {}).flat();
    byId('trust-status').textContent = error.status === 409
      ? 'Not saved: someone changed the trust settings since you loaded them. Reload the page and apply your change again.'
      : `Not saved: ${[error.message, ...problems].join(' ')}`;
  }
}

byId('word-lists').addEventListener('submit', save);
byId('trust').addEventListener('submit', saveTrust);
account.restore();
