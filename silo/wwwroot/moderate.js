// The moderator console: queues with counts, items by score, explanation words highlighted, decisions by key.
// The queue follows the live moderation stream: what other moderators decide leaves it at once, and new holds,
// reports and bans bring a fresh read of the queue (revisions still guard every decision).
import { wireAccount } from './shared/account.js';
import { api, ApiError } from './shared/api.js';
import { listenAuthorized } from './shared/authorized-events.js';
import { h, timeElement } from './shared/dom.js';

// Several events in a burst (a ban rejecting many comments) bring one read of the queue.
const refreshDelay = 150;
const pageSize = 50;
const rejectReasons = [['offensive', 'Offensive'], ['abusive', 'Abusive'], ['spam', 'Spam'], ['off-topic', 'Off-topic'], ['other', 'Other']];

const articleId = new URLSearchParams(location.search).get('article');
// reads counts the queue reads started and shownRead the newest whose answer may still be shown: a read that answers
// after a later one (the one a decision event brought) or after a switch of queue (load raises shownRead past every read
// sent) must not undo it. decided holds the revisions the stream reported, so that a read taken just before a decision
// cannot show that comment again meanwhile.
const state = {
  token: null, queue: 'pending', items: [], nodes: new Map(), selected: null, cursor: null, stopLive: null, refreshSoon: null,
  deciding: new Set(), reads: 0, shownRead: 0, decided: new Map(),
};

function byId(id) {
  return document.getElementById(id);
}

function announce(text) {
  byId('announcer').textContent = text;
}

// Sign-in -------------------------------------------------------------------------------------------------------

const account = wireAccount((token) => {
  state.token = token;
  byId('console').hidden = !token;
  state.stopLive?.();
  state.stopLive = null;
  if (token) {
    load();
    state.stopLive = listenLive(token);
  }
});

// Live updates -----------------------------------------------------------------------------------------------------

function listenLive(token) {
  return listenAuthorized('api/moderation/events', token, {
    // On every (re)connection: whatever changed while the stream was down is in the queue.
    ready: () => {
      byId('live').textContent = 'Live';
      refresh();
    },
    dropped: () => {
      byId('live').textContent = 'Reconnecting…';
    },
    refused: (status) => refused(new ApiError(status, null)),
    'comment.held': refreshSoon,
    'comment.reported': refreshSoon,
    'reader.banned': refreshSoon,
    'comment.decided': onDecided,
  });
}

function onDecided(event) {
  // Kept until a read started after it has answered (that read knows the decision).
  state.decided.set(event.commentId, { revision: event.revision, before: state.reads + 1 });
  const node = state.nodes.get(event.commentId);
  if (node && !state.deciding.has(event.commentId) && node.item.comment.revision < event.revision) {
    removeItem(event.commentId);
    const verb = event.action === 'approve' ? 'approved' : 'rejected';
    announce(`${event.by} ${verb} the comment by ${node.item.comment.authorName || node.item.comment.authorId}.`);
  }
  refreshSoon();
}

function refreshSoon() {
  clearTimeout(state.refreshSoon);
  state.refreshSoon = setTimeout(refresh, refreshDelay);
}

function refused(error) {
  return account.refused(error);
}

// Queues --------------------------------------------------------------------------------------------------------

function queuePath(cursor, limit = pageSize) {
  const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  const article = articleId ? `&articleId=${encodeURIComponent(articleId)}` : '';
  return `api/moderation/queue?state=${state.queue}&sort=score&limit=${limit}${article}${after}`;
}

async function load() {
  state.shownRead = state.reads + 1;
  state.items = [];
  state.nodes.clear();
  state.selected = null;
  state.cursor = null;
  byId('queue').replaceChildren();
  await refresh();
}

async function refresh() {
  if (!state.token) return;
  const read = ++state.reads;
  let page;
  try {
    page = await api(queuePath(null, Math.min(100, Math.max(pageSize, state.items.length))), { token: state.token });
  } catch (error) {
    if (!refused(error)) account.status(`The queue could not be loaded: ${error.message}`);
    return;
  }
  if (read < state.shownRead) return;
  state.shownRead = read;
  for (const [id, decision] of state.decided) {
    if (decision.before <= read) state.decided.delete(id);
  }
  account.status('');
  showCounts(page.counts);
  show(page.items.filter((item) => !(item.comment.revision < (state.decided.get(item.comment.id)?.revision ?? 0))), page.nextCursor);
}

