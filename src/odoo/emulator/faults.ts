/**
 * Server-side errors as Odoo raises them. Each protocol (XML-RPC, JSON-RPC, JSON-2) renders an
 * OdooFault its own way; the exception names and messages follow the recordings in odoo-facts.
 */
export type FaultKind =
  | 'access-denied' // wrong password / API key
  | 'user' // odoo.exceptions.UserError
  | 'validation' // odoo.exceptions.ValidationError
  | 'missing' // odoo.exceptions.MissingError
  | 'access' // odoo.exceptions.AccessError
  | 'value' // builtins.ValueError (unknown field...)
  | 'type' // builtins.TypeError (bad arguments)
  | 'overflow' // builtins.OverflowError (an int XML-RPC cannot carry)
  | 'unknown-model'
  | 'unknown-method'
  | 'serialization'; // psycopg2 SerializationFailure (a concurrent transaction won)

const PY_NAMES: Record<FaultKind, string> = {
  'access-denied': 'odoo.exceptions.AccessDenied',
  user: 'odoo.exceptions.UserError',
  validation: 'odoo.exceptions.ValidationError',
  missing: 'odoo.exceptions.MissingError',
  access: 'odoo.exceptions.AccessError',
  value: 'builtins.ValueError',
  type: 'builtins.TypeError',
  overflow: 'builtins.OverflowError',
  'unknown-model': 'odoo.exceptions.UserError',
  'unknown-method': 'builtins.AttributeError',
  serialization: 'psycopg2.errors.SerializationFailure',
};

/** Thrown inside the ORM emulation; caught by the protocol handlers, never by callers. */
export class OdooFault extends Error {
  readonly kind: FaultKind;
  /** For unknown-model / unknown-method: the model and method names. */
  readonly model?: string;
  readonly method?: string;

  constructor(kind: FaultKind, message: string, extra: { model?: string; method?: string } = {}) {
    super(message);
    this.name = 'OdooFault';
    this.kind = kind;
    this.model = extra.model;
    this.method = extra.method;
  }

  get pyName(): string {
    return PY_NAMES[this.kind];
  }
}

/**
 * What Odoo raises once its own 5 tries (odoo/service/model.py `retrying`) all met a concurrent
 * transaction: psycopg2's message, with its trailing newline.
 */
export function serializationFailure(): OdooFault {
  return new OdooFault('serialization', 'could not serialize access due to concurrent update\n');
}

export function unknownModel(model: string): OdooFault {
  return new OdooFault('unknown-model', `Object ${model} doesn't exist`, { model });
}

export function unknownMethod(model: string, method: string, version: number): OdooFault {
  const msg =
    version >= 18
      ? `The method '${model}.${method}' does not exist`
      : `The method '${method}' does not exist on the model '${model}'`;
  return new OdooFault('unknown-method', msg, { model, method });
}

export function invalidField(model: string, field: string, version: number): OdooFault {
  const msg = version >= 18 ? `Invalid field '${field}' in '${model}'` : `Invalid field '${field}' on model '${model}'`;
  return new OdooFault('value', msg);
}

export function missingRecord(model: string, ids: readonly number[], uid: number): OdooFault {
  const tuple = ids.length === 1 ? `${ids[0]},` : ids.join(', ');
  return new OdooFault('missing', `Record does not exist or has been deleted.\n(Record: ${model}(${tuple}), User: ${uid})`);
}

export function missingRequired(version: number, modelLabel: string, model: string, fieldLabel: string, field: string): OdooFault {
  const msg =
    version >= 18
      ? `The operation cannot be completed: Missing required value for the field '${fieldLabel}' (${field}).\n` +
        `Model: '${modelLabel}' (${model})\n` +
        '- create/update: a mandatory field is not set\n' +
        '- delete: another model requires the record being deleted, you can archive it instead\n'
      : 'The operation cannot be completed:\n' +
        '- Create/update: a mandatory field is not set.\n' +
        '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
        `Model: ${modelLabel} (${model})\nField: ${fieldLabel} (${field})\n`;
  return new OdooFault('validation', msg);
}

export type AccessOperation = 'read' | 'write' | 'create' | 'unlink';
const OP_VERB: Record<AccessOperation, string> = { read: 'access', write: 'modify', create: 'create', unlink: 'delete' };

export function accessError(op: AccessOperation, modelLabel: string, model: string, groups: readonly string[]): OdooFault {
  const lines = groups.map((g) => `\t- ${g}`).join('\n');
  return new OdooFault(
    'access',
    `You are not allowed to ${OP_VERB[op]} '${modelLabel}' (${model}) records.\n\n` +
      `This operation is allowed for the following groups:\n${lines}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}

/** A Python-looking traceback ending with the exception line, as Odoo puts in faultString/debug. */
export function traceback(version: number, fault: OdooFault): string {
  const root = `<odoo-${version}-root>`;
  const exc = fault.kind === 'unknown-model' ? 'odoo.exceptions.UserError' : fault.pyName.replace(/^builtins\./, '');
  return (
    'Traceback (most recent call last):\n' +
    `  File "${root}/odoo/service/model.py", line 1, in execute_kw\n` +
    '    (emulated: the Odoo emulator of odoo-project-sync raised this)\n' +
    `${exc}: ${fault.message}\n`
  );
}
