// The chart builder (builder.html): a journalist picks a dataset, a view and its options, sees
// the chart in a live <plan-progress>, and copies the code for an article: the web component
// (with a Subresource Integrity hash computed here over the plan-progress.js this page is served
// with) or the iframe (embed.html + resizer.js). The state lives in the query string, with the
// same names as embed.html's (src, view, series, from, to, lang, theme, height) plus `ui`, the
// language of this page, so the address is a permalink.
//
// Every string from a dataset is shown with textContent and escaped in the generated HTML.

const VIEWS = ['series', 'rating', 'status', 'progress', 'timeline', 'overview'];
const LANGS = ['fr', 'ar', 'en'];
const THEMES = ['light', 'dark', 'auto'];
const DEFAULT_SRC = 'data/morocco.json';
/** Views whose chart is limited by `from` and `to`. */
const YEAR_VIEWS = ['series', 'rating', 'timeline', 'overview'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

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
    notJson: 'the file is not JSON',
    view: 'View',
    'view-series': 'Indicators over the years',
    'view-rating': 'Rating over the years (tier placement)',
    'view-status': 'Status board',
    'view-progress': 'Progress of the commitments',
    'view-timeline': 'Timeline of milestones',
    'view-overview': 'Overview (all of the above)',
    indicators: 'Indicators',
    indicatorsHint: 'Indicators of the same group are meant to be compared. With none ticked, the chart shows the first group.',
    rating: 'Rating',
    subject: 'What to show',
    commitments: 'The plan’s commitments',
    allLists: 'Every list of recommendations',
    axes: 'Strategic axes',
    axesHint: 'With none ticked, every axis is shown.',
    noAxes: 'This dataset publishes no strategic axes: every commitment is shown.',
    nothing: 'This view shows the whole dataset: there is nothing to choose here.',
    noData: 'Load a dataset to choose what the chart shows.',
    noRatings: 'This dataset has no rating.',
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
    componentHint: 'Paste this into the HTML of your page, where the chart goes. The paragraph inside is shown where scripts do not run.',
    componentCode: 'Web component code',
    sriNote: 'The integrity hash guarantees `plan-progress.js` only, not the files it loads itself (`pkg/plan_progress.js` and the wasm). Copy the code again after each update of the chart’s files.',
    noSri: 'No integrity hash: this browser computes one only on `https://` pages (or on this computer).',
    cspNote: 'If your page has a Content-Security-Policy, it must allow `script-src {0} \'wasm-unsafe-eval\'` and `connect-src {1}`.',
    iframe: 'Iframe (for sites that remove scripts)',
    iframeHint: 'The second line adjusts the frame’s height to the chart; without it, the frame keeps a fixed height.',
    iframeCode: 'Iframe code',
    permalink: 'Link to these settings',
    permalinkHint: 'This page’s address keeps every setting: bookmark or share it to come back to this chart.',
    permalinkCode: 'Link',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
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
    notJson: 'le fichier n’est pas du JSON',
    view: 'Vue',
    'view-series': 'Indicateurs au fil des années',
    'view-rating': 'Classement au fil des années (catégorie)',
    'view-status': 'Tableau des états d’avancement',
    'view-progress': 'Avancement des engagements',
    'view-timeline': 'Chronologie des étapes',
    'view-overview': 'Vue d’ensemble (tout ce qui précède)',
    indicators: 'Indicateurs',
    indicatorsHint: 'Les indicateurs d’un même groupe sont faits pour être comparés. Si aucun n’est coché, le graphique montre le premier groupe.',
    rating: 'Classement',
    subject: 'Ce qui est montré',
    commitments: 'Les engagements du plan',
    allLists: 'Toutes les listes de recommandations',
    axes: 'Axes stratégiques',
    axesHint: 'Si aucun n’est coché, tous les axes sont montrés.',
    noAxes: 'Ces données ne publient pas d’axes stratégiques : tous les engagements sont montrés.',
    nothing: 'Cette vue montre l’ensemble des données : il n’y a rien à choisir ici.',
    noData: 'Chargez des données pour choisir ce que montre le graphique.',
    noRatings: 'Ces données n’ont pas de classement.',
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
    componentHint: 'Collez ceci dans le HTML de votre page, à l’endroit du graphique. Le paragraphe intérieur s’affiche là où les scripts ne s’exécutent pas.',
    componentCode: 'Code du composant web',
    sriNote: 'L’empreinte d’intégrité garantit `plan-progress.js` seulement, pas les fichiers qu’il charge lui-même (`pkg/plan_progress.js` et le wasm). Copiez à nouveau le code après chaque mise à jour des fichiers du graphique.',
    noSri: 'Pas d’empreinte d’intégrité : ce navigateur n’en calcule que sur les pages `https://` (ou sur cet ordinateur).',
    cspNote: 'Si votre page a une Content-Security-Policy, elle doit autoriser `script-src {0} \'wasm-unsafe-eval\'` et `connect-src {1}`.',
    iframe: 'Iframe (pour les sites qui retirent les scripts)',
    iframeHint: 'La deuxième ligne ajuste la hauteur du cadre au graphique ; sans elle, le cadre garde une hauteur fixe.',
    iframeCode: 'Code de l’iframe',
    permalink: 'Lien vers ces réglages',
    permalinkHint: 'L’adresse de cette page garde tous les réglages : ajoutez-la à vos favoris ou partagez-la pour revenir à ce graphique.',
    permalinkCode: 'Lien',
    copy: 'Copier',
    copied: 'Copié dans le presse-papiers.',
    copyFailed: 'Le texte est sélectionné : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.',
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
    notJson: 'الملف ليس بصيغة JSON',
    view: 'نوع الرسم',
    'view-series': 'المؤشرات عبر السنوات',
    'view-rating': 'التصنيف عبر السنوات',
    'view-status': 'لوحة حالات التنفيذ',
    'view-progress': 'تقدم الالتزامات',
    'view-timeline': 'الخط الزمني للمحطات',
    'view-overview': 'نظرة عامة (كل ما سبق)',
    indicators: 'المؤشرات',
    indicatorsHint: 'مؤشرات المجموعة الواحدة معدة للمقارنة. إذا لم تحدد أي مؤشر، يعرض الرسم المجموعة الأولى.',
    rating: 'التصنيف',
    subject: 'ما يعرضه الرسم',
    commitments: 'التزامات الخطة',
    allLists: 'كل قوائم التوصيات',
    axes: 'المحاور الاستراتيجية',
    axesHint: 'إذا لم تحدد أي محور، تعرض كل المحاور.',
    noAxes: 'لا تنشر هذه البيانات محاور استراتيجية: تعرض كل الالتزامات.',
    nothing: 'يعرض هذا الرسم البيانات كلها: لا شيء للاختيار هنا.',
    noData: 'حمّل بيانات لتختار ما يعرضه الرسم.',
    noRatings: 'لا تتضمن هذه البيانات أي تصنيف.',
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
    componentHint: 'الصق هذا في شيفرة HTML لصفحتك، في مكان الرسم. تظهر الفقرة الداخلية حيث لا تعمل السكربتات.',
    componentCode: 'شيفرة مكون الويب',
    sriNote: 'بصمة السلامة تضمن الملف `plan-progress.js` وحده، لا الملفات التي يحمّلها بنفسه (`pkg/plan_progress.js` وملف wasm). انسخ الشيفرة من جديد بعد كل تحديث لملفات الرسم.',
    noSri: 'لا توجد بصمة سلامة: لا يحسبها هذا المتصفح إلا في صفحات `https://` (أو على هذا الحاسوب).',
    cspNote: 'إذا كانت لصفحتك سياسة أمان المحتوى (Content-Security-Policy)، فيجب أن تسمح بـ `script-src {0} \'wasm-unsafe-eval\'` وبـ `connect-src {1}`.',
    iframe: 'إطار iframe (للمواقع التي تحذف السكربتات)',
    iframeHint: 'يضبط السطر الثاني ارتفاع الإطار على ارتفاع الرسم؛ وبدونه يبقى ارتفاع الإطار ثابتا.',
    iframeCode: 'شيفرة الإطار',
    permalink: 'رابط هذه الإعدادات',
    permalinkHint: 'يحفظ عنوان هذه الصفحة كل الإعدادات: احفظه أو شاركه للعودة إلى هذا الرسم.',
    permalinkCode: 'الرابط',
    copy: 'نسخ',
    copied: 'تم النسخ إلى الحافظة.',
    copyFailed: 'النص محدد: اضغط Ctrl+C (أو ⌘C على ماك) لنسخه.',
  },
};

