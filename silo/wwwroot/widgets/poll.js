// Poll widget: <div data-moderation-poll="{pollId}" data-token="{reader JWT}"></div>
// plus <script type="module" src="https://moderation.example/widgets/poll.js"></script>.
import { api, ApiError, listen, serviceUrl } from '../shared/api.js';
import { h, append, clear, ensureStyles } from '../shared/dom.js';
import { watchToken } from '../shared/token.js';

const anonymousKey = `moderation:anonymous:${serviceUrl('').origin}`;

export function mountPoll(element) {
  if (element.moderationPoll) return element.moderationPoll;
  ensureStyles(serviceUrl('widgets/widgets.css'));
  const widget = new PollWidget(element);
  element.moderationPoll = widget;
  widget.start();
  return widget;
}

class PollWidget {
  constructor(element) {
    this.element = element;
    this.pollId = element.dataset.moderationPoll;
    this.token = watchToken(element, (token) => this.tokenChanged(token));
    this.poll = null;
    this.results = null;
    this.myVote = null;
    this.showingResults = false;
    this.busy = false;
    this.message = '';
  }

  async start() {
    this.element.classList.add('moderation-widget', 'moderation-poll');
    this.element.setAttribute('aria-busy', 'true');
    this.live = h('p', { class: 'moderation-sr', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.body = h('div');
    clear(this.element).append(this.body, this.live);
    try {
      [this.poll, this.results] = await Promise.all([
        api(`api/polls/${encodeURIComponent(this.pollId)}`),
        api(`api/polls/${encodeURIComponent(this.pollId)}/results`),
      ]);
    } catch (error) {
      this.element.removeAttribute('aria-busy');
      this.body.replaceChildren(h('p', { class: 'moderation-error' }, `This poll could not be loaded: ${error.message}`));
      return;
    }
    await this.loadMyVote();
    this.stop = listen(`api/polls/${encodeURIComponent(this.pollId)}/events`, {
      results: (results) => this.resultsArrived(results),
    });
    this.element.removeAttribute('aria-busy');
    this.render();
  }

  votingToken() {
    if (this.token) return this.token;
    return this.poll?.allowAnonymous ? localStorage.getItem(anonymousKey) : null;
  }

  async loadMyVote() {
    const token = this.votingToken();
    this.myVote = null;
    if (!token) return;
    try {
      this.myVote = (await api(`api/polls/${encodeURIComponent(this.pollId)}/votes/me`, { token })).optionId;
      if (this.myVote) this.showingResults = true;
    } catch (error) {
      if (error.status === 401 && !this.token) localStorage.removeItem(anonymousKey);
    }
  }

  async tokenChanged(token) {
    this.token = token;
    await this.loadMyVote();
    this.render();
  }

  resultsArrived(results) {
    if (this.results && results.version < this.results.version) return;
    this.results = results;
    if (this.showingResults || this.isClosed()) this.renderResults();
  }

  isClosed() {
    return this.poll.status === 'closed' || this.results?.status === 'closed';
  }

  render() {
    if (!this.poll) return;
    if (this.showingResults || this.isClosed()) {
      this.renderResults();
    } else {
      this.renderBallot();
    }
  }

  renderBallot() {
    const canVote = Boolean(this.token) || this.poll.allowAnonymous;
    const name = `moderation-poll-${this.pollId}`;
    const options = this.poll.options.map((option) =>
      h('label', { class: 'moderation-choice' },
        h('input', { type: 'radio', name, value: option.id, disabled: !canVote || this.busy }),
        h('span', {}, option.text)));
    const form = h('form', { class: 'moderation-poll-form', onsubmit: (event) => this.submit(event) },
      h('fieldset', {},
        h('legend', { class: 'moderation-question' }, this.poll.question),
        options),
      h('div', { class: 'moderation-actions' },
        h('button', { type: 'submit', class: 'moderation-primary', disabled: !canVote || this.busy }, this.busy ? 'Voting…' : 'Vote'),
        h('button', { type: 'button', class: 'moderation-link', onclick: () => this.showResults() }, 'See results')),
      canVote ? null : h('p', { class: 'moderation-note' }, 'Sign in to vote.'),
      this.message ? h('p', { class: 'moderation-error', role: 'alert' }, this.message) : null);
    this.body.replaceChildren(form);
  }

  showResults() {
    this.showingResults = true;
    this.renderResults();
    this.announce();
  }

  renderResults() {
    const total = this.results?.totalVotes ?? 0;
    const votes = new Map((this.results?.options ?? []).map((option) => [option.id, option.votes]));
    let list = this.body.querySelector('.moderation-results');
    if (!list) {
      list = h('ul', { class: 'moderation-results', role: 'list' },
        this.poll.options.map((option) => {
          const bar = h('span', { class: 'moderation-bar-fill' });
          return h('li', { class: 'moderation-result', 'data-option-id': option.id },
            h('span', { class: 'moderation-result-label' },
              h('span', { class: 'moderation-option-text' }, option.text),
              h('span', { class: 'moderation-percent' })),
            h('span', { class: 'moderation-bar', 'aria-hidden': 'true' }, bar));
        }));
      const actions = this.isClosed() || this.myVote || !(this.token || this.poll.allowAnonymous)
        ? null
        : h('button', { type: 'button', class: 'moderation-link', onclick: () => this.backToBallot() }, 'Back to voting');
      append(clear(this.body), [
        h('p', { class: 'moderation-question' }, this.poll.question),
        list,
        h('p', { class: 'moderation-total' }),
        h('p', { class: 'moderation-note moderation-status' }),
        actions]);
    }

    for (const row of list.children) {
      const count = votes.get(row.dataset.optionId) ?? 0;
      const share = total > 0 ? count / total : 0;
      row.dataset.votes = String(count);
      row.classList.toggle('moderation-mine', row.dataset.optionId === this.myVote);
      row.querySelector('.moderation-percent').textContent = `${Math.round(share * 100)}%`;
      row.querySelector('.moderation-bar-fill').style.setProperty('--moderation-share', String(share));
    }
    this.body.querySelector('.moderation-total').textContent = `${total.toLocaleString()} ${total === 1 ? 'vote' : 'votes'}`;
    const mine = this.poll.options.find((option) => option.id === this.myVote);
    const status = [mine ? `You voted “${mine.text}”.` : '', this.isClosed() ? 'This poll is closed.' : '', this.message]
      .filter(Boolean).join(' ');
    this.body.querySelector('.moderation-status').textContent = status;
  }

  backToBallot() {
    this.showingResults = false;
    this.message = '';
    this.renderBallot();
  }

  summary() {
    const total = this.results?.totalVotes ?? 0;
    const votes = new Map((this.results?.options ?? []).map((option) => [option.id, option.votes]));
    const parts = this.poll.options.map((option) =>
      `${option.text} ${total > 0 ? Math.round(((votes.get(option.id) ?? 0) / total) * 100) : 0}%`);
    return `Results: ${parts.join(', ')}; ${total} ${total === 1 ? 'vote' : 'votes'}.`;
  }

  announce(prefix = '') {
    this.live.textContent = `${prefix}${this.summary()}`;
  }

  async submit(event) {
    event.preventDefault();
    const choice = event.target.querySelector('input[type=radio]:checked');
    if (!choice) {
      this.message = 'Choose an option first.';
      this.renderBallot();
      this.body.querySelector('input[type=radio]')?.focus();
      return;
    }
    this.busy = true;
    this.message = '';
    this.renderBallot();
    try {
      const token = await this.ensureVotingToken();
      await api(`api/polls/${encodeURIComponent(this.pollId)}/votes`, { method: 'POST', token, body: { optionId: choice.value } });
      this.myVote = choice.value;
      this.showingResults = true;
      this.results = await api(`api/polls/${encodeURIComponent(this.pollId)}/results`).catch(() => this.results);
      this.busy = false;
      this.renderResults();
      const text = this.poll.options.find((option) => option.id === choice.value)?.text ?? '';
      this.announce(`Your vote for ${text} was counted. `);
    } catch (error) {
      this.busy = false;
      this.message = voteError(error);
      if (error instanceof ApiError && error.status === 409) {
        await this.loadMyVote();
        this.showingResults = true;
        this.renderResults();
        this.announce(`${this.message} `);
      } else {
        this.renderBallot();
      }
    }
  }

  async ensureVotingToken() {
    const token = this.votingToken();
    if (token) return token;
    const issued = await api('api/readers/anonymous', { method: 'POST' });
    localStorage.setItem(anonymousKey, issued.token);
    return issued.token;
  }
}

function voteError(error) {
  if (!(error instanceof ApiError)) return 'Your vote could not be sent. Please try again.';
  if (error.status === 401) return 'Your sign-in has expired. Sign in again to vote.';
  return error.message;
}

export function mountAll(root = document) {
  for (const element of root.querySelectorAll('[data-moderation-poll]')) mountPoll(element);
}

mountAll();
