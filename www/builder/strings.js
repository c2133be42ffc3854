// The builder's own words (builder.html and builder.js), in the interface's language (`ui`), and
// the helpers that put them in the page. Words the widget already has (Copy, Copied…, the data
// link of the code) are asked of the wasm (`uiText`) instead of being written again here.

import { FALLBACK_LANGUAGE } from '../generated/defaults.js';
import { el } from '../element/dom.js';
import { languageOf, wasm } from '../element/loader.js';

/** The builder's words by key, in each language of LANGUAGES. */
const STRINGS = {
  en: {
    home: 'plan-progress',
    uiLang: 'Interface language',
    title: 'Chart builder',
    intro: 'Choose a chart, check it in the preview, then copy the code into your article.',
    noscript: 'This builder needs JavaScript.',
    settings: 'Settings',
    src: 'Dataset address (JSON)',
    load: 'Load',
    srcHint: 'Relative to this page, or a full `https://` address.',
    loading: 'Loading the dataset…',
    loaded: 'Dataset loaded: {0}',
    failed: 'The dataset could not be read: {0}',
    badUrl: 'only `http://` and `https://` addresses can be used',
    view: 'View',
    'view-series': 'Indicators over the years',
    'view-rating': 'Rating over the years (tier placement)',
    'view-status': 'Status board',
    'view-progress': 'Progress of the commitments',
    'view-timeline': 'Timeline of milestones',
    'view-overview': 'Overview (all of the above)',
    'view-compare': 'Countries compared, year by year',
    indicators: 'Indicators',
    indicatorsHint: 'Indicators of the same group are meant to be compared. With none ticked, the chart shows the first group.',
    rating: 'Rating',
    subject: 'What to show',
    axes: 'Strategic axes',
    axesHint: 'With none ticked, every axis is shown.',
    noAxes: 'This dataset publishes no strategic axes: every commitment is shown.',
    nothing: 'This view shows the whole dataset: there is nothing to choose here.',
    noData: 'Load a dataset to choose what the chart shows.',
    noRatings: 'This dataset has no rating.',
    scale: 'Scale compared',
    noScales: 'This dataset compares no countries: open one that rates several on a shared scale, such as data/neighbours.json.',
    noIndicators: 'This dataset has no indicator.',
    noStatus: 'This dataset has no commitment and no recommendation.',
    years: 'Years shown',
    from: 'From',
    to: 'To',
    yearsHint: 'Leave empty to show every year.',
    yearsRange: 'Leave empty to show every year ({0}–{1} in this dataset).',
    badYear: 'A year is a whole number from 1900 to 2100.',
    badOrder: 'The first year comes after the last one.',
    lang: 'Language of the chart',
    theme: 'Theme',
    'theme-light': 'Light',
    'theme-dark': 'Dark',
    'theme-auto': 'Follows the reader’s setting',
    height: 'Height of the chart (pixels)',
    heightHint: 'Leave empty: the chart takes a height that suits its width.',
    badHeight: 'A height is a whole number of pixels from 150 to 2000.',
    preview: 'Preview',
    code: 'Code to paste',
    component: 'Web component (recommended)',
    componentHint: 'Paste this into the HTML of your page, where the chart goes. The picture inside is shown before the chart, and where scripts do not run.',
    componentCode: 'Web component code',
    sriNote: 'The integrity hash guarantees `plan-progress.js` only, not the files it loads itself (`pkg/plan_progress.js` and the wasm). Copy the code again after each update of the chart’s files.',
    noSri: 'No integrity hash: this browser computes one only on `https://` pages (or on this computer).',
    cspNote: 'If your page has a Content-Security-Policy, it must allow `script-src {0} \'wasm-unsafe-eval\'`, `connect-src {0} {1}` and, for the picture shown before the chart, `img-src data:`.',
    cspIframe: 'If your page has a Content-Security-Policy, it must allow `frame-src {0}` and, for the second line, `script-src {0}`.',
    iframe: 'Iframe (for sites that remove scripts)',
    iframeHint: 'The second line adjusts the frame’s height to the chart; without it, the frame keeps a fixed height.',
    iframeCode: 'Iframe code',
    permalink: 'Link to these settings',
    permalinkHint: 'This page’s address keeps every setting: bookmark or share it to come back to this chart.',
    permalinkCode: 'Link',
  },
  fr: {
    home: 'plan-progress',
    uiLang: 'Langue de l’interface',
    title: 'Créer un graphique',
    intro: 'Choisissez un graphique, vérifiez-le dans l’aperçu, puis copiez le code dans votre article.',
    noscript: 'Cet outil a besoin de JavaScript.',
    settings: 'Réglages',
    src: 'Adresse des données (JSON)',
    load: 'Charger',
    srcHint: 'Relative à cette page, ou une adresse `https://` complète.',
    loading: 'Chargement des données…',
    loaded: 'Données chargées : {0}',
    failed: 'Les données n’ont pas pu être lues : {0}',
    badUrl: 'seules les adresses `http://` et `https://` sont possibles',
    view: 'Vue',
    'view-series': 'Indicateurs au fil des années',
    'view-rating': 'Classement au fil des années (catégorie)',
    'view-status': 'Tableau des états d’avancement',
    'view-progress': 'Avancement des engagements',
    'view-timeline': 'Chronologie des étapes',
    'view-overview': 'Vue d’ensemble (tout ce qui précède)',
    'view-compare': 'Pays comparés, année par année',
    indicators: 'Indicateurs',
    indicatorsHint: 'Les indicateurs d’un même groupe sont faits pour être comparés. Si aucun n’est coché, le graphique montre le premier groupe.',
    rating: 'Classement',
    subject: 'Ce qui est montré',
    axes: 'Axes stratégiques',
    axesHint: 'Si aucun n’est coché, tous les axes sont montrés.',
    noAxes: 'Ces données ne publient pas d’axes stratégiques : tous les engagements sont montrés.',
    nothing: 'Cette vue montre l’ensemble des données : il n’y a rien à choisir ici.',
    noData: 'Chargez des données pour choisir ce que montre le graphique.',
    noRatings: 'Ces données n’ont pas de classement.',
    scale: 'Échelle comparée',
    noScales: 'Ces données ne comparent aucun pays : ouvrez-en qui en classent plusieurs sur une échelle commune, comme data/neighbours.json.',
    noIndicators: 'Ces données n’ont pas d’indicateur.',
    noStatus: 'Ces données n’ont ni engagement ni recommandation.',
    years: 'Années montrées',
    from: 'De',
    to: 'À',
    yearsHint: 'Laissez vide pour montrer toutes les années.',
    yearsRange: 'Laissez vide pour montrer toutes les années ({0}–{1} dans ces données).',
    badYear: 'Une année est un nombre entier de 1900 à 2100.',
    badOrder: 'La première année est après la dernière.',
    lang: 'Langue du graphique',
    theme: 'Thème',
    'theme-light': 'Clair',
    'theme-dark': 'Sombre',
    'theme-auto': 'Suit le réglage du lecteur',
    height: 'Hauteur du graphique (pixels)',
    heightHint: 'Laissez vide : le graphique prend une hauteur adaptée à sa largeur.',
    badHeight: 'Une hauteur est un nombre entier de pixels de 150 à 2000.',
    preview: 'Aperçu',
    code: 'Code à coller',
    component: 'Composant web (recommandé)',
    componentHint: 'Collez ceci dans le HTML de votre page, à l’endroit du graphique. L’image intérieure s’affiche avant le graphique, et là où les scripts ne s’exécutent pas.',
    componentCode: 'Code du composant web',
    sriNote: 'L’empreinte d’intégrité garantit `plan-progress.js` seulement, pas les fichiers qu’il charge lui-même (`pkg/plan_progress.js` et le wasm). Copiez à nouveau le code après chaque mise à jour des fichiers du graphique.',
    noSri: 'Pas d’empreinte d’intégrité : ce navigateur n’en calcule que sur les pages `https://` (ou sur cet ordinateur).',
    cspNote: 'Si votre page a une Content-Security-Policy, elle doit autoriser `script-src {0} \'wasm-unsafe-eval\'`, `connect-src {0} {1}` et, pour l’image montrée avant le graphique, `img-src data:`.',
    cspIframe: 'Si votre page a une Content-Security-Policy, elle doit autoriser `frame-src {0}` et, pour la deuxième ligne, `script-src {0}`.',
    iframe: 'Iframe (pour les sites qui retirent les scripts)',
    iframeHint: 'La deuxième ligne ajuste la hauteur du cadre au graphique ; sans elle, le cadre garde une hauteur fixe.',
    iframeCode: 'Code de l’iframe',
    permalink: 'Lien vers ces réglages',
    permalinkHint: 'L’adresse de cette page garde tous les réglages : ajoutez-la à vos favoris ou partagez-la pour revenir à ce graphique.',
    permalinkCode: 'Lien',
  },
  ar: {
    home: 'plan-progress',
    uiLang: 'لغة الواجهة',
    title: 'منشئ الرسوم البيانية',
    intro: 'اختر رسما بيانيا، وتحقق منه في المعاينة، ثم انسخ الشيفرة إلى مقالك.',
    noscript: 'تحتاج هذه الأداة إلى جافاسكربت.',
    settings: 'الإعدادات',
    src: 'عنوان البيانات (JSON)',
    load: 'تحميل',
    srcHint: 'عنوان نسبي إلى هذه الصفحة، أو عنوان `https://` كامل.',
    loading: 'جار تحميل البيانات…',
    loaded: 'تم تحميل البيانات: {0}',
    failed: 'تعذرت قراءة البيانات: {0}',
    badUrl: 'لا تقبل إلا العناوين التي تبدأ بـ `http://` أو `https://`',
    view: 'نوع الرسم',
    'view-series': 'المؤشرات عبر السنوات',
    'view-rating': 'التصنيف عبر السنوات',
    'view-status': 'لوحة حالات التنفيذ',
    'view-progress': 'تقدم الالتزامات',
    'view-timeline': 'الخط الزمني للمحطات',
    'view-overview': 'نظرة عامة (كل ما سبق)',
    'view-compare': 'مقارنة البلدان سنة بسنة',
    indicators: 'المؤشرات',
    indicatorsHint: 'مؤشرات المجموعة الواحدة معدة للمقارنة. إذا لم تحدد أي مؤشر، يعرض الرسم المجموعة الأولى.',
    rating: 'التصنيف',
    subject: 'ما يعرضه الرسم',
    axes: 'المحاور الاستراتيجية',
    axesHint: 'إذا لم تحدد أي محور، تعرض كل المحاور.',
    noAxes: 'لا تنشر هذه البيانات محاور استراتيجية: تعرض كل الالتزامات.',
    nothing: 'يعرض هذا الرسم البيانات كلها: لا شيء للاختيار هنا.',
    noData: 'حمّل بيانات لتختار ما يعرضه الرسم.',
    noRatings: 'لا تتضمن هذه البيانات أي تصنيف.',
    scale: 'السلّم المقارَن',
    noScales: 'لا تقارن هذه البيانات أي بلدان: افتح بيانات تصنف عدة بلدان على سلّم مشترك، مثل data/neighbours.json.',
    noIndicators: 'لا تتضمن هذه البيانات أي مؤشر.',
    noStatus: 'لا تتضمن هذه البيانات أي التزام ولا أي توصية.',
    years: 'السنوات المعروضة',
    from: 'من',
    to: 'إلى',
    yearsHint: 'اتركه فارغا لعرض كل السنوات.',
    yearsRange: 'اتركه فارغا لعرض كل السنوات ({0}–{1} في هذه البيانات).',
    badYear: 'السنة عدد صحيح من 1900 إلى 2100.',
    badOrder: 'السنة الأولى تأتي بعد السنة الأخيرة.',
    lang: 'لغة الرسم',
    theme: 'المظهر',
    'theme-light': 'فاتح',
    'theme-dark': 'داكن',
    'theme-auto': 'يتبع إعداد القارئ',
    height: 'ارتفاع الرسم (بالبكسل)',
    heightHint: 'اتركه فارغا: يأخذ الرسم ارتفاعا يناسب عرضه.',
    badHeight: 'الارتفاع عدد صحيح من البكسلات من 150 إلى 2000.',
    preview: 'معاينة',
    code: 'الشيفرة المراد لصقها',
    component: 'مكون ويب (موصى به)',
    componentHint: 'الصق هذا في شيفرة HTML لصفحتك، في مكان الرسم. تظهر الصورة الداخلية قبل الرسم، وحيث لا تعمل السكربتات.',
    componentCode: 'شيفرة مكون الويب',
    sriNote: 'بصمة السلامة تضمن الملف `plan-progress.js` وحده، لا الملفات التي يحمّلها بنفسه (`pkg/plan_progress.js` وملف wasm). انسخ الشيفرة من جديد بعد كل تحديث لملفات الرسم.',
    noSri: 'لا توجد بصمة سلامة: لا يحسبها هذا المتصفح إلا في صفحات `https://` (أو على هذا الحاسوب).',
    cspNote: 'إذا كانت لصفحتك سياسة أمان المحتوى (Content-Security-Policy)، فيجب أن تسمح بـ `script-src {0} \'wasm-unsafe-eval\'` وبـ `connect-src {0} {1}`، وبـ `img-src data:` للصورة التي تظهر قبل الرسم.',
    cspIframe: 'إذا كانت لصفحتك سياسة أمان المحتوى (Content-Security-Policy)، فيجب أن تسمح بـ `frame-src {0}`، وبـ `script-src {0}` للسطر الثاني.',
    iframe: 'إطار iframe (للمواقع التي تحذف السكربتات)',
    iframeHint: 'يضبط السطر الثاني ارتفاع الإطار على ارتفاع الرسم؛ وبدونه يبقى ارتفاع الإطار ثابتا.',
    iframeCode: 'شيفرة الإطار',
    permalink: 'رابط هذه الإعدادات',
    permalinkHint: 'يحفظ عنوان هذه الصفحة كل الإعدادات: احفظه أو شاركه للعودة إلى هذا الرسم.',
    permalinkCode: 'الرابط',
  },
};

