// The console's model page: the model in use, the labels it can learn from, retrains with live progress and their
// history as a chart, and the saved versions with a rollback.
import { wireAccount } from './shared/account.js';
import { api, ApiError } from './shared/api.js';
import { h, clear, timeElement } from './shared/dom.js';

const pollInterval = 1000;
const state = { token: null, watching: null };

function byId(id) {
  return document.getElementById(id);
}

function announce(text) {
  byId('announcer').textContent = text;
}

const number = new Intl.NumberFormat();
const fixed = (value) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(3) : 'n/a');
// A site-adapted version's ROC-AUC on held-out site labels, else the shipped model's on its held-out split.
const heldOutAuc = (metrics) => metrics?.['site.heldOut.rocAuc'] ?? metrics?.['validation.rocAuc'];
const percent = (value) => (typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : 'n/a');

const account = wireAccount((token) => {
  state.token = token;
  byId('console').hidden = !token;
  if (token) loadAll();
});

async function call(path, options = {}) {
  try {
    return await api(path, { ...options, token: state.token });
  } catch (error) {
    if (!account.refused(error)) throw error;
    return null;
  }
}

async function loadAll() {
  try {
    const [model, labels, jobs, versions] = await Promise.all([
      call('api/model'), call('api/model/labels'), call('api/model/retrain'), call('api/model/versions'),
    ]);
    if (!model) return;
    account.status('');
    showModel(model);
    showLabels(labels);
    showHistory(jobs.items);
    showVersions(versions);
    const running = jobs.items.find((job) => job.status === 'queued' || job.status === 'running');
    if (running) watch(running.id);
  } catch (error) {
    account.status(`The model page could not be loaded: ${error.message}`);
  }
}

function facts(element, rows) {
  clear(element).append(...rows.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', {}, value)]));
}

function showModel(model) {
  facts(byId('current'), [
    ['Version', model.version],
    ['Trained', timeElement(model.trainedAt)],
    ['Training rows', number.format(model.trainingRows)],
    ['Hold threshold', fixed(model.holdThreshold)],
    ['Held-out ROC-AUC', fixed(heldOutAuc(model.metrics))],
  ]);
}

function showLabels(labels) {
  facts(byId('labels'), [
    ['All labels', `${number.format(labels.total)} (${number.format(labels.byClass.toxic)} toxic, ${number.format(labels.byClass.clean)} clean)`],
    ['From decisions', number.format(labels.byOrigin.decision)],
    ['Imported', number.format(labels.byOrigin.import)],
    ['Since the model in use', number.format(labels.sinceCurrentModel.total)],
  ]);
}

// Retraining ----------------------------------------------------------------------------------------------------

async function retrain() {
  byId('retrain').disabled = true;
  try {
    const job = await call('api/model/retrain', { method: 'POST' });
    if (job) watch(job.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.problem?.jobId) {
      announce('A retrain is already running: following it.');
      watch(error.problem.jobId);
      return;
    }
    byId('retrain').disabled = false;
    announce(`Not started: ${error.message}`);
  }
}

function watch(jobId) {
  if (state.watching === jobId) return;
  state.watching = jobId;
  byId('retrain').disabled = true;
  byId('retrain-progress').hidden = false;
  clear(byId('retrain-report'));
  const tick = async () => {
    if (state.watching !== jobId || !state.token) return;
    let job;
    try {
      job = await call(`api/model/retrain/${encodeURIComponent(jobId)}`);
    } catch (error) {
      byId('retrain-stage').textContent = `Lost track of the retrain: ${error.message}`;
      setTimeout(tick, pollInterval * 3);
      return;
    }
    if (!job) return;
    byId('retrain-progress').value = job.progress;
    byId('retrain-stage').textContent = `${job.status}${job.stage ? `: ${job.stage}` : ''} (${Math.round(job.progress * 100)} %)`;
    if (job.status === 'succeeded' || job.status === 'failed') {
      finished(job);
      return;
    }
    setTimeout(tick, pollInterval);
  };
  tick();
}

function finished(job) {
  state.watching = null;
  byId('retrain').disabled = false;
  byId('retrain-progress').hidden = true;
  const report = job.report;
  const verdict = job.status === 'failed'
    ? `Retrain failed: ${job.error || report?.reason || 'no reason given'}`
    : report?.promoted ? `Promoted ${report.candidate.version}: ${report.reason}` : `Not promoted: ${report?.reason ?? ''}`;
  byId('retrain-stage').textContent = verdict;
  announce(verdict);
  if (report?.current && report?.candidate) byId('retrain-report').append(reportTable(report));
  if (report?.promoted) untilScoringWith(report.candidate.version);
  else loadAll();
}

// A promotion reaches every silo's scorer within seconds: show the page again once this one scores with the version.
async function untilScoringWith(version, attempts = 60) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const model = await call('api/model').catch(() => null);
    if (model?.version === version) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  loadAll();
}

