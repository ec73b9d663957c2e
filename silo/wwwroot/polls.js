// The console's editors' page: every poll with its live totals, close and schedule actions, and, per poll opened, a
// chart of its timeline (inline SVG) and its brigading signals with the results of signed-in readers only.
import { wireAccount } from './shared/account.js';
import { api } from './shared/api.js';
import { h } from './shared/dom.js';

const refreshEvery = 5000;
const colours = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];
const svgNs = 'http://www.w3.org/2000/svg';
const state = { token: null, timer: null, items: new Map(), listReads: 0 };

function byId(id) {
  return document.getElementById(id);
}

const account = wireAccount((token) => {
  state.token = token;
  byId('console').hidden = !token;
  clearInterval(state.timer);
  state.timer = null;
  state.items.clear();
  state.listReads += 1;
  byId('polls').replaceChildren();
  if (token) {
    load();
    state.timer = setInterval(load, refreshEvery);
  }
}, { roles: ['editor'], roleName: 'editor' });

function status(text) {
  byId('polls-status').textContent = text;
}

async function call(path, options = {}) {
  try {
    return await api(path, { token: state.token, ...options });
  } catch (error) {
    if (!account.refused(error)) {
      const problems = Object.values(error.problem?.errors ?? {}).flat();
      status([error.message, ...problems].join(' '));
    }
    return null;
  }
}

// Each poll's element is built once and updated in place, so a refresh keeps what an editor is typing or has open.
// Reads overlap (the timer, an action's reload): an answer to an older read than the last one sent is set aside, as it
// may come after a newer one and show a closed poll open again.
async function load() {
  const read = ++state.listReads;
  const list = await call('api/polls?limit=50');
  if (!list || read !== state.listReads) return;
  status(list.polls.length === 0 ? 'No polls yet.' : '');
  const items = list.polls.map(({ poll, results }) => {
    const item = state.items.get(poll.id) ?? pollItem(poll);
    state.items.set(poll.id, item);
    item.update(poll, results);
    return item.element;
  });
  const container = byId('polls');
  if (items.length !== container.children.length || items.some((item, index) => container.children[index] !== item)) {
    container.replaceChildren(...items);
  }
}

function percent(part, whole) {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

// What the results count: the options, or a scale's values (ids as the service spells them: "4"), with its end labels.
function answers(poll) {
  if (poll.kind !== 'scale') return poll.options;
  const { min, max, minLabel, maxLabel } = poll.scale;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i).map((value) => ({
    id: String(value),
    text: value === min ? `${value} (${minLabel})` : value === max ? `${value} (${maxLabel})` : String(value),
  }));
}

function votesOf(results) {
  return results.histogram
    ? new Map(results.histogram.map((value) => [String(value.value), value.votes]))
    : new Map(results.options.map((option) => [option.id, option.votes]));
}

function totals(poll, votes) {
  const all = answers(poll);
  const sum = all.reduce((total, answer) => total + (votes.get(answer.id) ?? 0), 0);
  return h('ul', { class: 'poll-totals' }, all.map((answer) => {
    const count = votes.get(answer.id) ?? 0;
    return h('li', {}, h('span', { class: 'option-text', text: answer.text }), ` ${count} (${percent(count, sum)})`);
  }));
}

function pollItem(first) {
  const summary = h('p', { class: 'keys' });
  const totalsHolder = h('div', { class: 'totals-holder' });
  const actionsHolder = h('div');
  const toggle = h('input', { type: 'checkbox' });
  const detailsBody = h('div');
  const details = h('details', { 'data-poll-id': first.id }, h('summary', { text: 'Timeline and signals' }),
    h('label', { class: 'keys' }, toggle, ' Results of signed-in readers only'), detailsBody);
  const element = h('li', { class: 'poll-item', 'data-poll-id': first.id }, h('h3', { text: first.question }), summary, totalsHolder,
    actionsHolder, details);
  const current = { poll: first, live: new Map(), signedIn: null, status: null, detailReads: 0 };

  function showTotals() {
    totalsHolder.replaceChildren(totals(current.poll, toggle.checked && current.signedIn ? current.signedIn : current.live));
  }

  async function fillDetails() {
    const id = encodeURIComponent(current.poll.id);
    const read = ++current.detailReads;
    const [timeline, signals] = await Promise.all([call(`api/polls/${id}/timeline?bucket=${byId('bucket').value}`), call(`api/polls/${id}/signals`)]);
    // As for the list: an older read's answer (another bucket, fewer votes) must not replace a newer one's.
    if (!timeline || !signals || read !== current.detailReads) return;
    current.signedIn = new Map(signals.options.map((option) => [option.id, option.signedIn]));
    showTotals();
    detailsBody.replaceChildren(chart(current.poll, timeline), signalsList(signals));
  }

  toggle.addEventListener('change', showTotals);
  details.addEventListener('toggle', () => {
    if (details.open) fillDetails();
  });

  return {
    element,
    update(poll, results) {
      current.poll = poll;
      current.live = votesOf(results);
      const opens = poll.status === 'scheduled' ? `, opens ${new Date(poll.opensAt).toLocaleString()}` : '';
      summary.textContent = `${poll.status}, ${results.totalVotes} votes${opens}${poll.closesAt ? `, closes ${new Date(poll.closesAt).toLocaleString()}` : ''}`;
      if (current.status !== poll.status) {
        current.status = poll.status;
        // A scheduled poll (not open yet) can be closed, opened now or have its opening moved too.
        actionsHolder.replaceChildren(poll.status === 'closed' ? '' : actions(poll));
      }
      showTotals();
      if (details.open) fillDetails();
    },
  };
}