/** Words of the generated code, in the chart's language (not the interface's). */
const CHART_WORDS = {
  en: { data: 'The data (JSON)', chart: 'Chart' },
  fr: { data: 'Les données (JSON)', chart: 'Graphique' },
  ar: { data: 'البيانات (JSON)', chart: 'رسم بياني' },
};

const $ = (id) => document.getElementById(id);
const form = $('form');
const fields = {
  ui: $('ui'), src: $('src'), view: $('view'), from: $('from'), to: $('to'),
  lang: $('lang'), theme: $('theme'), height: $('height'),
};
const seriesField = $('series-field');
const announce = $('announce');

// ---------------------------------------------------------------------------------------------
// State, from and to the address.

function guessUi() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = String(tag).toLowerCase().split('-')[0];
    if (LANGS.includes(lang)) return lang;
  }
  return 'en';
}

/** An integer in [min, max] written as a string, or '' (also for anything else). */
function intIn(value, min, max) {
  const text = String(value ?? '').trim();
  if (!/^\d{1,4}$/.test(text)) return '';
  const n = Number(text);
  return n >= min && n <= max ? String(n) : '';
}

/** `address` resolved against this page, when it is http(s); else null. */
function httpUrl(address) {
  if (!address) return null;
  try {
    const url = new URL(address, location.href);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function readUrl() {
  const q = new URLSearchParams(location.search);
  const pick = (name, list, fallback) => (list.includes(q.get(name)) ? q.get(name) : fallback);
  const ui = pick('ui', LANGS, guessUi());
  return {
    ui,
    src: httpUrl((q.get('src') || '').trim()) ? q.get('src').trim() : DEFAULT_SRC,
    view: pick('view', VIEWS, 'series'),
    series: (q.get('series') || '').split(',').map((s) => s.trim()).filter((s) => ID.test(s)),
    from: intIn(q.get('from'), 1900, 2100),
    to: intIn(q.get('to'), 1900, 2100),
    lang: pick('lang', LANGS, ui),
    theme: pick('theme', THEMES, 'light'),
    height: intIn(q.get('height'), 150, 2000),
  };
}

const state = readUrl();

/** A query string, with its commas (between series ids) left readable. */
const query = (params) => params.toString().replace(/%2C/gi, ',');

/** The builder's address for the current state (default values left out). */
function permalink() {
  const q = new URLSearchParams();
  if (state.src !== DEFAULT_SRC) q.set('src', state.src);
  q.set('view', state.view);
  if (state.series.length) q.set('series', state.series.join(','));
  const { from, to } = years();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  q.set('lang', state.lang);
  q.set('theme', state.theme);
  if (validHeight()) q.set('height', state.height);
  q.set('ui', state.ui);
  const url = new URL(location.href);
  url.search = query(q);
  url.hash = '';
  return url.href;
}

// ---------------------------------------------------------------------------------------------
// Words.

function template(key) {
  return STRINGS[state.ui][key] ?? STRINGS.en[key] ?? key;
}

/** Puts `args` in place of {0}, {1}… (args are text: never read as templates themselves). */
function fill(text, args) {
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** A string of the interface, as plain text. */
function t(key, ...args) {
  return fill(template(key).replace(/`/g, ''), args);
}

/**
 * A string of the interface as nodes: the parts between backticks (addresses, file names,
 * CSP directives) become <code dir="ltr">, so that they read left to right in Arabic too.
 */
function tNodes(key, ...args) {
  return template(key).split('`').map((part, i) => {
    const text = fill(part, args);
    if (i % 2 === 0) return document.createTextNode(text);
    const code = document.createElement('code');
    code.dir = 'ltr';
    code.textContent = text;
    return code;
  });
}

function setText(node, key, ...args) {
  node.replaceChildren(...tNodes(key, ...args));
}

/** A dataset's localized text in `lang` (the fallback order of docs/format.md). */
function local(text, lang) {
  if (typeof text === 'string') return text;
  if (!text || typeof text !== 'object') return '';
  const fallback = dataset?.plan?.default_language;
  for (const key of [lang, fallback, 'en', 'fr']) {
    if (typeof text[key] === 'string') return text[key];
  }
  const first = Object.values(text).find((v) => typeof v === 'string');
  return first ?? '';
}

function applyStrings() {
  const root = document.documentElement;
  root.lang = state.ui;
  root.dir = state.ui === 'ar' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll('[data-t]')) {
    if (node.localName === 'option') node.textContent = t(node.dataset.t);
    else setText(node, node.dataset.t);
  }
  document.title = `${t('title')} · plan-progress`;
}

// ---------------------------------------------------------------------------------------------
// The dataset: read here too, for the choices of series and the range of years.

let dataset = null;
let datasetStatus = null; // { key, arg }
let loadCount = 0;

const list = (value) => (Array.isArray(value) ? value : []);
const withId = (items) => list(items).filter((item) => item && typeof item.id === 'string' && ID.test(item.id));

/** The dataset's address, absolute (state.src is always an http(s) address or a relative one). */
function datasetUrl() {
  return httpUrl(state.src);
}

async function loadDataset() {
  const id = ++loadCount;
  dataset = null;
  setStatus('loading');
  renderSeriesField();
  const url = datasetUrl();
  let loaded = null;
  let problem = null;
  if (!url) {
    problem = t('badUrl');
  } else {
    try {
      const response = await fetch(url, { credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      try {
        loaded = JSON.parse(text);
      } catch {
        throw new Error(t('notJson'));
      }
      if (!loaded || typeof loaded !== 'object' || Array.isArray(loaded)) throw new Error(t('notJson'));
    } catch (error) {
      problem = error.message || String(error);
    }
  }
  if (id !== loadCount) return; // a newer load superseded this one
  dataset = loaded;
  if (problem) setStatus('failed', problem);
  else setStatus('loaded');
  fixSeries(false);
  renderSeriesField();
  renderYearsHint();
  update();
}

function setStatus(key, arg) {
  datasetStatus = { key, arg };
  renderStatus();
}

function renderStatus() {
  const status = $('dataset-status');
  // the plan's title in the interface's language, which may change after loading
  const arg = datasetStatus?.key === 'loaded' ? local(dataset?.plan?.title, state.ui) || datasetUrl() : datasetStatus?.arg;
  if (datasetStatus) setText(status, datasetStatus.key, arg);
  else status.replaceChildren();
  status.classList.toggle('error', datasetStatus?.key === 'failed');
  status.dataset.state = datasetStatus?.key ?? '';
}

/** The default `series` of a view, as the widget would choose it, but explicit. */
function defaultSeries(view) {
  if (!dataset) return [];
  if (view === 'series') {
    const indicators = withId(dataset.indicators);
    const first = indicators[0];
    if (!first) return [];
    if (typeof first.group !== 'string') return [first.id];
    return indicators.filter((i) => i.group === first.group).map((i) => i.id);
  }
  if (view === 'rating') {
    const first = withId(dataset.ratings)[0];
    return first ? [first.id] : [];
  }
  if (view === 'status') {
    if (list(dataset.commitments).length) return ['commitments'];
    return withId(dataset.recommendations).length ? ['recommendations'] : [];
  }
  return [];
}

/** The `series` values the current view accepts with this dataset. */
function seriesChoices(view) {
  if (!dataset) return null;
  if (view === 'series') return withId(dataset.indicators).map((i) => i.id);
  if (view === 'rating') return withId(dataset.ratings).map((r) => r.id);
  if (view === 'status') {
    return ['commitments', 'recommendations', ...withId(dataset.recommendations).map((l) => l.id)];
  }
  if (view === 'progress') return withId(dataset.axes).map((a) => a.id);
  return [];
}

/**
 * Keeps only the series the view accepts; with none left (or when `reset`), the view's default.
 * Before a dataset is loaded, the series stay as they are.
 */
function fixSeries(reset) {
  const choices = seriesChoices(state.view);
  if (!choices) return;
  let series = reset ? [] : state.series.filter((id) => choices.includes(id));
  if (state.view === 'rating' || state.view === 'status') series = series.slice(0, 1);
  if (series.length === 0) series = defaultSeries(state.view);
  state.series = series;
}

/** The first and last year of the dataset's data (indicators, ratings, milestones, period). */
function dataYears() {
  if (!dataset) return null;
  const found = [];
  for (const series of [...list(dataset.indicators), ...list(dataset.ratings)]) {
    for (const point of list(series?.points)) if (Number.isInteger(point?.year)) found.push(point.year);
  }
  for (const m of list(dataset.milestones)) {
    const year = parseInt(String(m?.date ?? ''), 10);
    if (Number.isInteger(year)) found.push(year);
  }
  const period = dataset.plan?.period;
  if (Number.isInteger(period?.start)) found.push(period.start);
  if (Number.isInteger(period?.end)) found.push(period.end);
  const valid = found.filter((y) => y >= 1900 && y <= 2100);
  return valid.length ? [Math.min(...valid), Math.max(...valid)] : null;
}

// ---------------------------------------------------------------------------------------------
// The form.

/** A <bdi> with a dataset string as text: its direction never leaks into the form's. */
function bdi(text) {
  const node = document.createElement('bdi');
  node.textContent = text;
  return node;
}

function hint(id, key) {
  const p = document.createElement('p');
  p.className = 'hint';
  p.id = id;
  setText(p, key);
  return p;
}

/** Rebuilds the choice of series for the current view and dataset. */
function renderSeriesField() {
  const view = state.view;
  const parts = [];
  if (view === 'timeline' || view === 'overview') {
    parts.push(hint('series-hint', 'nothing'));
  } else if (!dataset) {
    parts.push(hint('series-hint', 'noData'));
  } else if (view === 'series' || view === 'progress') {
    const items = view === 'series' ? withId(dataset.indicators) : withId(dataset.axes);
    if (items.length === 0) {
      parts.push(hint('series-hint', view === 'series' ? 'noIndicators' : 'noAxes'));
    } else {
      const set = document.createElement('fieldset');
      set.className = 'checks';
      set.setAttribute('aria-describedby', 'series-hint');
      const legend = document.createElement('legend');
      legend.textContent = t(view === 'series' ? 'indicators' : 'axes');
      const ul = document.createElement('ul');
      items.forEach((item, i) => {
        const li = document.createElement('li');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = `series-${i}`;
        box.value = item.id;
        box.checked = state.series.includes(item.id);
        box.dataset.series = '';
        const label = document.createElement('label');
        label.htmlFor = box.id;
        const id = document.createElement('span');
        id.className = 'id';
        id.dir = 'ltr';
        id.textContent = item.id;
        label.append(bdi(local(item.label, state.ui) || item.id), ' ', id);
        li.append(box, label);
        ul.append(li);
      });
      set.append(legend, hint('series-hint', view === 'series' ? 'indicatorsHint' : 'axesHint'), ul);
      parts.push(set);
    }
  } else {
    // rating, status: one choice
    const options = view === 'rating'
      ? withId(dataset.ratings).map((r) => [r.id, local(r.label, state.ui) || r.id])
      : [
        ...(list(dataset.commitments).length ? [['commitments', t('commitments')]] : []),
        ...(withId(dataset.recommendations).length ? [['recommendations', t('allLists')]] : []),
        ...withId(dataset.recommendations).map((l) => [l.id, local(l.title, state.ui) || l.id]),
      ];
    if (options.length === 0) {
      parts.push(hint('series-hint', view === 'rating' ? 'noRatings' : 'noStatus'));
    } else {
      const label = document.createElement('label');
      label.htmlFor = 'series-select';
      label.textContent = t(view === 'rating' ? 'rating' : 'subject');
      const select = document.createElement('select');
      select.id = 'series-select';
      select.dataset.series = '';
      for (const [value, text] of options) {
        const option = document.createElement('option');
        option.value = value;
        // an option holds text only: isolate it (FSI … PDI) as a <bdi> would
        option.textContent = `\u2068${text}\u2069`;
        select.append(option);
      }
      select.value = state.series[0] ?? options[0][0];
      parts.push(label, select);
    }
  }
  seriesField.replaceChildren(...parts);
}

/** The years, when valid: { from, to } ('' = not set). */
function years() {
  if (!YEAR_VIEWS.includes(state.view)) return { from: '', to: '' };
  const from = intIn(state.from, 1900, 2100);
  const to = intIn(state.to, 1900, 2100);
  if (from && to && Number(from) > Number(to)) return { from: '', to: '' };
  return { from, to };
}

function validHeight() {
  return intIn(state.height, 150, 2000) !== '';
}

function renderYearsHint() {
  const range = dataYears();
  const from = state.from.trim();
  const to = state.to.trim();
  const badFrom = from !== '' && !intIn(from, 1900, 2100);
  const badTo = to !== '' && !intIn(to, 1900, 2100);
  const badOrder = !badFrom && !badTo && from && to && Number(from) > Number(to);
  fields.from.setAttribute('aria-invalid', String(badFrom || Boolean(badOrder)));
  fields.to.setAttribute('aria-invalid', String(badTo || Boolean(badOrder)));
  const yearsHint = $('years-hint');
  if (badFrom || badTo) setText(yearsHint, 'badYear');
  else if (badOrder) setText(yearsHint, 'badOrder');
  else if (range) setText(yearsHint, 'yearsRange', range[0], range[1]);
  else setText(yearsHint, 'yearsHint');
  yearsHint.classList.toggle('error', Boolean(badFrom || badTo || badOrder));
  if (range) {
    fields.from.placeholder = String(range[0]);
    fields.to.placeholder = String(range[1]);
  }
  const badHeight = state.height.trim() !== '' && !validHeight();
  fields.height.setAttribute('aria-invalid', String(badHeight));
  const heightHint = $('height-hint');
  setText(heightHint, badHeight ? 'badHeight' : 'heightHint');
  heightHint.classList.toggle('error', badHeight);
}

function fillForm() {
  fields.ui.value = state.ui;
  fields.src.value = state.src;
  fields.view.value = state.view;
  fields.from.value = state.from;
  fields.to.value = state.to;
  fields.lang.value = state.lang;
  fields.theme.value = state.theme;
  fields.height.value = state.height;
}

// ---------------------------------------------------------------------------------------------
// The preview and the code.

const preview = document.createElement('plan-progress');
preview.id = 'preview';

/** The attributes of the chart, in the order they are written: [[name, value], …]. */
function chartAttributes() {
  const attrs = [['src', datasetUrl() ?? state.src], ['view', state.view]];
  if (state.series.length) attrs.push(['series', state.series.join(',')]);
  const { from, to } = years();
  if (from) attrs.push(['from', from]);
  if (to) attrs.push(['to', to]);
  attrs.push(['lang', state.lang], ['theme', state.theme]);
  if (validHeight()) attrs.push(['height', state.height]);
  return attrs;
}

function updatePreview() {
  const attrs = new Map(chartAttributes());
  for (const name of ['src', 'view', 'series', 'from', 'to', 'lang', 'theme', 'height']) {
    if (attrs.has(name)) {
      if (preview.getAttribute(name) !== attrs.get(name)) preview.setAttribute(name, attrs.get(name));
    } else if (preview.hasAttribute(name)) {
      preview.removeAttribute(name);
    }
  }
}

const escapeHtml = (text) => String(text)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The chart's title and summary, as the preview shows them ('' while it is not drawn). */
function chartWords() {
  if (preview.dataset.state !== 'ready') return { title: '', summary: '' };
  const root = preview.shadowRoot;
  // `summary`: a public property if the widget has one, else its accessible description
  const summary = typeof preview.summary === 'string' ? preview.summary : root?.querySelector('.summary')?.textContent;
  return {
    title: (root?.querySelector('.title')?.textContent ?? '').trim(),
    summary: (summary ?? '').trim(),
  };
}

/** The base address of this copy of plan-progress: the builder's own directory. */
const base = new URL('./', location.href).href;

let sri = null; // 'sha384-…' once computed, '' when it cannot be

/** SHA-384 of the bytes of plan-progress.js as served to this page, for the integrity attribute. */
async function computeSri() {
  try {
    if (!globalThis.crypto?.subtle) throw new Error('no SubtleCrypto outside secure contexts');
    const response = await fetch(new URL('plan-progress.js', base), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await response.arrayBuffer()));
    let binary = '';
    for (const byte of digest) binary += String.fromCharCode(byte);
    sri = `sha384-${btoa(binary)}`;
  } catch {
    sri = '';
  }
  renderCode();
}

function componentCode(words) {
  const script = [`<script type="module" src="${escapeHtml(new URL('plan-progress.js', base).href)}"`];
  if (sri) script.push(` integrity="${sri}" crossorigin="anonymous"`);
  script.push('></script>');
  const attrs = chartAttributes().map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ');
  const lang = state.lang;
  const dir = lang === 'ar' ? ' dir="rtl"' : '';
  const title = words.title || local(dataset?.plan?.title, lang) || CHART_WORDS[lang].chart;
  const text = [escapeHtml(words.summary)].filter(Boolean);
  const data = datasetUrl();
  if (data) text.push(`<a href="${escapeHtml(data)}">${escapeHtml(CHART_WORDS[lang].data)}</a>`);
  const fallback = `<strong>${escapeHtml(title)}</strong><br>${text.join(' ')}`;
  return `${script.join('')}\n<plan-progress ${attrs}>\n  <p${dir}>${fallback}</p>\n</plan-progress>`;
}

function iframeCode(words) {
  const q = new URLSearchParams();
  const data = datasetUrl();
  // embed.html reads data/morocco.json beside itself by default
  if (data && data !== new URL(DEFAULT_SRC, base).href) q.set('src', data);
  for (const [name, value] of chartAttributes()) if (name !== 'src') q.set(name, value);
  const src = `${new URL('embed.html', base).href}?${query(q)}`;
  const title = words.title || local(dataset?.plan?.title, state.lang) || CHART_WORDS[state.lang].chart;
  const height = validHeight() ? Number(state.height) + 160 : 480;
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>\n` +
    `<script src="${escapeHtml(new URL('resizer.js', base).href)}" async></script>`;
}

/** Makes a textarea as tall as its text (CSSOM, allowed by the CSP's style-src 'self'). */
function fit(area) {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
}

function renderCode() {
  const words = chartWords();
  $('code-component').value = componentCode(words);
  $('code-iframe').value = iframeCode(words);
  $('code-permalink').value = permalink();
  for (const id of ['code-component', 'code-iframe', 'code-permalink']) fit($(id));
  setText($('sri-note'), sri === '' ? 'noSri' : 'sriNote');
  const data = datasetUrl();
  setText($('csp-note'), 'cspNote', new URL(base).origin, data ? new URL(data).origin : "'self'");
}

/** After every change: the preview, the address, the code. */
function update() {
  updatePreview();
  history.replaceState(null, '', permalink());
  renderCode();
  // the widget redraws in its next animation frame (registered before this one): read its
  // title and summary after it
  requestAnimationFrame(renderCode);
}

// ---------------------------------------------------------------------------------------------
// Events.

fields.ui.addEventListener('change', () => {
  state.ui = fields.ui.value;
  applyStrings();
  renderStatus();
  renderSeriesField();
  renderYearsHint();
  update();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const src = fields.src.value.trim() || DEFAULT_SRC;
  if (!httpUrl(src)) {
    // refused: the chart keeps its data, the field says why
    setStatus('failed', t('badUrl'));
    fields.src.setAttribute('aria-invalid', 'true');
    return;
  }
  fields.src.setAttribute('aria-invalid', 'false');
  if (src === state.src && (dataset || datasetStatus?.key === 'loading')) {
    if (dataset) setStatus('loaded');
    return;
  }
  state.src = src;
  loadDataset();
  update();
});
fields.src.addEventListener('change', () => form.requestSubmit());

fields.view.addEventListener('change', () => {
  state.view = fields.view.value;
  fixSeries(true);
  renderSeriesField();
  $('years').hidden = !YEAR_VIEWS.includes(state.view);
  update();
});

seriesField.addEventListener('change', (event) => {
  if (!event.target.matches('[data-series]')) return;
  if (event.target.type === 'checkbox') {
    state.series = [...seriesField.querySelectorAll('input[data-series]:checked')].map((box) => box.value);
  } else {
    state.series = [event.target.value];
  }
  update();
});

for (const name of ['from', 'to', 'height']) {
  fields[name].addEventListener('input', () => {
    state[name] = fields[name].value;
    renderYearsHint();
    update();
  });
}
for (const name of ['lang', 'theme']) {
  fields[name].addEventListener('change', () => {
    state[name] = fields[name].value;
    update();
  });
}

window.addEventListener('resize', () => {
  for (const id of ['code-component', 'code-iframe', 'code-permalink']) fit($(id));
});

preview.addEventListener('plan-progress:ready', renderCode);
preview.addEventListener('plan-progress:error', renderCode);

/** Copies a textarea's text: the Clipboard API, else the selection and execCommand. */
async function copy(button) {
  const area = $(button.dataset.copy);
  let done = false;
  try {
    await navigator.clipboard.writeText(area.value);
    done = true;
  } catch {
    area.focus();
    area.select();
    try {
      done = document.execCommand('copy');
    } catch {
      done = false;
    }
  }
  if (!done) {
    area.focus();
    area.select();
  }
  // the same words twice in a row are not announced again: empty the region first
  announce.textContent = '';
  setTimeout(() => { announce.textContent = t(done ? 'copied' : 'copyFailed'); }, 50);
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', () => copy(button));
}

// ---------------------------------------------------------------------------------------------
// Start.

applyStrings();
fillForm();
$('years').hidden = !YEAR_VIEWS.includes(state.view);
renderYearsHint();
renderSeriesField();
$('preview-box').append(preview);
update();
loadDataset();
computeSri();
