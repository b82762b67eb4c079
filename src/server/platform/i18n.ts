import { z } from 'zod';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

/**
 * Server-side messages: the texts of errors and e-mails. The web UI has its own resource files; these are
 * the strings the API itself returns, so a client in any language gets a message it can show as is.
 */
const messages = {
  nl: {
    validation_failed: 'De gegevens zijn niet geldig: {details}',
    invalid_json: 'De aanvraag bevat geen geldige JSON.',
    payload_too_large: 'De aanvraag is te groot.',
    unsupported_media_type: 'Dit type inhoud wordt niet aanvaard.',
    not_found: 'Niet gevonden.',
    route_not_found: 'Deze pagina of API bestaat niet.',
    unauthenticated: 'U bent niet aangemeld.',
    forbidden: 'U hebt geen toegang tot deze gegevens.',
    csrf_failed: 'De beveiligingscontrole van het formulier is mislukt. Laad de pagina opnieuw.',
    invalid_credentials: 'E-mailadres of wachtwoord is onjuist.',
    rate_limited: 'Te veel pogingen. Probeer het over enkele minuten opnieuw.',
    conflict: 'Deze gegevens bestaan al.',
    internal_error: 'Er liep iets mis aan onze kant. Probeer het later opnieuw (referentie {requestId}).',
    service_unavailable: 'De dienst is tijdelijk niet beschikbaar.',
    control_characters:
      'Het veld {field} bevat een onzichtbaar stuurteken (zoals NUL); verwijder het en probeer opnieuw.',
  },
  fr: {
    validation_failed: 'Les données ne sont pas valides : {details}',
    invalid_json: 'La requête ne contient pas de JSON valide.',
    payload_too_large: 'La requête est trop volumineuse.',
    unsupported_media_type: "Ce type de contenu n'est pas accepté.",
    not_found: 'Introuvable.',
    route_not_found: "Cette page ou cette API n'existe pas.",
    unauthenticated: "Vous n'êtes pas connecté.",
    forbidden: "Vous n'avez pas accès à ces données.",
    csrf_failed: 'Le contrôle de sécurité du formulaire a échoué. Rechargez la page.',
    invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
    rate_limited: 'Trop de tentatives. Réessayez dans quelques minutes.',
    conflict: 'Ces données existent déjà.',
    internal_error: 'Une erreur est survenue de notre côté. Réessayez plus tard (référence {requestId}).',
    service_unavailable: 'Le service est temporairement indisponible.',
    control_characters:
      'Le champ {field} contient un caractère de contrôle invisible (comme NUL) ; supprimez-le et réessayez.',
  },
  en: {
    validation_failed: 'The data is not valid: {details}',
    invalid_json: 'The request does not contain valid JSON.',
    payload_too_large: 'The request is too large.',
    unsupported_media_type: 'This content type is not accepted.',
    not_found: 'Not found.',
    route_not_found: 'This page or API does not exist.',
    unauthenticated: 'You are not logged in.',
    forbidden: 'You do not have access to this data.',
    csrf_failed: 'The form security check failed. Please reload the page.',
    invalid_credentials: 'E-mail address or password is incorrect.',
    rate_limited: 'Too many attempts. Try again in a few minutes.',
    conflict: 'This data already exists.',
    internal_error: 'Something went wrong on our side. Please try again later (reference {requestId}).',
    service_unavailable: 'The service is temporarily unavailable.',
    control_characters:
      'The field {field} contains an invisible control character (such as NUL); remove it and try again.',
  },
} satisfies Record<Language, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['nl'];

const extraMessages: Record<Language, Record<string, string>> = { nl: {}, fr: {}, en: {} };

/** Modules add their own error texts (all three languages are required, so none can be forgotten). */
export function registerMessages(texts: Record<Language, Record<string, string>>): void {
  for (const lang of LANGUAGES) Object.assign(extraMessages[lang], texts[lang]);
}

export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const template =
    extraMessages[lang][key] ??
    (messages[lang] as Record<string, string>)[key] ??
    (messages.en as Record<string, string>)[key] ??
    key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** Explicit choice (query, then cookie) wins over the browser's Accept-Language; Dutch is the default. */
export function negotiateLanguage(input: {
  query?: string | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
}): Language {
  if (isLanguage(input.query)) return input.query;
  if (isLanguage(input.cookie)) return input.cookie;
  if (input.acceptLanguage) {
    const ranked = input.acceptLanguage
      .split(',')
      .map((part) => {
        const [tag, ...rest] = part.trim().split(';');
        const q = rest.find((r) => r.trim().startsWith('q='));
        return { lang: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
      })
      .sort((a, b) => b.q - a.q);
    const hit = ranked.find((r) => isLanguage(r.lang));
    if (hit) return hit.lang as Language;
  }
  return DEFAULT_LANGUAGE;
}

const zodLocales = { nl: z.locales.nl(), fr: z.locales.fr(), en: z.locales.en() };

/** Re-words Zod's issues in the user's language; the field path keeps the API's own names. */
export function describeIssues(lang: Language, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => {
      const localized =
        // biome-ignore lint/suspicious/noExplicitAny: Zod's locale functions accept finalized issues as raw ones
        (zodLocales[lang].localeError as any)?.(issue) ?? issue.message;
      const text = typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return `${where}${text}`;
    })
    .join('; ');
}
