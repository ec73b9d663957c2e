// Development sign-in: POST /api/dev/tokens exists only when the service runs in Development.
import { api, ApiError } from './api.js';

export class DevSignInUnavailable extends Error {}

export async function devToken(name, roles = []) {
  const subject = name.trim().toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'reader';
  try {
    return (await api('api/dev/tokens', { method: 'POST', body: { subject, name: name.trim(), roles } })).token;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
      throw new DevSignInUnavailable('Development sign-in is off here: paste a token instead.');
    }
    throw error;
  }
}
