//! The words of the diagnostics, `[French, Arabic, English]`, the way the widget's own words are
//! kept (`crate::i18n`'s catalog), but apart: a page that reads a valid dataset never needs them.
//!
//! In a text, `{0}`, `{1}`… are its arguments, in order; the parts between backticks are code
//! (JSON member names and values, as the file writes them: never translated), which a page sets
//! apart and reads left to right in Arabic too. The English texts are the command line's.

use crate::json::SyntaxKind as S;
use crate::model::{Choice, Counted, DateError, ProblemKind as P, Shape};

/// The texts of a problem, found by its variant (the values in these keys are placeholders).
pub(super) const PROBLEMS: &[(P, [&str; 3])] = &[
    (
        P::TooLarge { bytes: 0 },
        [
            "le fichier fait {0} octets, plus que les {1} octets permis pour un jeu de données",
            "حجم الملف {0} بايت، وهو أكبر من الحد المسموح به لمجموعة بيانات ({1} بايت)",
            "the file is {0} bytes, more than the {1} bytes a dataset may have",
        ],
    ),
    (
        P::NotText,
        [
            "le fichier n'est pas du texte UTF-8 (une image, un tableur, un fichier compressé ?) : un jeu de données est du texte JSON en UTF-8",
            "الملف ليس نصًا بترميز UTF-8 (هل هو صورة أو جدول بيانات أو ملف مضغوط؟): مجموعة البيانات نص JSON بترميز UTF-8",
            "the file is not UTF-8 text (an image, a spreadsheet, a compressed file?): a dataset is JSON text in UTF-8",
        ],
    ),
    (
        P::MoreProblems { unlisted: 0 },
        [
            "{0} autres problèmes (seuls les {1} premiers sont listés)",
            "{0} مشكلة أخرى (لا تُعرض إلا المشكلات الـ{1} الأولى)",
            "{0} more problems (only the first {1} are listed)",
        ],
    ),
    (
        P::TooMany {
            what: Counted::Items,
            max: 0,
            found: 0,
        },
        [
            "au plus {0} {1} sont permis ici ; il y en a {2}",
            "لا يُسمح هنا بأكثر من {0} {1}؛ والعدد الموجود {2}",
            "at most {0} {1} are allowed here; found {2}",
        ],
    ),
    (
        P::TooLong { chars: 0, max: 0 },
        [
            "{0} caractères : au plus {1} caractères sont permis ici",
            "عدد الأحرف {0}: والحد الأقصى المسموح به هنا {1} حرف",
            "{0} characters: at most {1} characters are allowed here",
        ],
    ),
    (
        P::Expected {
            wanted: Shape::Null,
            found: Shape::Null,
        },
        [
            "attendu : {0} ; trouvé : {1}",
            "المنتظر {0}، والموجود {1}",
            "expected {0}, found {1}",
        ],
    ),
    (
        P::UnknownMember { allowed: &[] },
        [
            "membre inconnu (membres permis ici : `{0}`)",
            "عضو غير معروف (الأعضاء المسموح بها هنا: `{0}`)",
            "unknown member (allowed here: `{0}`)",
        ],
    ),
    (
        P::UnknownMemberNear { near: "" },
        [
            "membre inconnu ; vouliez-vous dire `\"{0}\"` ?",
            "عضو غير معروف؛ هل تقصد `\"{0}\"`؟",
            "unknown member; did you mean `\"{0}\"`?",
        ],
    ),
    (
        P::DuplicateMember,
        [
            "ce membre apparaît deux fois dans le même objet",
            "يتكرر هذا العضو مرتين في الكائن نفسه",
            "this member appears twice in the same object",
        ],
    ),
    (
        P::Missing,
        [
            "membre obligatoire manquant",
            "عضو إلزامي مفقود",
            "required member is missing",
        ],
    ),
    (
        P::Empty,
        [
            "ne doit pas être vide",
            "يجب ألا يكون فارغًا",
            "must not be empty",
        ],
    ),
    (
        P::NumberInQuotes {
            text: String::new(),
        },
        [
            "un nombre est attendu, mais c'est la chaîne `\"{0}\"` (retirez les guillemets)",
            "المنتظر عدد، والموجود السلسلة النصية `\"{0}\"` (احذف علامتي التنصيص)",
            "expected a number, found the string `\"{0}\"` (remove the quotes)",
        ],
    ),
    (
        P::NotWhole { number: 0.0 },
        [
            "un nombre entier est attendu, il y a `{0}`",
            "المنتظر عدد صحيح، والموجود `{0}`",
            "expected a whole number, found `{0}`",
        ],
    ),
    (
        P::OutOfRange {
            number: 0.0,
            min: 0,
            max: 0,
        },
        [
            "`{0}` est hors de l'intervalle {1}-{2}",
            "`{0}` خارج المجال {1}-{2}",
            "`{0}` is outside {1}-{2}",
        ],
    ),
    (
        P::NotOneOf {
            value: String::new(),
            what: Choice::Status,
            names: &[],
        },
        [
            "`\"{0}\"` n'est pas {1} (valeurs possibles : `{2}`)",
            "`\"{0}\"` ليست من {1} المقبولة (القيم الممكنة: `{2}`)",
            "`\"{0}\"` is not {1} (one of: `{2}`)",
        ],
    ),
    (
        P::BadId {
            value: String::new(),
        },
        [
            "`\"{0}\"` n'est pas un identifiant valide (1 à 64 caractères parmi `a-z`, `0-9`, `-` et `_`, commençant par une lettre ou un chiffre)",
            "`\"{0}\"` ليس معرّفًا صالحًا (من 1 إلى 64 حرفًا من بين `a-z` و`0-9` و`-` و`_`، أولها حرف أو رقم)",
            "`\"{0}\"` is not a valid id (1 to 64 characters among `a-z`, `0-9`, `-` and `_`, starting with a letter or digit)",
        ],
    ),
    (
        P::BadLanguage {
            value: String::new(),
        },
        [
            "`\"{0}\"` n'est pas un code de langue (2 ou 3 lettres minuscules, comme `\"fr\"`, `\"ar\"`, `\"en\"`)",
            "`\"{0}\"` ليس رمز لغة (حرفان أو ثلاثة أحرف لاتينية صغيرة، مثل `\"ar\"` و`\"fr\"` و`\"en\"`)",
            "`\"{0}\"` is not a language code (2 or 3 lowercase letters, such as `\"fr\"`, `\"ar\"`, `\"en\"`)",
        ],
    ),
    (
        P::BadUrl,
        [
            "seules les adresses `http://` et `https://` (en minuscules) sans espaces sont permises",
            "لا تُقبل إلا العناوين التي تبدأ بـ`http://` أو `https://` (بأحرف صغيرة) ودون مسافات",
            "only `http://` and `https://` addresses (in lower case) without spaces are allowed",
        ],
    ),
    (
        P::EmptyText,
        [
            "texte vide : donnez au moins une langue, comme `{\"fr\": \"…\"}`",
            "نص فارغ: أدخل لغة واحدة على الأقل، مثل `{\"ar\": \"…\"}`",
            "empty text: give at least one language, such as `{\"fr\": \"…\"}`",
        ],
    ),
    (
        P::LanguageTwice,
        [
            "cette langue apparaît deux fois",
            "تتكرر هذه اللغة مرتين",
            "this language appears twice",
        ],
    ),
    (
        P::UnknownSource { key: String::new() },
        [
            "`\"{0}\"` n'est pas une clé de `sources`",
            "`\"{0}\"` ليس مفتاحًا من مفاتيح `sources`",
            "`\"{0}\"` is not a key of `sources`",
        ],
    ),
    (
        P::DuplicateId {
            id: String::new(),
            first: String::new(),
        },
        [
            "identifiant `\"{0}\"` en double (déjà utilisé par `{1}`)",
            "المعرّف `\"{0}\"` مكرر (سبق استعماله في `{1}`)",
            "duplicate id `\"{0}\"` (already used by `{1}`)",
        ],
    ),
    (
        P::FormatVersion { version: 0 },
        [
            "`format_version` {0} non prise en charge : cette version de plan-progress lit la version 1",
            "الإصدار {0} من `format_version` غير مدعوم: هذا الإصدار من plan-progress يقرأ الإصدار 1",
            "unsupported `format_version` {0}: this version of plan-progress reads version 1",
        ],
    ),
    (
        P::DefaultLanguage {
            lang: String::new(),
            languages: String::new(),
        },
        [
            "`\"{0}\"` ne fait pas partie de `languages` (`{1}`)",
            "`\"{0}\"` ليست من بين `languages` (`{1}`)",
            "`\"{0}\"` is not one of `languages` (`{1}`)",
        ],
    ),
    (
        P::BadCountry {
            value: String::new(),
        },
        [
            "`\"{0}\"` n'est pas un code de pays ISO 3166-1 alpha-2 (deux lettres majuscules, comme `\"MA\"`)",
            "`\"{0}\"` ليس رمز بلد وفق المعيار ISO 3166-1 alpha-2 (حرفان لاتينيان كبيران، مثل `\"MA\"`)",
            "`\"{0}\"` is not an ISO 3166-1 alpha-2 country code (two capital letters, such as `\"MA\"`)",
        ],
    ),
    (
        P::PeriodReversed { start: 0, end: 0 },
        [
            "la période se termine ({1}) avant de commencer ({0})",
            "تنتهي الفترة ({1}) قبل أن تبدأ ({0})",
            "the period ends ({1}) before it starts ({0})",
        ],
    ),
    (
        P::NoLanguage,
        [
            "indiquez au moins une langue",
            "أدرج لغة واحدة على الأقل",
            "list at least one language",
        ],
    ),
    (
        P::LanguageListedTwice {
            lang: String::new(),
        },
        [
            "`\"{0}\"` figure deux fois dans la liste",
            "`\"{0}\"` مدرجة مرتين",
            "`\"{0}\"` is listed twice",
        ],
    ),
    (
        P::NoSources,
        [
            "indiquez au moins une source : chaque chiffre en a besoin",
            "أدرج مصدرًا واحدًا على الأقل: كل رقم يحتاج إلى مصدر",
            "list at least one source: every figure needs one",
        ],
    ),
    (
        P::SourceKeyTwice,
        [
            "cette clé de source apparaît deux fois",
            "يتكرر مفتاح المصدر هذا مرتين",
            "this source key appears twice",
        ],
    ),
    (
        P::Negative { number: 0.0 },
        [
            "`{0}` est négatif : un nombre de personnes ou d'affaires ne peut pas être inférieur à zéro",
            "`{0}` عدد سالب: لا يمكن أن يقل عدد الأشخاص أو القضايا عن الصفر",
            "`{0}` is negative: counts cannot be below zero",
        ],
    ),
    (
        P::TooBig { number: 0.0 },
        [
            "`{0}` dépasse 10^15, le plus grand chiffre accepté",
            "`{0}` أكبر من 10^15، وهو أكبر رقم مقبول",
            "`{0}` is above 10^15, the largest figure accepted",
        ],
    ),
    (
        P::FigureWithoutSource,
        [
            "obligatoire quand `value` n'est pas `null` : chaque chiffre a besoin d'une source",
            "إلزامي عندما لا تكون قيمة `value` هي `null`: كل رقم يحتاج إلى مصدر",
            "required when `value` is not `null`: every figure needs a source",
        ],
    ),
    (
        P::RatingWithoutSource,
        [
            "obligatoire quand `value` n'est pas `null` : chaque classement a besoin d'une source",
            "إلزامي عندما لا تكون قيمة `value` هي `null`: كل تصنيف يحتاج إلى مصدر",
            "required when `value` is not `null`: every rating needs a source",
        ],
    ),
    (
        P::PlacementWithoutSource,
        [
            "obligatoire avec `placement` : un cas particulier ou une année sans classement est un constat, qui a besoin d'une source",
            "إلزامي مع `placement`: الحالة الخاصة أو السنة غير المصنفة معلومة تحتاج إلى مصدر",
            "required with `placement`: a special case or a year not ranked is a finding, and needs a source",
        ],
    ),
    (
        P::YearRepeated { year: 0 },
        [
            "l'année {0} est répétée : un point par année",
            "السنة {0} مكررة: نقطة واحدة لكل سنة",
            "year {0} is repeated: one point per year",
        ],
    ),
    (
        P::YearOrder {
            year: 0,
            previous: 0,
        },
        [
            "l'année {0} vient après {1} : les années doivent être en ordre croissant",
            "السنة {0} تأتي بعد {1}: يجب ترتيب السنوات تصاعديًا",
            "year {0} comes after {1}: years must be in increasing order",
        ],
    ),
    (
        P::RatedTwice {
            code: String::new(),
            scale: String::new(),
            first: String::new(),
        },
        [
            "`\"{0}\"` a déjà un classement sur l'échelle partagée `\"{1}\"` (`{2}`) : un seul classement par sujet sur une échelle",
            "لـ`\"{0}\"` تصنيف سابق على السلّم المشترك `\"{1}\"` (`{2}`): تصنيف واحد لكل جهة على السلّم الواحد",
            "`\"{0}\"` already has a rating on the shared scale `\"{1}\"` (`{2}`): one rating per subject on a scale",
        ],
    ),
    (
        P::NotAnId {
            id: String::new(),
            list: "",
        },
        [
            "`\"{0}\"` n'est pas un identifiant de `{1}`",
            "`\"{0}\"` ليس معرّفًا من معرّفات `{1}`",
            "`\"{0}\"` is not an id of `{1}`",
        ],
    ),
    (
        P::FewLevels,
        [
            "une échelle a besoin d'au moins 2 niveaux, le meilleur en premier",
            "يحتاج السلّم إلى مستويين على الأقل، مرتبة من الأفضل إلى الأدنى",
            "a scale needs at least 2 levels, best first",
        ],
    ),
    (
        P::SubjectTwice {
            code: String::new(),
            first: String::new(),
        },
        [
            "le sujet `\"{0}\"` figure deux fois (déjà en `{1}`)",
            "الجهة `\"{0}\"` مدرجة مرتين (سبق إدراجها في `{1}`)",
            "subject `\"{0}\"` is listed twice (already `{1}`)",
        ],
    ),
    (
        P::UnknownSubject {
            code: String::new(),
        },
        [
            "`\"{0}\"` n'est pas un code de `subjects`",
            "`\"{0}\"` ليس رمزًا من رموز `subjects`",
            "`\"{0}\"` is not a code of `subjects`",
        ],
    ),
    (
        P::NotALevel {
            id: String::new(),
            levels: String::new(),
        },
        [
            "`\"{0}\"` n'est pas un niveau de l'échelle (`{1}`)",
            "`\"{0}\"` ليس مستوى من مستويات السلّم (`{1}`)",
            "`\"{0}\"` is not a level of the scale (`{1}`)",
        ],
    ),
    (
        P::LevelAndPlacement {
            placement: "",
            level: String::new(),
        },
        [
            "`\"{0}\"` sert aux années sans niveau, mais `value` vaut `\"{1}\"` : donnez un niveau ou un placement, pas les deux",
            "`\"{0}\"` خاصة بسنة بلا مستوى، لكن قيمة `value` هي `\"{1}\"`: أدخل مستوى أو وضعية، لا الاثنين معًا",
            "`\"{0}\"` is for a year without a level, but `value` is `\"{1}\"`: give a level or a placement, not both",
        ],
    ),
    (
        P::DeclaredCountWithoutSource,
        [
            "obligatoire avec `declared_count` : qui donne ce nombre ?",
            "إلزامي مع `declared_count`: من يذكر هذا العدد؟",
            "required with `declared_count`: who states that count?",
        ],
    ),
    (
        P::DeclaredTooFew {
            declared: 0,
            listed: 0,
        },
        [
            "annonce {0} recommandations mais en liste {1}",
            "العدد المعلن {0} لكن القائمة تضم {1} توصية",
            "declares {0} but lists {1} recommendations",
        ],
    ),
    (
        P::RankOrder {
            rank: 0,
            previous: 0,
        },
        [
            "le rang {0} vient après le rang {1} : les rangs doivent croître",
            "الرتبة {0} تأتي بعد الرتبة {1}: يجب أن تتزايد الرتب",
            "rank {0} comes after rank {1}: ranks must increase",
        ],
    ),
    (
        P::RankAboveDeclared {
            rank: 0,
            declared: 0,
        },
        [
            "le rang {0} dépasse le nombre annoncé, {1}",
            "الرتبة {0} تتجاوز العدد المعلن، وهو {1}",
            "rank {0} is above the declared count {1}",
        ],
    ),
    (
        P::StatusWithoutAssessment,
        [
            "obligatoire quand l'état est connu : qui l'a évalué, quand, et où c'est publié",
            "إلزامي عندما تكون الحالة معروفة: من قيّمها، ومتى، وأين نُشر التقييم",
            "required when the status is known: who assessed it, when, and where it is published",
        ],
    ),
    (
        P::ProgressRange { number: 0.0 },
        [
            "`{0}` est hors de 0-100 (l'avancement est un pourcentage)",
            "`{0}` خارج المجال 0-100 (نسبة التقدم نسبة مئوية)",
            "`{0}` is outside 0-100 (progress is a percentage)",
        ],
    ),
    (
        P::ProgressWithoutSource,
        [
            "obligatoire avec `progress` : chaque chiffre a besoin d'une source",
            "إلزامي مع `progress`: كل رقم يحتاج إلى مصدر",
            "required with `progress`: every figure needs a source",
        ],
    ),
    (
        P::MilestoneOrder {
            date: String::new(),
            previous: String::new(),
        },
        [
            "{0} vient avant l'étape précédente ({1}) : les étapes doivent être dans l'ordre des dates",
            "{0} يسبق المحطة السابقة ({1}): يجب ترتيب المحطات حسب التاريخ",
            "{0} comes before the previous milestone ({1}): milestones must be in date order",
        ],
    ),
    (
        P::ConflictOneSource,
        [
            "un désaccord oppose au moins 2 sources",
            "التعارض يكون بين مصدرين على الأقل",
            "a conflict is between at least 2 sources",
        ],
    ),
];

