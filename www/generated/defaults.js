// Generated from the Rust side (src/element.rs) by `UPDATE_GENERATED=1 cargo test --test generated`: do not edit.

/** Per view: [narrowBelow, narrow, ratio, min, max] (chart::view::HeightRule). */
export const HEIGHTS = {
  series: [0, 260, 0.55, 260, 420],
  rating: [0, 260, 0.55, 260, 420],
  status: [560, 720, 0, 420, 420],
  progress: [560, 620, 0, 420, 420],
  timeline: [560, 640, 0.45, 320, 440],
  overview: [760, 1100, 0.7, 560, 4000],
  compare: [660, 625, 0.33, 250, 330],
};

/** The shortest chart a view draws, in CSS pixels (chart::view::MIN_HEIGHT). */
export const MIN_HEIGHT = 150;

/** The views that only the widget's full module draws (chart::ViewKind::FIRST_MODULE draws the others). */
export const FULL_MODULE_VIEWS = ['progress', 'timeline', 'overview', 'compare'];

/** The languages the widget speaks: code, name in itself, direction, Intl locale. */
export const LANGUAGES = [
  { code: 'fr', name: 'Français', dir: 'ltr', intl: 'fr' },
  { code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar-MA' },
  { code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB' },
];

/** The language of tags that name none of LANGUAGES. */
export const FALLBACK_LANGUAGE = 'en';

/** The words of the message for a wasm that did not load (they cannot come with it), per language and
 * key of i18n::UI_KEYS, `{}` where an argument goes. */
export const EARLY_WORDS = {
  fr: { "error": "Ce graphique ne peut pas être affiché.", "retry": "Réessayer", "http": "Le serveur a répondu {} pour {}.", "code-network": "Le code de ce graphique n'a pas pu être téléchargé ({}) : réseau coupé, ou serveur qui n'autorise pas ce site à le lire (CORS).", "code-tampered": "Le code de ce graphique ({}) ne correspond pas à celui que son éditeur a publié : il n'a pas été exécuté." },
  ar: { "error": "تعذّر عرض هذا الرسم البياني.", "retry": "إعادة المحاولة", "http": "أجاب الخادم بالرمز {} على {}.", "code-network": "تعذّر تنزيل شيفرة هذا الرسم البياني ({}): انقطاع في الشبكة، أو خادم لا يسمح لهذا الموقع بقراءتها (CORS).", "code-tampered": "شيفرة هذا الرسم البياني ({}) لا تطابق ما نشره ناشره، لذلك لم تُشغَّل." },
  en: { "error": "This chart could not be shown.", "retry": "Retry", "http": "The server answered {} for {}.", "code-network": "This chart's code could not be downloaded ({}): the network failed, or the server does not let this site read it (CORS).", "code-tampered": "This chart's code ({}) did not match what its publisher released, so it was not run." },
};
