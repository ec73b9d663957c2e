// Poll widget: <div data-moderation-poll="{pollId}" data-token="{reader JWT}"></div>
// plus <script type="module" src="https://moderation.example/widgets/poll.js"></script>.
import { api, ApiError, listen, serviceUrl } from '../shared/api.js';
import { h, append, clear, ensureStyles } from '../shared/dom.js';
import { watchToken } from '../shared/token.js';
import { listenAuthorized } from '../shared/authorized-events.js';

const anonymousKey = `moderation:anonymous:${serviceUrl('').origin}`;
const openingStep = 10 * 60 * 1000;

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
      this.poll = await api(this.path(''));
    } catch (error) {
      this.element.removeAttribute('aria-busy');
      this.body.replaceChildren(h('p', { class: 'moderation-error' }, `This poll could not be loaded: ${error.message}`));
      return;
    }
    await this.loadMyVote();
    await this.loadResults();
    this.element.removeAttribute('aria-busy');
    this.render();
    this.waitForOpening();
  }

  // An editor may move opensAt while the page is open: the timer re-reads the poll when it fires, and waits in steps
  // (setTimeout fires at once past 2^31-1 ms, about 24.8 days, and a step bounds how late an earlier opening shows).
  waitForOpening() {
    clearTimeout(this.openingTimer);
    if (this.poll.status !== 'scheduled') return;
    const remaining = new Date(this.poll.opensAt) - Date.now();
    this.openingTimer = setTimeout(() => this.checkOpening(), Math.min(Math.max(remaining, 1000), openingStep));
  }

  async checkOpening() {
    const poll = await api(this.path('')).catch(() => null);
    if (poll) {
      const opened = this.poll.status === 'scheduled' && poll.status !== 'scheduled';
      this.poll = poll;
      if (opened || !this.showingResults) this.render();
    }
    this.waitForOpening();
  }

  path(rest) {
    return `api/polls/${encodeURIComponent(this.pollId)}${rest}`;
  }

  // Results as the poll's resultsVisibility allows: after-vote ones (and their stream) need the voter's token.
  async loadResults() {
    const afterVote = this.poll.resultsVisibility === 'after-vote';
    if (afterVote && !this.myVote) return;
    const token = afterVote ? this.votingToken() : null;
    // The stream may already have brought newer results than this read, which a slower response must not undo.
    const fetched = await api(this.path('/results'), { token }).catch(() => null);
    if (fetched && !(this.results?.version > fetched.version)) this.results = fetched;
    if (this.stop) return;
    const handlers = { results: (results) => this.resultsArrived(results) };
    this.stop = afterVote ? listenAuthorized(this.path('/events'), token, handlers) : listen(this.path('/events'), handlers);
  }

  resultsHidden() {
    const visibility = this.poll.resultsVisibility;
    if (visibility === 'after-vote' && !this.myVote) return 'Results are shown once you have voted.';
    if (visibility === 'after-close' && !this.isClosed()) return 'Results are shown when the poll closes.';
    return this.results ? '' : 'Results are not available yet.';
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
      const mine = await api(this.path('/votes/me'), { token });
      if (mine.optionId || mine.optionIds || mine.value != null) {
        this.myVote = mine;
        this.showingResults = true;
      }
    } catch (error) {
      if (error.status === 401 && !this.token) localStorage.removeItem(anonymousKey);
    }
  }

  async tokenChanged(token) {
    this.token = token;
    await this.loadMyVote();
    await this.loadResults();
    this.render();
  }

  resultsArrived(results) {
    if (this.poll.status === 'scheduled') this.checkOpening();
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
    const scheduled = this.poll.status === 'scheduled';
    const canVote = (Boolean(this.token) || this.poll.allowAnonymous) && !scheduled;
    const disabled = !canVote || this.busy;
    const name = `moderation-poll-${this.pollId}`;
    const kind = this.poll.kind ?? 'single';
    const hintId = `${name}-hint`;
    let choices;
    let hint = null;
    if (kind === 'scale') {
      const { min, max, minLabel, maxLabel } = this.poll.scale;
      const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      hint = `${min} means ${minLabel}, ${max} means ${maxLabel}.`;
      choices = h('div', { class: 'moderation-scale' },
        h('span', { class: 'moderation-scale-end', 'aria-hidden': 'true' }, minLabel),
        values.map((value) => h('label', { class: 'moderation-choice moderation-scale-point' },
          h('input', { type: 'radio', name, value, disabled }),
          h('span', {}, String(value)),
          value === min || value === max ? h('span', { class: 'moderation-sr' }, value === min ? minLabel : maxLabel) : null)),
        h('span', { class: 'moderation-scale-end', 'aria-hidden': 'true' }, maxLabel));
    } else {
      const type = kind === 'multiple' ? 'checkbox' : 'radio';
      if (kind === 'multiple') hint = `Choose up to ${this.poll.maxChoices}.`;
      choices = this.poll.options.map((option) =>
        h('label', { class: 'moderation-choice' },
          h('input', { type, name, value: option.id, disabled }),
          h('span', {}, option.text)));
    }
    const seeResults = this.poll.resultsVisibility === 'after-vote' || this.poll.resultsVisibility === 'after-close'
      ? null
      : h('button', { type: 'button', class: 'moderation-link', onclick: () => this.showResults() }, 'See results');
    const opens = scheduled ? `Voting opens ${new Date(this.poll.opensAt).toLocaleString()}.` : null;
    const form = h('form', { class: 'moderation-poll-form', onsubmit: (event) => this.submit(event) },
      h('fieldset', { 'aria-describedby': hint ? hintId : null },
        h('legend', { class: 'moderation-question' }, this.poll.question),
        hint ? h('p', { class: 'moderation-note', id: hintId }, hint) : null,
        choices),
      h('div', { class: 'moderation-actions' },
        h('button', { type: 'submit', class: 'moderation-primary', disabled }, this.busy ? 'Voting…' : 'Vote'),
        seeResults),
      opens ? h('p', { class: 'moderation-note' }, opens) : null,
      canVote || scheduled ? null : h('p', { class: 'moderation-note' }, 'Sign in to vote.'),
      this.message ? h('p', { class: 'moderation-error', role: 'alert' }, this.message) : null);
    this.body.replaceChildren(form);
  }

  showResults() {
    this.showingResults = true;
    this.renderResults();
    this.announce();
  }

  // The rows of the results: the options, or a scale's values; shares of the voters (of the votes for one choice).
  rows() {
    const results = this.results ?? {};
    if (this.poll.kind === 'scale') {
      const { min, max, minLabel, maxLabel } = this.poll.scale;
      const votes = new Map((results.histogram ?? []).map((value) => [value.value, value.votes]));
      return Array.from({ length: max - min + 1 }, (_, i) => min + i).map((value) => ({
        id: String(value),
        text: value === min ? `${value} (${minLabel})` : value === max ? `${value} (${maxLabel})` : String(value),
        votes: votes.get(value) ?? 0,
      }));
    }
    const votes = new Map((results.options ?? []).map((option) => [option.id, option.votes]));
    return this.poll.options.map((option) => ({ id: option.id, text: option.text, votes: votes.get(option.id) ?? 0 }));
  }

  voters() {
    return (this.poll.kind === 'single' || !this.poll.kind ? this.results?.totalVotes : this.results?.voters) ?? 0;
  }

  mine() {
    const vote = this.myVote;
    if (!vote) return [];
    if (vote.optionIds) return vote.optionIds;
    return [vote.value !== undefined && vote.value !== null ? String(vote.value) : vote.optionId];
  }

  renderResults() {
    const hidden = this.resultsHidden();
    const rows = this.rows();
    const total = this.voters();
    let list = this.body.querySelector('.moderation-results');
    if (hidden || !list) {
      list = hidden ? null : h('ul', { class: 'moderation-results', role: 'list' },
        rows.map((row) => {
          const bar = h('span', { class: 'moderation-bar-fill' });
          return h('li', { class: 'moderation-result', 'data-option-id': row.id },
            h('span', { class: 'moderation-result-label' },
              h('span', { class: 'moderation-option-text' }, row.text),
              h('span', { class: 'moderation-percent' })),
            h('span', { class: 'moderation-bar', 'aria-hidden': 'true' }, bar));
        }));
      const actions = this.isClosed() || this.myVote || !(this.token || this.poll.allowAnonymous) || this.poll.status === 'scheduled'
        ? null
        : h('button', { type: 'button', class: 'moderation-link', onclick: () => this.backToBallot() }, 'Back to voting');
      append(clear(this.body), [
        h('p', { class: 'moderation-question' }, this.poll.question),
        list ?? h('p', { class: 'moderation-note moderation-hidden' }, hidden),
        list ? h('p', { class: 'moderation-total' }) : null,
        h('p', { class: 'moderation-note moderation-status' }),
        actions]);
    }

    const mine = this.mine();
    if (list) {
      for (const [index, row] of [...list.children].entries()) {
        const count = rows[index].votes;
        const share = total > 0 ? count / total : 0;
        row.dataset.votes = String(count);
        row.classList.toggle('moderation-mine', mine.includes(row.dataset.optionId));
        row.querySelector('.moderation-percent').textContent = `${Math.round(share * 100)}%`;
        row.querySelector('.moderation-bar-fill').style.setProperty('--moderation-share', String(share));
      }
      const noun = this.poll.kind === 'multiple' ? 'voter' : 'vote';
      const average = this.results?.mean != null ? ` · mean ${this.results.mean}, median ${this.results.median}` : '';
      this.body.querySelector('.moderation-total').textContent = `${total.toLocaleString()} ${noun}${total === 1 ? '' : 's'}${average}`;
    }
    const chosen = rows.filter((row) => mine.includes(row.id)).map((row) => `“${row.text}”`).join(', ');
    const status = [chosen ? `You voted ${chosen}.` : '', this.isClosed() ? 'This poll is closed.' : '', this.message]
      .filter(Boolean).join(' ');
    this.body.querySelector('.moderation-status').textContent = status;
  }

  backToBallot() {
    this.showingResults = false;
    this.message = '';
    this.renderBallot();
  }

  summary() {
    const hidden = this.resultsHidden();
    if (hidden) return hidden;
    const total = this.voters();
    const parts = this.rows().map((row) => `${row.text} ${total > 0 ? Math.round((row.votes / total) * 100) : 0}%`);
    const noun = this.poll.kind === 'multiple' ? 'voter' : 'vote';
    return `Results: ${parts.join(', ')}; ${total} ${noun}${total === 1 ? '' : 's'}.`;
  }

  announce(prefix = '') {
    this.live.textContent = `${prefix}${this.summary()}`;
  }

  async submit(event) {
    event.preventDefault();
    const checked = [...event.target.querySelectorAll('input:checked')].map((input) => input.value);
    const max = this.poll.maxChoices;
    if (checked.length === 0 || (this.poll.kind === 'multiple' && checked.length > max)) {
      this.message = checked.length === 0 ? 'Choose an option first.' : `Choose at most ${max}.`;
      this.renderBallot();
      this.body.querySelector('input')?.focus();
      return;
    }
    const body = this.poll.kind === 'multiple' ? { optionIds: checked }
      : this.poll.kind === 'scale' ? { value: Number(checked[0]) } : { optionId: checked[0] };
    this.busy = true;
    this.message = '';
    this.renderBallot();
    try {
      const token = await this.ensureVotingToken();
      this.myVote = await api(this.path('/votes'), { method: 'POST', token, body });
      this.showingResults = true;
      await this.loadResults();
      this.busy = false;
      this.renderResults();
      const text = this.rows().filter((row) => this.mine().includes(row.id)).map((row) => row.text).join(', ');
      this.announce(`Your vote for ${text} was counted. `);
    } catch (error) {
      this.busy = false;
      this.message = voteError(error);
      if (error instanceof ApiError && error.status === 409 && this.poll.status !== 'scheduled') {
        await this.loadMyVote();
        await this.loadResults();
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