/// A date that is not one (`ProblemKind::BadDate`), by why.
pub(super) const DATES: &[(DateError, [&str; 3])] = &[
    (
        DateError::Shape,
        [
            "`\"{0}\"` n'est pas une date (écrivez `YYYY`, `YYYY-MM` ou `YYYY-MM-DD`)",
            "`\"{0}\"` ليس تاريخًا (اكتب `YYYY` أو `YYYY-MM` أو `YYYY-MM-DD`)",
            "`\"{0}\"` is not a date (write `YYYY`, `YYYY-MM` or `YYYY-MM-DD`)",
        ],
    ),
    (
        DateError::NoMonth(0),
        [
            "`\"{0}\"` n'est pas une date : il n'y a pas de mois {1}",
            "`\"{0}\"` ليس تاريخًا: لا يوجد شهر رقم {1}",
            "`\"{0}\"` is not a date: there is no month {1}",
        ],
    ),
    (
        DateError::NoDay { days: 0 },
        [
            "`\"{0}\"` n'existe pas : ce mois compte {1} jours",
            "`\"{0}\"` تاريخ غير موجود: عدد أيام هذا الشهر {1}",
            "`\"{0}\"` does not exist: that month has {1} days",
        ],
    ),
];

/// "not valid JSON: line {0}, column {1}: " before what is wrong there.
pub(super) const NOT_JSON: [&str; 3] = [
    "JSON non valide : ligne {0}, colonne {1} : ",
    "ليس JSON صالحًا: السطر {0}، العمود {1}: ",
    "not valid JSON: line {0}, column {1}: ",
];

