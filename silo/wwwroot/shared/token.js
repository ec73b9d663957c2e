// The reader token a host page hands a widget: its data-token attribute, watched so that a sign-in later counts.
export function watchToken(element, onChange) {
  const observer = new MutationObserver(() => onChange(element.dataset.token || null));
  observer.observe(element, { attributes: true, attributeFilter: ['data-token'] });
  return element.dataset.token || null;
}

// Who a token names, to label the reader's own things. Not a check: the service verifies every token.
export function claimsOf(token) {
  if (!token) return null;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}