/** The chart's name where neither the preview nor the dataset gives a title, in the chart's
 * language (it goes into the code, not the interface). */
const CHART = { en: 'Chart', fr: 'Graphique', ar: 'رسم بياني' };

/** The interface's language: a code of LANGUAGES. */
let ui = FALLBACK_LANGUAGE;

/** The widget's words for `key` (its uiText keys) in `lang`; null until the wasm is ready. */
export function widgetText(lang, key, ...args) {
  try {
    return wasm()?.uiText(lang, key, args.map(String)) || null;
  } catch {
    return null;
  }
}

/** The chart's name in `lang` (see CHART). */
export const chartWord = (lang) => CHART[languageOf(lang).code] ?? CHART.en;

/** The text of `key` in the interface's language: the builder's, else the widget's; null when
 * it is the widget's and the wasm is not ready yet. */
function template(key) {
  if (key in STRINGS.en) return STRINGS[ui]?.[key] ?? STRINGS.en[key];
  return widgetText(ui, key);
}

/** Puts `args` in place of {0}, {1}… (args are text: never read as templates themselves). */
function fill(text, args) {
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** A string of the interface, as plain text. */
export function t(key, ...args) {
  return fill((template(key) ?? key).replace(/`/g, ''), args);
}

/**
 * A string of the interface as nodes: the parts between backticks (addresses, file names,
 * CSP directives) become <code dir="ltr">, so that they read left to right in Arabic too.
 */
function tNodes(key, ...args) {
  return (template(key) ?? key).split('`').map((part, i) => {
    const text = fill(part, args);
    if (i % 2 === 0) return document.createTextNode(text);
    const code = el('code', '', text);
    code.dir = 'ltr';
    return code;
  });
}

export function setText(node, key, ...args) {
  node.replaceChildren(...tNodes(key, ...args));
}

/**
 * Speaks `code` (one of LANGUAGES): the page's language and direction, every `data-t` text.
 * A word of the widget's waits for the wasm (the page's English stays until then): call again
 * once it is ready.
 */
export function applyStrings(code) {
  const language = languageOf(code);
  ui = language.code;
  const root = document.documentElement;
  root.lang = ui;
  root.dir = language.dir;
  for (const node of document.querySelectorAll('[data-t]')) {
    if (template(node.dataset.t) == null) continue;
    if (node.localName === 'option') node.textContent = t(node.dataset.t);
    else setText(node, node.dataset.t);
  }
  document.title = `${t('title')} · plan-progress`;
}
