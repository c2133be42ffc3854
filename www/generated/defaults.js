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

/** The languages the widget speaks: code, name in itself, direction, Intl locale. */
export const LANGUAGES = [
  { code: 'fr', name: 'Français', dir: 'ltr', intl: 'fr' },
  { code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar-MA' },
  { code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB' },
];

/** The language of tags that name none of LANGUAGES. */
export const FALLBACK_LANGUAGE = 'en';
