// Every action an audit record names, with the kind of thing it is about (docs/api.md §12.3).
// The filters of the audit log take only these, so that a misspelt one is a 400, not an empty list.

/** Action -> the kinds its records carry. */
export const AUDIT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  create: ['page', 'item', 'post'],
  update: ['page', 'item', 'post'],
  publish: ['page', 'item', 'post'],
  schedule: ['page', 'item', 'post'],
  unpublish: ['page', 'item', 'post'],
  delete: ['page', 'item', 'post'],
  restore: ['page', 'item', 'post'],
  purge: ['page', 'item', 'post'],
  'schema.apply': ['schema'],
  'locales.set': ['locale'],
  'token.create': ['token'],
  'token.rotate': ['token'],
  'token.revoke': ['token'],
  'member.invite': ['user'],
  'member.accept': ['user'],
  'member.add': ['user'],
  'member.role': ['user'],
  'member.remove': ['user'],
  'invitation.revoke': ['user'],
  'account.create': ['account'],
  'plan.set': ['account'],
  'site.update': ['account'],
  export: ['account'],
  import: ['account'],
  'webhook.create': ['webhook'],
  'webhook.update': ['webhook'],
  'webhook.delete': ['webhook'],
  sign_in: ['session'],
  sign_in_failed: ['session'],
  sign_out: ['session'],
  'media.upload': ['media'],
  'media.update': ['media'],
  'media.replace': ['media'],
  'media.delete': ['media'],
};

/** Every action name, in the order above. */
export const AUDIT_ACTION_NAMES: readonly string[] = Object.keys(AUDIT_ACTIONS);

/** Every kind, once each, in order of first use. */
export const AUDIT_KINDS: readonly string[] = [...new Set(Object.values(AUDIT_ACTIONS).flat())];