/// "line {0}, column {1}: " before what is wrong there (the widget's message already says the
/// file is not JSON).
pub(super) const AT: [&str; 3] = [
    "ligne {0}, colonne {1} : ",
    "السطر {0}، العمود {1}: ",
    "line {0}, column {1}: ",
];

/// What is wrong with a text that is not JSON.
pub(super) const SYNTAX: &[(S, [&str; 3])] = &[
    (
        S::Empty,
        [
            "le fichier est vide",
            "الملف فارغ",
            "the file is empty",
        ],
    ),
    (
        S::UnexpectedEnd,
        [
            "fin du fichier inattendue",
            "نهاية غير متوقعة للملف",
            "unexpected end of the file",
        ],
    ),
    (
        S::TrailingText,
        [
            "texte inattendu après la fin de la valeur JSON",
            "نص غير متوقع بعد نهاية قيمة JSON",
            "unexpected text after the end of the JSON value",
        ],
    ),
    (
        S::ExpectedValue,
        [
            "caractère inattendu : une valeur JSON est attendue",
            "حرف غير متوقع: المنتظر قيمة JSON",
            "unexpected character, expected a JSON value",
        ],
    ),
    (
        S::ExpectedLiteral(""),
        [
            "caractère inattendu : `{0}` est attendu",
            "حرف غير متوقع: المنتظر `{0}`",
            "unexpected character, expected `{0}`",
        ],
    ),
    (
        S::TooManyValues,
        [
            "plus de {0} valeurs (nombres, chaînes, tableaux, objets…) : un jeu de données en a au plus {0}",
            "أكثر من {0} قيمة (أعداد وسلاسل نصية ومصفوفات وكائنات…): لا تتجاوز قيم مجموعة البيانات {0}",
            "more than {0} values (numbers, strings, arrays, objects…): a dataset may have at most {0}",
        ],
    ),
    (
        S::TooDeep,
        [
            "imbrication de plus de {0} niveaux",
            "تداخل يتجاوز {0} مستوى",
            "nested deeper than {0} levels",
        ],
    ),
    (
        S::TrailingCommaInObject,
        [
            "virgule en trop avant `'}'`",
            "فاصلة زائدة قبل `'}'`",
            "trailing comma before `'}'`",
        ],
    ),
    (
        S::TrailingCommaInArray,
        [
            "virgule en trop avant `']'`",
            "فاصلة زائدة قبل `']'`",
            "trailing comma before `']'`",
        ],
    ),
    (
        S::ExpectedName,
        [
            "un nom de membre entre guillemets doubles est attendu",
            "المنتظر اسم عضو بين علامتي تنصيص مزدوجتين",
            "expected a member name in double quotes",
        ],
    ),
    (
        S::ExpectedColon,
        [
            "`':'` est attendu après le nom du membre",
            "المنتظر `':'` بعد اسم العضو",
            "expected `':'` after the member name",
        ],
    ),
    (
        S::ExpectedCommaOrBrace,
        [
            "`','` ou `'}'` est attendu après un membre d'objet",
            "المنتظر `','` أو `'}'` بعد عضو في كائن",
            "expected `','` or `'}'` after an object member",
        ],
    ),
    (
        S::ExpectedCommaOrBracket,
        [
            "`','` ou `']'` est attendu après un élément de tableau",
            "المنتظر `','` أو `']'` بعد عنصر في مصفوفة",
            "expected `','` or `']'` after an array item",
        ],
    ),
    (
        S::UnterminatedString,
        [
            "chaîne non terminée (il manque le guillemet fermant)",
            "سلسلة نصية غير مغلقة (تنقصها علامة التنصيص الختامية)",
            "unterminated string",
        ],
    ),
    (
        S::ControlCharacter,
        [
            "caractère de contrôle dans une chaîne (échappez-le, par exemple `\\n`)",
            "حرف تحكم داخل سلسلة نصية (اكتبه بتسلسل هروب، مثل `\\n`)",
            "control character in a string (escape it, e.g. `\\n`)",
        ],
    ),
    (
        S::UnknownEscape,
        [
            "séquence d'échappement inconnue dans une chaîne",
            "تسلسل هروب غير معروف داخل سلسلة نصية",
            "unknown escape sequence in a string",
        ],
    ),
    (
        S::BadUnicodeEscape,
        [
            "`\\u` doit être suivi de 4 chiffres hexadécimaux",
            "يجب أن تتبع `\\u` أربعة أرقام ست عشرية",
            "`\\u` must be followed by 4 hexadecimal digits",
        ],
    ),
    (
        S::LoneSurrogate,
        [
            "demi-caractère (surrogate) isolé dans un échappement `\\u`",
            "نصف رمز (surrogate) منفرد في تسلسل الهروب `\\u`",
            "lone surrogate in a `\\u` escape",
        ],
    ),
    (
        S::BadNumber,
        [
            "nombre mal écrit",
            "عدد مكتوب بشكل غير صحيح",
            "bad number",
        ],
    ),
    (
        S::DigitsAfterPoint,
        [
            "nombre mal écrit : des chiffres sont attendus après `'.'`",
            "عدد مكتوب بشكل غير صحيح: المنتظر أرقام بعد `'.'`",
            "bad number: digits expected after `'.'`",
        ],
    ),
    (
        S::DigitsInExponent,
        [
            "nombre mal écrit : des chiffres sont attendus dans l'exposant",
            "عدد مكتوب بشكل غير صحيح: المنتظر أرقام في الأس",
            "bad number: digits expected in the exponent",
        ],
    ),
    (
        S::NumberOutOfRange,
        [
            "nombre hors limites",
            "عدد خارج النطاق المسموح به",
            "number out of range",
        ],
    ),
];