function actions(poll) {
  const scheduled = poll.status === 'scheduled';
  const path = `api/polls/${encodeURIComponent(poll.id)}/schedule`;
  const input = h('input', { type: 'datetime-local', 'aria-label': `Closes at, for "${poll.question}"` });
  if (poll.closesAt) input.value = localInputValue(new Date(poll.closesAt));
  const opening = h('input', { type: 'datetime-local', 'aria-label': `Opens at, for "${poll.question}"` });
  if (scheduled) opening.value = localInputValue(new Date(poll.opensAt));
  const schedule = h('form', { class: 'inline-form' },
    scheduled ? h('label', { text: 'Opens at ' }) : null, scheduled ? opening : null,
    h('label', { text: 'Closes at ' }), input,
    h('button', { type: 'submit', text: 'Schedule' }));
  schedule.addEventListener('submit', async (event) => {
    event.preventDefault();
    const closesAt = input.value ? new Date(input.value).toISOString() : null;
    const body = { closesAt };
    if (scheduled && opening.value) body.opensAt = new Date(opening.value).toISOString();
    if (await call(path, { method: 'PUT', body })) {
      const opens = body.opensAt ? `opens ${new Date(body.opensAt).toLocaleString()} and ` : '';
      status(`"${poll.question}" ${opens}${closesAt ? `closes ${new Date(closesAt).toLocaleString()}` : 'does not close by itself'}.`);
      load();
    }
  });
  const close = h('button', { type: 'button', class: 'reject', text: 'Close now' });
  close.addEventListener('click', async () => {
    if (await call(`api/polls/${encodeURIComponent(poll.id)}/close`, { method: 'POST' })) {
      status(`"${poll.question}" is closed.`);
      load();
    }
  });
  const openNow = h('button', { type: 'button', text: 'Open now' });
  openNow.addEventListener('click', async () => {
    if (await call(path, { method: 'PUT', body: { opensAt: null } })) {
      status(`"${poll.question}" is open.`);
      load();
    }
  });
  return h('div', { class: 'actions' }, close, scheduled ? openNow : null, schedule);
}

function localInputValue(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

// Stacked bars, one per bucket with votes, an option's colour each; the axis says the busiest bucket's votes.
function chart(poll, timeline) {
  const buckets = timeline.buckets;
  const width = 640;
  const height = 160;
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 20}`);
  svg.setAttribute('class', 'timeline');
  svg.setAttribute('role', 'img');
  const peak = Math.max(1, ...buckets.map((bucket) => bucket.options.reduce((sum, option) => sum + Math.max(0, option.votes), 0)));
  const unit = timeline.bucket === '1h' ? 'hour' : 'minute';
  svg.setAttribute('aria-label', buckets.length === 0
    ? 'No votes yet.'
    : `Votes per ${unit}: ${buckets.length} ${unit}s with votes, at most ${peak} in one.`);
  const barWidth = Math.max(2, Math.min(40, (width - 40) / Math.max(1, buckets.length)));
  buckets.forEach((bucket, index) => {
    let y = height;
    bucket.options.forEach((option, optionIndex) => {
      if (option.votes <= 0) return;
      const barHeight = (option.votes / peak) * (height - 10);
      y -= barHeight;
      const rect = document.createElementNS(svgNs, 'rect');
      rect.setAttribute('x', String(40 + index * barWidth));
      rect.setAttribute('y', String(y));
      rect.setAttribute('width', String(Math.max(1, barWidth - 1)));
      rect.setAttribute('height', String(barHeight));
      rect.setAttribute('fill', colours[optionIndex % colours.length]);
      const title = document.createElementNS(svgNs, 'title');
      const optionText = answers(poll).find((known) => known.id === option.id)?.text ?? option.id;
      title.textContent = `${new Date(bucket.start).toLocaleString()}: ${option.votes} for ${optionText}`;
      rect.append(title);
      svg.append(rect);
    });
  });
  const axis = document.createElementNS(svgNs, 'text');
  axis.setAttribute('x', '0');
  axis.setAttribute('y', '12');
  axis.setAttribute('class', 'axis');
  axis.textContent = String(peak);
  svg.append(axis);
  const legend = h('ul', { class: 'legend' }, answers(poll).map((option, index) =>
    h('li', { 'data-colour': String(index % colours.length), text: option.text })));
  return h('figure', { class: 'timeline-figure' }, svg, legend);
}

function signalsList(signals) {
  const rate = signals.rate;
  const addresses = signals.addresses;
  return h('dl', { class: 'signals' },
    h('dt', { text: 'Signed-in votes' }), h('dd', { text: `${signals.signedInVotes} of ${signals.totalVotes}` }),
    h('dt', { text: 'Anonymous votes' }), h('dd', { text: String(signals.anonymousVotes) }),
    h('dt', { text: 'Top addresses' }),
    h('dd', { text: `${percent(addresses.topShare * addresses.countedVotes, addresses.countedVotes)} of ${addresses.countedVotes} counted votes from the top ${addresses.top.length} of ${addresses.distinctAddresses} addresses (IPv6 by /64)` }),
    h('dt', { text: 'Peak rate' }),
    h('dd', { text: rate.peakAt
      ? `${rate.peakPerMinute} votes in the minute from ${new Date(rate.peakAt).toLocaleTimeString()}, ${rate.peakToMedian}× the median minute (${rate.medianPerMinute})`
      : 'No votes yet.' }));
}

byId('bucket').addEventListener('change', load);
account.restore();