async function loadMore() {
  try {
    const page = await api(queuePath(state.cursor), { token: state.token });
    showCounts(page.counts);
    const known = new Set(state.items.map((item) => item.comment.id));
    show([...state.items, ...page.items.filter((item) => !known.has(item.comment.id))], page.nextCursor);
  } catch (error) {
    if (!refused(error)) announce(error.message);
  }
}

function showCounts(counts) {
  for (const element of document.querySelectorAll('[data-count]')) {
    const count = counts[element.dataset.count] ?? 0;
    element.textContent = String(count);
    element.setAttribute('aria-label', `${count} items`);
  }
}

function show(items, cursor) {
  const list = byId('queue');
  const before = state.items.map((item) => item.comment.id).join(',');
  state.items = items;
  state.cursor = cursor;
  const ids = new Set(items.map((item) => item.comment.id));
  for (const id of [...state.nodes.keys()]) {
    if (!ids.has(id)) state.nodes.delete(id);
  }
  for (const item of items) {
    const node = state.nodes.get(item.comment.id);
    if (!node || node.item.comment.revision !== item.comment.revision) state.nodes.set(item.comment.id, renderItem(item, node));
  }
  if (items.map((item) => item.comment.id).join(',') !== before || list.children.length !== items.length) {
    list.replaceChildren(...items.map((item) => state.nodes.get(item.comment.id)));
  }
  byId('empty').hidden = items.length > 0;
  byId('more').hidden = !cursor;
  if (!state.selected || !ids.has(state.selected)) select(items[0]?.comment.id ?? null, { scroll: false });
  else markSelected();
}

function renderItem(item, previous) {
  const comment = item.comment;
  const reason = previous?.querySelector('select') ?? h('select', { 'aria-label': 'Reason to reject' },
    rejectReasons.map(([value, text]) => h('option', { value }, text)));
  const note = previous?.querySelector('input') ?? h('input', { type: 'text', placeholder: 'Note (optional)', 'aria-label': 'Note', maxlength: 500 });
  const node = h('li', { class: 'item', 'data-comment-id': comment.id, tabindex: '-1', onclick: () => select(comment.id, { scroll: false, focus: false }) },
    h('div', { class: 'item-head' },
      h('span', { class: `score ${scoreClass(item.score)}`, title: 'Toxicity score' }, item.score == null ? '–' : item.score.toFixed(2)),
      (item.reasons ?? []).map((text) => h('span', { class: 'reason' }, text)),
      h('span', { class: 'author' }, comment.authorName || comment.authorId),
      h('span', { class: 'author-id' }, `(${comment.authorId})`),
      h('span', { class: 'article' }, 'on ', h('a', { href: `./?article=${encodeURIComponent(comment.articleId)}` }, comment.articleId)),
      timeElement(comment.createdAt)),
    h('p', { class: 'text' }, highlight(comment.deleted ? '(deleted)' : comment.body, item.explanation ?? [])),
    explanationLine(item.explanation ?? []),
    comment.versions?.length ? h('details', { class: 'versions' },
      h('summary', {}, `Edited by its author: ${comment.versions.length} earlier ${comment.versions.length === 1 ? 'text' : 'texts'}`),
      h('ol', {}, comment.versions.map((version) => h('li', {}, timeElement(version.writtenAt), ' ', version.body)))) : null,
    item.reports?.length ? h('p', { class: 'reports' }, `${item.reports.length} ${item.reports.length === 1 ? 'report' : 'reports'}: `,
      item.reports.map((report) => report.note ? `${report.reason} (“${report.note}”)` : report.reason).join(', ')) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'approve', onclick: () => decide(comment.id, 'approve') }, 'Approve'),
      reason,
      note,
      h('button', { type: 'button', class: 'reject', onclick: () => decide(comment.id, 'reject') }, 'Reject'),
      h('button', { type: 'button', class: 'ban', onclick: () => confirmBan(comment.id) }, 'Ban author'),
      comment.status === 'published' ? h('button', {
        type: 'button', class: 'feature', 'aria-pressed': String(!!comment.featured), onclick: () => feature(comment.id),
      }, 'Feature') : null,
      item.authorHistory ? h('button', { type: 'button', class: 'history-toggle', onclick: () => showHistory(comment.id) }, 'Author history') : null),
    h('div', { class: 'ban-confirm', hidden: true }),
    h('div', { class: 'history', hidden: true, 'aria-live': 'polite' }));
  node.item = item;
  return node;
}

