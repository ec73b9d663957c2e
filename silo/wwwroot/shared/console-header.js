// The console pages' header: the title, the links between the pages and the account forms that account.js wires.
// A page names itself and who signs in on its empty <header class="console-header">, for example
//   data-page="rules" data-sign-in-as="moderator" data-token-roles="moderator or editor"
import { h } from './dom.js';

const pages = [['moderate', 'Queues'], ['model', 'Model'], ['rules', 'Rules'], ['polls', 'Polls']];

export function renderConsoleHeader(header = document.querySelector('header.console-header')) {
  const { page, signInAs = 'moderator', tokenRoles = signInAs } = header.dataset;
  const article = /^[aeiou]/.test(tokenRoles) ? 'an' : 'a';
  const links = pages.map(([href, text], index) =>
    [index > 0 ? ' ' : null, h('a', { href, 'aria-current': href === page ? 'page' : null, text })]);
  header.replaceChildren(
    h('h1', { text: 'Moderation' }),
    h('nav', { class: 'console-nav', 'aria-label': 'Console' }, links),
    h('div', { id: 'account', class: 'account' },
      h('form', { id: 'dev-signin', class: 'inline-form' },
        h('label', { for: 'dev-name', text: `Sign in as ${signInAs}` }),
        h('input', { id: 'dev-name', autocomplete: 'off', value: signInAs[0].toUpperCase() + signInAs.slice(1), maxlength: 60 }),
        h('button', { type: 'submit', text: 'Sign in' })),
      h('form', { id: 'paste', class: 'inline-form' },
        h('label', { for: 'paste-token', text: `or paste ${article} ${tokenRoles} token` }),
        h('input', { id: 'paste-token', autocomplete: 'off', placeholder: `JWT with the ${tokenRoles} role` }),
        h('button', { type: 'submit', text: 'Use token' })),
      h('p', { id: 'signed-in', hidden: true },
        h('span', { id: 'signed-in-name' }), ' ', h('button', { type: 'button', id: 'signout', text: 'Sign out' })),
      h('p', { id: 'account-status', class: 'status', role: 'status' })));
}
