// Comments widget: <div data-moderation-comments="{articleId}" data-token="{JWT}"> (docs/widgets.md).
import { api, ApiError, listen, newIdempotencyKey, serviceUrl } from '../shared/api.js';
import { h, clear, ensureStyles, timeElement } from '../shared/dom.js';
import { watchToken, claimsOf } from '../shared/token.js';

const pageSize = 20;
const esc = encodeURIComponent;
const isHeld = (node) => node.classList.contains('moderation-pending');
const sorts = [['newest', 'Newest'], ['oldest', 'Oldest'], ['top', 'Most respected'], ['featured', 'Featured']];
const reportReasons = [['offensive', 'Offensive'], ['abusive', 'Abusive'], ['spam', 'Spam'], ['other', 'Something else']];

export function mountComments(element) {
  if (element.moderationComments) return element.moderationComments;
  ensureStyles(serviceUrl('widgets/widgets.css'));
  const widget = new CommentsWidget(element);
  element.moderationComments = widget;
  widget.start();
  return widget;
}

class CommentsWidget {
  constructor(element) {
    this.element = element;
    this.articleId = element.dataset.moderationComments;
    this.token = watchToken(element, (token) => this.tokenChanged(token));
    this.nodes = new Map();
    this.countedReplies = new Set();
    this.count = 0;
    this.sort = 'newest';
  }

  call(path, options) {
    return api(path, { ...options, token: this.token });
  }

  get reader() {
    return claimsOf(this.token);
  }

  get pendingKey() {
    return `moderation:pending:${this.articleId}:${this.reader?.sub ?? ''}`;
  }

  async start() {
    this.element.classList.add('moderation-widget', 'moderation-comments');
    this.heading = h('h2', { class: 'moderation-heading' }, 'Comments');
    this.composer = h('div', { class: 'moderation-composer' });
    this.list = h('ol', { class: 'moderation-thread', 'aria-label': 'Comments' });
    this.more = h('button', { type: 'button', class: 'moderation-secondary', hidden: true, onclick: () => this.loadPage() }, 'Show more comments');
    this.live = h('p', { class: 'moderation-sr', 'aria-live': 'polite' });
    const sort = h('select', { class: 'moderation-sort', onchange: () => this.resort(sort.value) },
      sorts.map(([value, text]) => h('option', { value }, text)));
    clear(this.element).append(this.heading, h('label', { class: 'moderation-note' }, 'Sort by ', sort), this.composer, this.list, this.more, this.live);
    this.renderComposer();
    try {
      const article = await api(`api/articles/${esc(this.articleId)}`);
      this.setCount(article.commentCount);
      await this.loadPage();
    } catch (error) {
      this.list.replaceWith(h('p', { class: 'moderation-error' }, `Comments could not be loaded: ${error.message}`));
      return;
    }
    await this.showOwnPending();
    listen(`api/articles/${esc(this.articleId)}/events`, {
      open: () => this.recheckPending(),
      comment: (comment) => this.published(comment),
      count: (event) => this.setCount(event.count),
    });
  }

  setCount(count) {
    this.count = count;
    this.heading.textContent = `Comments (${count.toLocaleString()})`;
  }

  async resort(sort) {
    this.sort = sort;
    this.view = {};
    this.cursor = null;
    this.nodes.clear();
    clear(this.list);
    await this.loadPage().catch((error) => this.say(`Comments could not be loaded: ${error.message}`));
  }

  async loadPage() {
    const cursor = this.cursor ? `&cursor=${esc(this.cursor)}` : '';
    const view = this.view;
    this.more.disabled = true;
    try {
      const page = await this.call(`api/articles/${esc(this.articleId)}/comments?sort=${this.sort}&limit=${pageSize}${cursor}`);
      // A late page of the order the reader left.
      if (view !== this.view) return;
      for (const comment of page.items) {
        if (!this.nodes.has(comment.id)) this.list.append(this.render(comment));
      }
      this.cursor = page.nextCursor;
      this.more.hidden = !page.nextCursor;
      if (this.list.children.length === 0) this.list.append(h('li', { class: 'moderation-empty' }, 'No comments yet. Be the first.'));
    } finally {
      this.more.disabled = false;
    }
  }

  render(comment, { pending = false } = {}) {
    const node = h('li', { class: 'moderation-comment', 'data-comment-id': comment.id });
    this.nodes.set(comment.id, node);
    this.fill(node, comment, pending);
    return node;
  }