/// What a value is or must be (`ProblemKind::Expected`).
pub(super) const SHAPES: &[(Shape, [&str; 3])] = &[
    (Shape::Null, ["`null`", "`null`", "`null`"]),
    (
        Shape::Boolean,
        ["un booléen", "قيمة منطقية (boolean)", "a boolean"],
    ),
    (Shape::Number, ["un nombre", "عدد", "a number"]),
    (Shape::String, ["une chaîne", "سلسلة نصية", "a string"]),
    (Shape::Array, ["un tableau", "مصفوفة", "an array"]),
    (Shape::Object, ["un objet", "كائن", "an object"]),
    (
        Shape::TrueOrFalse,
        [
            "`true` ou `false`",
            "`true` أو `false`",
            "`true` or `false`",
        ],
    ),
    (
        Shape::LanguageCodes,
        [
            "un tableau de codes de langue",
            "مصفوفة من رموز اللغات",
            "an array of language codes",
        ],
    ),
    (
        Shape::SourcesObject,
        [
            "un objet dont chaque membre est une source, sous sa clé",
            "كائن كل عضو فيه مصدر، تحت مفتاحه",
            "an object keyed by source key",
        ],
    ),
    (
        Shape::Text,
        [
            "un texte (une chaîne, ou un objet de langues comme `{\"fr\": \"…\", \"ar\": \"…\"}`)",
            "نص (سلسلة نصية، أو كائن لغات مثل `{\"fr\": \"…\", \"ar\": \"…\"}`)",
            "a text (a string, or an object of languages such as `{\"fr\": \"…\", \"ar\": \"…\"}`)",
        ],
    ),
    (
        Shape::LevelsOrScale,
        [
            "un tableau de niveaux, ou l'identifiant d'une échelle partagée (une chaîne)",
            "مصفوفة من المستويات، أو معرّف سلّم مشترك (سلسلة نصية)",
            "an array of levels, or the id of a shared scale (a string)",
        ],
    ),
];

