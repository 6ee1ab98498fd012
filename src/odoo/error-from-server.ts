import { assertNever } from '../core/assert-never.js';
import { OdooError } from './errors.js';
import { type ErrorContext, firstParagraph, opOf, serverOf } from './error-context.js';
import { classifyServerMessage, messageOfTraceback, type ServerFacts } from './server-message.js';
import { isOdooOnline } from './url.js';

export interface ServerErrorInput {
  /** Message or full traceback as the server sent it. */
  text: string;
  /** Exception class, e.g. "odoo.exceptions.AccessError". */
  exception?: string;
  /** Traceback, when it came separately from the message. */
  debug?: string;
  faultCode?: number;
  status?: number;
}

/** Turns an error the Odoo server reported (fault, JSON-RPC error, JSON-2 body) into an OdooError. */
export function errorFromServer(raw: ServerErrorInput, ctx: ErrorContext): OdooError {
  // Scrub only what came from the server: our wording and the user's own settings (url, db,
  // login) stay as they are, or a mask in them would tell that the password equals one of them.
  const s = ctx.scrub;
  const input: ServerErrorInput = { ...raw, text: s(raw.text), exception: raw.exception && s(raw.exception), debug: raw.debug && s(raw.debug) };
  const facts = classifyServerMessage(input);
  const exception = input.exception ?? messageOfTraceback(input.text).exception;
  const { message, hint } = onlinePlan(facts, ctx, describe(facts, ctx));
  const traceback = input.debug ?? (input.text.trim() !== facts.message ? input.text : undefined);
  const detailParts = [
    exception ? `${exception}: ${facts.message}` : facts.message,
    ctx.debug && traceback && traceback.trim() !== facts.message ? traceback : undefined,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  return new OdooError(facts.kind, message, {
    server: serverOf(ctx),
    hint,
    detail: [...new Set(detailParts)].join('\n\n'),
    model: facts.model ?? ctx.model,
    odooField: facts.field,
    status: input.status,
    faultCode: input.faultCode,
    serverName: exception,
  });
}

function describe(facts: ServerFacts, ctx: ErrorContext): { message: string; hint: string } {
  const db = ctx.db ? ` on database '${ctx.db}'` : '';
  const model = facts.model ?? ctx.model ?? 'this model';
  switch (facts.kind) {
    case 'auth':
      return authMessage(ctx, db);
    case 'access':
      return {
        message: `Odoo denied ${ctx.login ? `'${ctx.login}'` : 'this user'} access to ${model}: ${firstParagraph(facts.message)}`,
        hint: 'Ask an Odoo administrator for the rights the message names, or connect as a user who has them.',
      };
    case 'unknown-model':
      return {
        message: `Odoo has no model '${model}'${db}.`,
        hint: 'Install the module that defines it, or check the model name (custom models start with x_).',
      };
    case 'unknown-field':
      return {
        message: `Odoo has no field '${facts.field ?? '?'}' on model '${model}'.`,
        hint: 'Check the field name: custom fields start with x_ and must exist in this database (install the module that adds them).',
      };
    case 'missing-required': {
      const field = facts.field ? `'${facts.field}'${facts.fieldLabel ? ` (${facts.fieldLabel})` : ''}` : 'a required field';
      return {
        message: `Odoo needs a value for the required field ${field} on ${facts.modelLabel ? `${facts.modelLabel} (${model})` : model}.`,
        hint: `Give every ${model} record a ${facts.field ?? 'value for that field'} and run again.`,
      };
    }
    case 'not-found':
      if (facts.database) {
        return {
          message: `${ctx.url} has no database '${facts.database}'.`,
          hint: 'Check db in the [connection] table or --db (names are case-sensitive); leave it out when the server has only one.',
        };
      }
      return facts.method
        ? {
            message: `Odoo has no public method '${facts.method}' on model '${model}'.`,
            hint: 'This Odoo version or its installed modules do not offer it; check the version and the installed modules.',
          }
        : {
            message: facts.recordIds?.length
              ? `${model} record${facts.recordIds.length > 1 ? 's' : ''} ${facts.recordIds.join(', ')} no longer exist${facts.recordIds.length > 1 ? '' : 's'} in Odoo (${opOf(ctx)}).`
              : `A record that ${opOf(ctx)} needs no longer exists in Odoo: ${firstParagraph(facts.message)}`,
            hint: 'Someone deleted it meanwhile: read the database again (re-run extract or sync) before writing.',
          };
    case 'validation':
      return {
        message: `Odoo rejected ${opOf(ctx)}: ${firstParagraph(facts.message)}`,
        hint: 'Correct the values the message names and run again.',
      };
    case 'conflict':
      return {
        message: `Odoo could not apply ${opOf(ctx)}: another transaction was writing the same records (${firstParagraph(facts.message)}).`,
        hint: 'Nothing was written by this call. Wait a minute (a stopped run may still be committing) and run again.',
      };
    case 'server':
      return {
        message: `Odoo failed with an internal error during ${opOf(ctx)}: ${firstParagraph(facts.message)}`,
        hint: 'Run again with --debug to see the server traceback, and check the Odoo server log.',
      };
    default:
      return assertNever(facts.kind);
  }
}

/**
 * Odoo Online allows the external API only on the Custom plan. The refusal's wording lives in
 * Odoo's private SaaS code (not in the public sources), so it is recognised by where it happens:
 * an auth or access refusal from a *.odoo.com host, or a server text about the API and a plan.
 */
export const ONLINE_PLAN_HINT =
  'On Odoo Online (*.odoo.com) the external API works only on the Custom plan: on One App Free and Standard plans every call is refused, even with the right password. Check the plan under Settings > Subscription, or use an Odoo.sh or on-premise database.';

function onlinePlan(facts: ServerFacts, ctx: ErrorContext, d: { message: string; hint: string }): { message: string; hint: string } {
  const aboutPlan = /\b(external|xml-?rpc|json-?rpc)\b[^.]*\bapi\b|\bapi\b[^.]*\b(plan|subscription)\b/i.test(facts.message);
  if (aboutPlan && (facts.kind === 'auth' || facts.kind === 'access' || facts.kind === 'validation' || facts.kind === 'server')) {
    return { message: `Odoo refused the external API for this database: ${firstParagraph(facts.message)}`, hint: ONLINE_PLAN_HINT };
  }
  if (isOdooOnline(ctx.url) && (facts.kind === 'auth' || facts.kind === 'access')) return { message: d.message, hint: `${d.hint} ${ONLINE_PLAN_HINT}` };
  return d;
}

/** Names the secret that was sent and where it came from, so the user fixes the right one. */
function authMessage(ctx: ErrorContext, db: string): { message: string; hint: string } {
  const source = ctx.secretSource ?? (ctx.usesApiKey ? 'the API key' : 'the password');
  const who = ctx.login ? ` of '${ctx.login}'` : '';
  if (ctx.usesApiKey) {
    const why = ctx.unusedPassword ? ` (${source} is used, not ${ctx.unusedPassword}: when both are set the API key goes first)` : '';
    const fix = ctx.unusedPassword
      ? `Check ${source}, or unset it to sign in with ${ctx.unusedPassword}.`
      : `Check ${source}, or create a new key in Preferences > Account Security (on Odoo 19 keys expire after at most 3 months).`;
    return { message: `Odoo refused the API key${who}${db}${why}: the key is wrong, revoked or expired.`, hint: fix };
  }
  return {
    message: `Odoo refused the login '${ctx.login ?? '?'}'${db} with ${source}: the login or the password is wrong.`,
    hint: `Check ${source}, or create an API key in Preferences > Account Security and set ODOO_API_KEY.`,
  };
}