function reportTable(report) {
  const row = (name, figures) => h('tr', {},
    h('th', { scope: 'row', text: name }), h('td', { text: figures.version ?? '' }), h('td', { text: fixed(figures.rocAuc) }),
    h('td', { text: fixed(figures.threshold) }), h('td', { text: fixed(figures.precision) }), h('td', { text: fixed(figures.recall) }),
    h('td', { text: percent(figures.cleanHeld) }), h('td', { text: `${number.format(figures.rows)} (${number.format(figures.toxic)})` }));
  return h('table', { class: 'report' },
    h('thead', {}, h('tr', {}, ...['', 'Version', 'ROC-AUC', 'Threshold', 'Precision', 'Recall', 'Clean held', 'Held-out rows (toxic)']
      .map((title) => h('th', { scope: 'col', text: title })))),
    h('tbody', {}, row('In use', report.current), row('Candidate', report.candidate)));
}

// History -------------------------------------------------------------------------------------------------------

function showHistory(jobs) {
  clear(byId('history')).append(...jobs.map((job) => h('li', {},
    timeElement(job.requestedAt), ` ${job.trigger ?? 'manual'} retrain on ${number.format(job.labels)} labels: ${job.status}`,
    job.report?.candidate ? `, candidate ROC-AUC ${fixed(job.report.candidate.rocAuc)} against ${fixed(job.report.current?.rocAuc)}` : '',
    job.report?.promoted ? ', promoted' : '')));
  const points = jobs.filter((job) => job.report?.candidate && Number.isFinite(job.report.candidate.rocAuc)).reverse();
  clear(byId('history-chart')).append(chart(points));
}

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(svgNs, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  element.append(...children);
  return element;
}

// Held-out ROC-AUC (y) against labels used (x), one point per judged retrain, oldest first.
function chart(jobs) {
  const width = 600, height = 220, left = 44, right = 12, top = 12, bottom = 32;
  const graph = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${jobs.length} judged retrains` });
  if (jobs.length === 0) {
    graph.append(svg('text', { x: left, y: height / 2 }, 'No retrain has been judged yet.'));
    return graph;
  }
  const maxLabels = Math.max(...jobs.map((job) => job.labels), 1);
  const aucs = jobs.map((job) => job.report.candidate.rocAuc);
  const low = Math.min(0.5, ...aucs), high = 1;
  const x = (labels) => left + (labels / maxLabels) * (width - left - right);
  const y = (auc) => top + (1 - (auc - low) / (high - low)) * (height - top - bottom);
  graph.append(
    svg('line', { class: 'axis', x1: left, y1: height - bottom, x2: width - right, y2: height - bottom }),
    svg('line', { class: 'axis', x1: left, y1: top, x2: left, y2: height - bottom }),
    svg('text', { x: left, y: height - 8 }, '0'),
    svg('text', { x: width - right, y: height - 8, 'text-anchor': 'end' }, `${number.format(maxLabels)} labels`),
    svg('text', { x: left - 6, y: y(high) + 4, 'text-anchor': 'end' }, fixed(high)),
    svg('text', { x: left - 6, y: y(low) + 4, 'text-anchor': 'end' }, fixed(low)),
    svg('polyline', { class: 'line', points: jobs.map((job) => `${x(job.labels)},${y(job.report.candidate.rocAuc)}`).join(' ') }));
  for (const job of jobs) {
    graph.append(svg('circle', { class: job.report.promoted ? 'point promoted' : 'point', cx: x(job.labels), cy: y(job.report.candidate.rocAuc), r: 4 },
      svg('title', {}, `${number.format(job.labels)} labels: ROC-AUC ${fixed(job.report.candidate.rocAuc)}${job.report.promoted ? ', promoted' : ''}`)));
  }
  return graph;
}

// Versions ------------------------------------------------------------------------------------------------------

function showVersions(versions) {
  clear(byId('versions')).append(...versions.items.map((version) => h('tr', {},
    h('td', { text: version.version }), h('td', {}, timeElement(version.trainedAt)), h('td', { text: version.basedOn ?? '' }),
    h('td', { text: fixed(version.holdThreshold) }), h('td', { text: fixed(heldOutAuc(version.metrics)) }),
    h('td', {}, version.current
      ? h('strong', { text: 'In use' })
      : h('button', { type: 'button', onclick: (event) => promote(event.currentTarget, version.version), text: `Use ${version.version}` })))));
}

// A rollback changes what every comment is scored with: the first click asks, the second does it.
async function promote(button, version) {
  if (button.dataset.confirming !== 'true') {
    button.dataset.confirming = 'true';
    button.textContent = `Confirm: score with ${version}`;
    return;
  }
  button.disabled = true;
  try {
    await call(`api/model/versions/${encodeURIComponent(version)}/promote`, { method: 'POST' });
    announce(`Now using ${version}; every silo switches within seconds.`);
    untilScoringWith(version);
  } catch (error) {
    button.disabled = false;
    announce(`Not switched: ${error.message}`);
  }
}

byId('retrain').addEventListener('click', retrain);
account.restore();