/// What a list holds too many of (`ProblemKind::TooMany`).
pub(super) const COUNTED: &[(Counted, [&str; 3])] = &[
    (
        Counted::Points,
        [
            "points (un par année de 1900 à 2100)",
            "من النقاط (نقطة واحدة لكل سنة من 1900 إلى 2100)",
            "points (one per year from 1900 to 2100)",
        ],
    ),
    (
        Counted::Indicators,
        ["indicateurs", "من المؤشرات", "indicators"],
    ),
    (Counted::Ratings, ["classements", "من التصنيفات", "ratings"]),
    (Counted::Axes, ["axes", "من المحاور", "axes"]),
    (
        Counted::Conflicts,
        ["désaccords", "من أوجه التعارض", "conflicts"],
    ),
    (
        Counted::Subjects,
        ["sujets", "من الجهات المصنَّفة", "subjects"],
    ),
    (Counted::Scales, ["échelles", "من السلالم", "scales"]),
    (
        Counted::RecommendationLists,
        [
            "listes de recommandations",
            "من قوائم التوصيات",
            "recommendation lists",
        ],
    ),
    (
        Counted::Recommendations,
        [
            "recommandations dans une liste",
            "من التوصيات في القائمة الواحدة",
            "recommendations in one list",
        ],
    ),
    (Counted::Levels, ["niveaux", "من المستويات", "levels"]),
    (Counted::Sources, ["sources", "من المصادر", "sources"]),
    (
        Counted::Commitments,
        ["engagements", "من الالتزامات", "commitments"],
    ),
    (Counted::Milestones, ["étapes", "من المحطات", "milestones"]),
    (Counted::Members, ["membres", "من الأعضاء", "members"]),
    (Counted::Languages, ["langues", "من اللغات", "languages"]),
    (Counted::Items, ["éléments", "من العناصر", "items"]),
];

/// What a closed list of names is (`ProblemKind::NotOneOf`).
pub(super) const CHOICES: &[(Choice, [&str; 3])] = &[
    (Choice::Status, ["un état connu", "الحالات", "a status"]),
    (
        Choice::SourceKind,
        [
            "un type de source connu",
            "أنواع المصادر",
            "a kind of source",
        ],
    ),
    (
        Choice::Placement,
        ["un placement connu", "الوضعيات", "a placement"],
    ),
];
