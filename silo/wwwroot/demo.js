// The demo article page: mounts the poll and comments widgets for the article, with a "sign in as" control.
// ?article=<id> shows the widgets of another article under the same story.
import { api } from './shared/api.js';
import { devToken, DevSignInUnavailable } from './shared/signin.js';
import { claimsOf } from './shared/token.js';
import { mountPoll } from './widgets/poll.js';
import { mountComments } from './widgets/comments.js';
import { mountReaderPanel } from './reader-panel.js';

const demoArticleId = 'el-salvador-prison-offer';
const tokenKey = 'moderation-demo:token';
const articleId = new URLSearchParams(location.search).get('article') || demoArticleId;
const widgets = [];
let closePanel = () => {};

function byId(id) {
  return document.getElementById(id);
}

function setToken(token) {
  if (token) sessionStorage.setItem(tokenKey, token);
  else sessionStorage.removeItem(tokenKey);
  for (const element of widgets) {
    if (token) element.dataset.token = token;
    else delete element.dataset.token;
  }
  const claims = claimsOf(token);
  byId('signin').hidden = Boolean(token) || byId('signin').dataset.unavailable === 'true';
  byId('paste').hidden = Boolean(token) || byId('signin').dataset.unavailable !== 'true';
  byId('signed-in').hidden = !token;
  byId('signed-in-name').textContent = claims ? `Signed in as ${claims.name || claims.sub}` : '';
  closePanel();
  closePanel = () => {};
  // Anonymous readers have no notices or comments of their own.
  if (claims && !claims.role?.includes?.('anonymous')) closePanel = mountReaderPanel(byId('reader-panel'), token);
  else byId('reader-panel').replaceChildren();
}

function wireSignIn() {
  byId('signin').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = byId('signin-status');
    status.textContent = '';
    try {
      setToken(await devToken(byId('signin-name').value));
    } catch (error) {
      if (error instanceof DevSignInUnavailable) {
        byId('signin').dataset.unavailable = 'true';
        setToken(null);
      }
      status.textContent = error.message;
    }
  });
  byId('paste').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byId('paste-token').value.trim();
    if (token) setToken(token);
  });
  byId('signout').addEventListener('click', () => setToken(null));
}

async function mountWidgets() {
  const token = sessionStorage.getItem(tokenKey);
  const pollSlot = byId('poll-slot');
  try {
    const article = await api(`api/articles/${encodeURIComponent(articleId)}`);
    if (article.pollIds.length > 0) {
      const poll = document.createElement('div');
      poll.dataset.moderationPoll = article.pollIds[0];
      if (token) poll.dataset.token = token;
      pollSlot.replaceChildren(poll);
      widgets.push(poll);
      mountPoll(poll);
    } else {
      pollSlot.textContent = 'This article has no poll yet.';
    }
  } catch (error) {
    pollSlot.textContent = `The article could not be loaded: ${error.message}`;
  }

  const comments = document.createElement('div');
  comments.dataset.moderationComments = articleId;
  if (token) comments.dataset.token = token;
  byId('comments-slot').replaceChildren(comments);
  widgets.push(comments);
  mountComments(comments);
  setToken(token);
}

wireSignIn();
mountWidgets();
