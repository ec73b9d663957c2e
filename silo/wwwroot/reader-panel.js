// The signed-in reader's corner of the demo page: a notification badge fed by GET /api/readers/me/events and a
// "My comments" panel from GET /api/readers/me/comments. A site's own page, so outside the widgets' size budget.
import { api, listen } from './shared/api.js';
import { h } from './shared/dom.js';

const words = {
  reply: (notice) => `${notice.authorName || 'Someone'} replied to your comment.`,
  approved: () => 'A moderator approved your comment.',
  rejected: (notice) => `A moderator rejected your comment (${notice.reason}).`,
  featured: () => 'Your comment was featured.',
};

export function mountReaderPanel(element, token) {
  let stop = () => {};
  let unread = 0;
  const badge = h('span', { class: 'demo-badge', 'aria-live': 'polite' }, '0');
  const notices = h('ol', { class: 'demo-notices', hidden: true });
  const mine = h('ol', { class: 'demo-mine', hidden: true });
  const bell = h('button', { type: 'button', 'aria-expanded': 'false', onclick: () => {
    notices.hidden = !notices.hidden;
    bell.setAttribute('aria-expanded', String(!notices.hidden));
    unread = 0;
    badge.textContent = '0';
  } }, 'Notifications ', badge);
  const own = h('button', { type: 'button', 'aria-expanded': 'false', onclick: async () => {
    mine.hidden = !mine.hidden;
    own.setAttribute('aria-expanded', String(!mine.hidden));
    if (mine.hidden) return;
    try {
      const page = await api('api/readers/me/comments?limit=20', { token });
      mine.replaceChildren(...(page.items.length ? page.items.map(({ comment, rejectionReason }) => h('li', {},
        h('strong', {}, rejectionReason ? `${comment.status} (${rejectionReason})` : comment.status), ' ',
        comment.deleted ? '(deleted)' : comment.body.slice(0, 120))) : [h('li', {}, 'You have not commented yet.')]));
    } catch (error) {
      mine.replaceChildren(h('li', {}, `Your comments could not be loaded: ${error.message}`));
    }
  } }, 'My comments');
  element.replaceChildren(bell, own, notices, mine);

  const show = (type) => (notice) => {
    unread += 1;
    badge.textContent = String(unread);
    notices.prepend(h('li', { class: `demo-notice-${type}` }, words[type](notice)));
  };
  // EventSource sends no headers, so the token rides in the query string on this one route; the browser resumes
  // after a drop with Last-Event-ID by itself.
  stop = listen(`api/readers/me/events?access_token=${encodeURIComponent(token)}`,
    Object.fromEntries(Object.keys(words).map((type) => [type, show(type)])));
  return () => stop();
}