  fill(node, comment, pending) {
    node.classList.toggle('moderation-pending', pending);
    node.comment = comment;
    const mine = this.reader && comment.authorId === this.reader.sub;
    const header = h('header', { class: 'moderation-meta' },
      h('span', { class: 'moderation-author' }, comment.authorName || comment.authorId),
      mine ? h('span', { class: 'moderation-badge' }, 'You') : null,
      timeElement(comment.createdAt),
      comment.edited ? h('span', { class: 'moderation-note' }, 'edited') : null,
      comment.featured ? h('span', { class: 'moderation-badge moderation-badge-featured' }, 'Featured') : null,
      pending ? h('span', { class: 'moderation-badge moderation-badge-pending' }, 'Awaiting review: only you can see this') : null);
    const body = comment.deleted
      ? h('p', { class: 'moderation-body moderation-deleted' }, 'This comment was deleted.')
      : h('p', { class: 'moderation-body' }, comment.body);
    const actions = h('div', { class: 'moderation-actions' });
    if (!pending && !comment.deleted) {
      const count = comment.reactions || 0;
      actions.append(this.token && !mine
        ? h('button', {
          type: 'button', class: 'moderation-link moderation-react', 'aria-pressed': String(!!comment.reactedByMe),
          onclick: () => this.react(node),
        }, `Respect ${count}`)
        : h('span', { class: 'moderation-note moderation-react' }, `Respect ${count}`));
      if (this.token && comment.depth < 4) {
        actions.append(h('button', { type: 'button', class: 'moderation-link', onclick: () => this.openReply(node) }, 'Reply'));
      }
      if (this.token && !mine) {
        actions.append(h('button', { type: 'button', class: 'moderation-link', onclick: () => this.openReport(node) }, 'Report'));
      }
    }
    // The service's edit window (5 minutes by default) decides; a late edit is told why.
    if (mine && !comment.deleted && Date.now() - Date.parse(comment.createdAt) < 3e5) {
      actions.append(h('button', { type: 'button', class: 'moderation-link', onclick: () => this.openEdit(node) }, 'Edit'));
    }
    const replies = node.querySelector(':scope > .moderation-replies') ?? h('ol', { class: 'moderation-replies', hidden: true });
    const toggle = h('button', {
      type: 'button',
      class: 'moderation-link moderation-replies-toggle',
      hidden: !comment.replyCount,
      'aria-expanded': String(!replies.hidden),
      onclick: () => this.toggleReplies(node),
    }, replyLabel(comment.replyCount, !replies.hidden));
    actions.append(toggle);
    node.replaceChildren(h('article', {}, header, body, actions), h('div', { class: 'moderation-slot' }), replies);
  }

  async toggleReplies(node) {
    const replies = node.querySelector(':scope > .moderation-replies');
    if (!replies.hidden) {
      replies.hidden = true;
      this.fill(node, node.comment, false);
      return;
    }
    const page = await this.call(`api/comments/${esc(node.comment.id)}/replies?limit=100`).catch((error) => {
      this.say(`Replies could not be loaded: ${error.message}`);
      return null;
    });
    if (!page) return;
    clear(replies);
    for (const reply of page.items) replies.append(this.nodes.get(reply.id) ?? this.render(reply));
    replies.hidden = false;
    this.fill(node, node.comment, false);
  }

  renderComposer() {
    if (!this.token) {
      this.composer.replaceChildren(h('p', { class: 'moderation-note' }, 'Sign in to join the conversation.'));
      return;
    }
    this.composer.replaceChildren(this.form(null));
  }