function scoreClass(score) {
  if (score == null) return '';
  if (score >= 0.9) return 'high';
  if (score >= 0.5) return 'medium';
  return 'low';
}

// The words that drove the score, marked in the text itself: built as text nodes and <mark> elements, never markup.
function highlight(text, explanation) {
  const drivers = explanation.filter((term) => term.weight > 0 && /[\p{L}\p{N}]/u.test(term.text) && !term.text.startsWith('('));
  const top = Math.max(0, ...drivers.map((term) => term.weight));
  const strength = new Map(drivers.map((term) => [term.text.toLowerCase().replace(/\s+/g, ' '), term.weight >= top / 3 ? 'strong' : 'weak']));
  const terms = drivers.map((term) => term.text).sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [text];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(h('mark', { class: strength.get(match[0].toLowerCase().replace(/\s+/g, ' ')) ?? 'weak' }, match[0]));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

function explanationLine(explanation) {
  const drivers = explanation.filter((term) => term.weight > 0).slice(0, 6);
  if (drivers.length === 0) return null;
  return h('p', { class: 'why' }, 'Why: ', drivers.map((term) => `${term.text} (+${term.weight.toFixed(2)})`).join(', '));
}

// Selection and keys ----------------------------------------------------------------------------------------------

function select(id, { scroll = true, focus = true } = {}) {
  state.selected = id;
  markSelected();
  const node = id && state.nodes.get(id);
  if (node && focus) node.focus({ preventScroll: !scroll });
  if (node && scroll) node.scrollIntoView({ block: 'nearest' });
}

function markSelected() {
  for (const [id, node] of state.nodes) {
    if (id === state.selected) node.setAttribute('aria-current', 'true');
    else node.removeAttribute('aria-current');
  }
}

function move(step) {
  const index = state.items.findIndex((item) => item.comment.id === state.selected);
  const next = state.items[Math.min(state.items.length - 1, Math.max(0, index + step))];
  if (next) select(next.comment.id);
}

function onKey(event) {
  if (!state.token || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest('input, textarea, select')) return;
  const id = state.selected;
  switch (event.key) {
    case 'j': move(1); break;
    case 'k': move(-1); break;
    case 'a': if (id) decide(id, 'approve'); break;
    case 'r': if (id) decide(id, 'reject'); break;
    case 'b': if (id) confirmBan(id); break;
    case 'Escape': if (id) closeBan(id); return;
    default: return;
  }
  event.preventDefault();
}

// Decisions -------------------------------------------------------------------------------------------------------

async function decide(id, action) {
  const node = state.nodes.get(id);
  if (!node) return;
  const { comment } = node.item;
  const body = { action, note: node.querySelector('input').value.trim(), revision: comment.revision };
  if (action === 'reject') body.reason = node.querySelector('select').value;
  node.classList.add('busy');
  state.deciding.add(id);
  try {
    await api(`api/moderation/comments/${encodeURIComponent(id)}/decision`, { method: 'POST', token: state.token, body });
    removeItem(id);
    announce(`${action === 'approve' ? 'Approved' : 'Rejected'} the comment by ${comment.authorName || comment.authorId}.`);
  } catch (error) {
    if (!refused(error)) announce(`Not done: ${error.message}`);
  } finally {
    state.deciding.delete(id);
    node.classList.remove('busy');
    refresh();
  }
}

// Featured comments and author history ------------------------------------------------------------------------

async function feature(id) {
  const node = state.nodes.get(id);
  if (!node) return;
  const { comment } = node.item;
  try {
    const after = await api(`api/moderation/comments/${encodeURIComponent(id)}/feature`, { method: comment.featured ? 'DELETE' : 'POST', token: state.token });
    node.item = { ...node.item, comment: { ...comment, featured: after.featured } };
    node.querySelector('.feature').setAttribute('aria-pressed', String(after.featured));
    announce(after.featured ? 'Featured the comment.' : 'No longer featured.');
  } catch (error) {
    if (!refused(error)) announce(`Not done: ${error.message}`);
  }
}

async function showHistory(id) {
  const node = state.nodes.get(id);
  const box = node?.querySelector('.history');
  if (!box) return;
  if (!box.hidden) {
    box.hidden = true;
    return;
  }
  try {
    const history = await api(node.item.authorHistory, { token: state.token });
    const { standing, counts } = history;
    box.replaceChildren(
      h('p', {}, standing.banned ? `Banned since ${new Date(standing.since).toLocaleString()}: ${standing.reason}` : 'Not banned.'),
      h('p', {}, `Published ${counts.published}, pending ${counts.pending}, rejected ${counts.rejected}, deleted ${counts.deleted}, reported ${counts.reported}.`),
      h('ul', {}, history.latest.slice(0, 5).map((own) => h('li', {}, `${own.comment.status}: ${own.comment.body.slice(0, 80)}`))));
    box.hidden = false;
  } catch (error) {
    if (!refused(error)) announce(`The author's history could not be loaded: ${error.message}`);
  }
}

function removeItem(id) {
  const index = state.items.findIndex((item) => item.comment.id === id);
  state.items = state.items.filter((item) => item.comment.id !== id);
  state.nodes.get(id)?.remove();
  state.nodes.delete(id);
  byId('empty').hidden = state.items.length > 0;
  if (state.selected === id) {
    const next = state.items[Math.min(index, state.items.length - 1)];
    select(next?.comment.id ?? null);
  }
}

function confirmBan(id) {
  const node = state.nodes.get(id);
  if (!node) return;
  const { comment } = node.item;
  const panel = node.querySelector('.ban-confirm');
  const confirm = h('button', { type: 'button', class: 'ban', onclick: () => ban(id) }, `Ban ${comment.authorName || comment.authorId}`);
  panel.replaceChildren(
    h('span', {}, 'Ban this reader from commenting and voting, and reject their held comments? '),
    confirm,
    h('button', { type: 'button', onclick: () => closeBan(id) }, 'Cancel'));
  panel.hidden = false;
  confirm.focus();
}

function closeBan(id) {
  const node = state.nodes.get(id);
  if (!node) return;
  node.querySelector('.ban-confirm').hidden = true;
  node.focus();
}

async function ban(id) {
  const node = state.nodes.get(id);
  if (!node) return;
  const { comment } = node.item;
  const reason = node.querySelector('input').value.trim() || node.querySelector('select').value;
  try {
    const result = await api(`api/moderation/readers/${encodeURIComponent(comment.authorId)}/ban`, {
      method: 'POST', token: state.token, body: { reason, rejectPending: true },
    });
    announce(`Banned ${comment.authorName || comment.authorId}; ${result.rejectedComments} held comments rejected.`);
    for (const item of [...state.items]) {
      if (item.comment.authorId === comment.authorId && state.queue === 'pending') removeItem(item.comment.id);
    }
    if (state.nodes.has(id)) closeBan(id);
  } catch (error) {
    if (!refused(error)) announce(`Not done: ${error.message}`);
  } finally {
    refresh();
  }
}

// Tabs ------------------------------------------------------------------------------------------------------------

function wireTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const choose = (tab) => {
    for (const other of tabs) {
      other.setAttribute('aria-selected', String(other === tab));
      other.tabIndex = other === tab ? 0 : -1;
    }
    byId('panel').setAttribute('aria-labelledby', tab.id);
    state.queue = tab.dataset.state;
    load();
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => choose(tab));
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      next.focus();
      choose(next);
      event.stopPropagation();
    });
  }
}

if (articleId) byId('scope').textContent = `Article ${articleId} only`;
wireTabs();
byId('more').addEventListener('click', loadMore);
document.addEventListener('keydown', onKey);
account.restore();