  form(parent) {
    const label = parent ? `Reply to ${parent.comment.authorName || parent.comment.authorId}` : 'Your comment';
    const id = `moderation-text-${Math.random().toString(36).slice(2)}`;
    const text = h('textarea', { id, rows: parent ? 3 : 4, maxlength: 5000, required: true });
    const nudge = h('div', { class: 'moderation-nudge', role: 'alert', hidden: true });
    const status = h('p', { class: 'moderation-note', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'moderation-primary' }, parent ? 'Post reply' : 'Post comment');
    const form = h('form', { class: 'moderation-form' },
      h('label', { for: id }, label), text, nudge,
      h('div', { class: 'moderation-actions' }, submit,
        parent ? h('button', { type: 'button', class: 'moderation-link', onclick: () => form.remove() }, 'Cancel') : null),
      status);
    let checked = null;
    text.addEventListener('input', () => {
      nudge.hidden = true;
      checked = null;
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = text.value.trim();
      if (!body) return;
      submit.disabled = true;
      status.textContent = '';
      try {
        if (checked !== body) {
          checked = body;
          const check = await this.call('api/toxicity/check', { method: 'POST', body: { body } });
          if (check.wouldHold) {
            this.showNudge(nudge, text, () => this.post(form, text, status, submit, nudge, body, parent));
            return;
          }
        }
        await this.post(form, text, status, submit, nudge, body, parent);
      } catch (error) {
        checked = null;
        status.textContent = postError(error);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  showNudge(nudge, text, postAnyway) {
    nudge.replaceChildren(
      h('p', {}, 'This may be held for review by a moderator before anyone else sees it. Edit it?'),
      h('div', { class: 'moderation-actions' },
        h('button', { type: 'button', class: 'moderation-secondary', onclick: () => { nudge.hidden = true; text.focus(); } }, 'Edit my comment'),
        h('button', { type: 'button', class: 'moderation-link', onclick: () => postAnyway() }, 'Post anyway')));
    nudge.hidden = false;
  }

  async post(form, text, status, submit, nudge, body, parent) {
    submit.disabled = true;
    const parentId = parent?.comment.id ?? null;
    // A retry after no answer reuses the key: the service answers with the comment it may have stored.
    if (form.unanswered?.body !== body || form.unanswered?.parentId !== parentId) {
      form.unanswered = { body, parentId, key: newIdempotencyKey() };
    }
    try {
      const comment = await this.call(`api/articles/${esc(this.articleId)}/comments`, {
        method: 'POST',
        body: { body, parentId },
        idempotencyKey: form.unanswered.key,
      });
      form.unanswered = null;
      nudge.hidden = true;
      text.value = '';
      if (comment.status === 'pending') {
        this.rememberPending(comment.id);
        this.showPending(comment);
        status.textContent = 'Thanks. Your comment is awaiting review; it appears here once a moderator approves it.';
      } else if (comment.status === 'published') {
        this.published(comment);
        if (parent?.querySelector(':scope > .moderation-replies').hidden) await this.toggleReplies(parent);
        status.textContent = 'Your comment is published.';
      } else if (comment.reason === 'banned-word') {
        status.textContent = 'Your comment uses a word or phrase this site does not allow, so it was not published.';
      } else {
        status.textContent = 'Your comment was not published.';
      }
      if (parent) form.remove();
    } catch (error) {
      if (error.status !== 0 && error.status < 500) form.unanswered = null;
      status.textContent = postError(error);
    } finally {
      submit.disabled = false;
    }
  }

  showPending(comment) {
    if (this.nodes.has(comment.id)) return;
    const node = this.render(comment, { pending: true });
    const parent = comment.threadParentId && this.nodes.get(comment.threadParentId);
    if (parent) {
      const replies = parent.querySelector(':scope > .moderation-replies');
      replies.hidden = false;
      replies.append(node);
    } else {
      this.list.querySelector('.moderation-empty')?.remove();
      this.list.prepend(node);
    }
  }

  rememberPending(id) {
    const ids = new Set(JSON.parse(localStorage.getItem(this.pendingKey) || '[]'));
    ids.add(id);
    localStorage.setItem(this.pendingKey, JSON.stringify([...ids].slice(-20)));
  }

  forgetPending(id) {
    const ids = JSON.parse(localStorage.getItem(this.pendingKey) || '[]').filter((known) => known !== id);
    localStorage.setItem(this.pendingKey, JSON.stringify(ids));
  }

  async showOwnPending() {
    if (!this.token) return;
    for (const id of JSON.parse(localStorage.getItem(this.pendingKey) || '[]')) {
      try {
        const comment = await this.call(`api/comments/${esc(id)}`);
        if (comment.status === 'pending') this.showPending(comment);
        else this.forgetPending(id);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) this.forgetPending(id);
      }
    }
  }

  // Decisions made while the stream was down were missed: ask about held comments again.
  async recheckPending() {
    for (const node of [...this.nodes.values()].filter(isHeld)) {
      try {
        const comment = await this.call(`api/comments/${esc(node.comment.id)}`);
        if (comment.status === 'published') this.published(comment);
      } catch {
        // The next reconnection asks again.
      }
    }
  }

  published(comment) {
    const existing = this.nodes.get(comment.id);
    if (existing) {
      if (isHeld(existing)) {
        this.forgetPending(comment.id);
        this.say('Your comment was approved and is now published.');
      }
      this.fill(existing, { ...comment, reactedByMe: comment.reactedByMe ?? existing.comment.reactedByMe }, false);
      return;
    }
    if (comment.depth > 1 && comment.threadParentId) {
      const parent = this.nodes.get(comment.threadParentId);
      // A reader's own reply arrives twice, from the post and from the stream: count it once.
      if (!parent || this.countedReplies.has(comment.id)) return;
      this.countedReplies.add(comment.id);
      const replies = parent.querySelector(':scope > .moderation-replies');
      parent.comment = { ...parent.comment, replyCount: (parent.comment.replyCount || 0) + 1 };
      if (!replies.hidden) replies.append(this.render(comment));
      this.fill(parent, parent.comment, isHeld(parent));
      return;
    }
    if (this.sort !== 'newest') return;
    this.list.querySelector('.moderation-empty')?.remove();
    const firstPublished = [...this.list.children].find((node) => !isHeld(node));
    this.list.insertBefore(this.render(comment), firstPublished ?? null);
    this.say(`New comment from ${comment.authorName || comment.authorId}.`);
  }

  async react(node) {
    const comment = node.comment;
    try {
      const result = await this.call(`api/comments/${esc(comment.id)}/reaction`, {
        method: comment.reactedByMe ? 'DELETE' : 'PUT',
      });
      this.fill(node, { ...node.comment, ...result }, false);
      node.querySelector('.moderation-react').focus();
    } catch (error) {
      this.say(postError(error));
    }
  }

  openReply(node) {
    const slot = node.querySelector(':scope > .moderation-slot');
    const form = this.form(node);
    slot.replaceChildren(form);
    form.querySelector('textarea').focus();
  }

  openEdit(node) {
    const text = h('textarea', { 'aria-label': 'Edit your comment' });
    text.value = node.comment.body;
    this.slotForm(node, 'moderation-form', [text], 'moderation-primary', 'Save', async () => {
      const comment = await this.call(`api/comments/${esc(node.comment.id)}`, { method: 'PATCH', body: { body: text.value } });
      const held = comment.status === 'pending';
      if (held) this.rememberPending(comment.id);
      this.fill(node, comment, held);
      this.say(held ? 'Your edit awaits review.' : 'Your comment is updated.');
    });
  }

  openReport(node) {
    const reason = h('select', { 'aria-label': 'Why are you reporting this comment?' },
      reportReasons.map(([value, text]) => h('option', { value }, text)));
    const slot = this.slotForm(node, 'moderation-report', [h('label', {}, 'Report this comment: ', reason)], 'moderation-secondary', 'Send report', async () => {
      await this.call(`api/comments/${esc(node.comment.id)}/reports`, {
        method: 'POST', body: { reason: reason.value, note: '' },
      });
      slot.replaceChildren(h('p', { class: 'moderation-note', role: 'status' }, 'Thanks, a moderator will look at it.'));
    });
  }

  // A form in the comment's slot, with Cancel and the service's refusal if any.
  slotForm(node, kind, fields, buttonClass, label, submit) {
    const slot = node.querySelector(':scope > .moderation-slot');
    const status = h('p', { class: 'moderation-note', 'aria-live': 'polite' });
    const form = h('form', { class: kind }, ...fields,
      h('div', { class: 'moderation-actions' },
        h('button', { type: 'submit', class: buttonClass }, label),
        h('button', { type: 'button', class: 'moderation-link', onclick: () => form.remove() }, 'Cancel')),
      status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await submit();
      } catch (error) {
        status.textContent = postError(error);
      }
    });
    slot.replaceChildren(form);
    (fields[0].querySelector('select') ?? fields[0]).focus();
    return slot;
  }

  async tokenChanged(token) {
    const before = this.reader?.sub;
    this.token = token;
    this.renderComposer();
    // Another reader: read again what they reacted to (and drop the one before's held comments).
    if (this.reader?.sub !== before) await this.resort(this.sort);
    else for (const node of this.nodes.values()) this.fill(node, node.comment, isHeld(node));
    await this.showOwnPending();
  }

  say(text) {
    this.live.textContent = text;
  }
}

function replyLabel(count, open) {
  if (open) return 'Hide replies';
  return `${count} ${count === 1 ? 'reply' : 'replies'}`;
}

function postError(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 401) return 'Your sign-in has expired. Sign in again to comment.';
  if (error.status === 400 && error.problem?.errors) return Object.values(error.problem.errors).flat().join(' ');
  return error.message;
}

export function mountAll(root = document) {
  for (const element of root.querySelectorAll('[data-moderation-comments]')) mountComments(element);
}

mountAll();
