//! The widget's own words in French, Arabic and English, text direction and number formats.

pub mod bidi;
mod format;

pub use format::{
    format_date, format_number, format_percent, format_year, format_years, Digits, Locale,
};

/// A language the widget speaks. Dataset text may be in any language; these are the ones the
/// widget's own strings (buttons, messages, summaries) exist in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// French.
    Fr,
    /// Arabic, written right to left.
    Ar,
    /// English, also the widget's language for any tag it does not speak.
    En,
}

impl Lang {
    /// Every language the widget speaks, in the order a language switch lists them.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::Ar, Lang::En];

    /// The language's name in itself, as a language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
            Lang::En => "English",
        }
    }

    /// The widget language for a BCP 47 tag ("ar-MA" -> Arabic); English for anything else.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Lang::Fr,
            "ar" => Lang::Ar,
            _ => Lang::En,
        }
    }

    /// The language's ISO 639-1 code: `fr`, `ar` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// Whether the language is written right to left: of the three, Arabic only.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// The widget's own strings. Each has a French, Arabic and English text in [`CATALOG`];
/// `{}` marks where [`tf`] puts its arguments, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Prefix of the source line under a chart.
    Sources,
    /// Label before one source in a tooltip.
    Source,
    /// Conjunction before the last item of a list.
    And,
    /// The name of an implemented status (a board's column, a card, a table cell).
    Implemented,
    /// The name of a status in progress.
    InProgress,
    /// The name of a status not started.
    NotStarted,
    /// The name of a status nobody assessed.
    StatusUnknown,
    /// A year without a figure.
    NoFigure,
    /// "{} of {} transcribed": recommendations listed of those declared.
    Transcribed,
    /// "{} not transcribed": a placeholder for the part of a list nobody copied.
    NotTranscribed,
    /// Text cut short in the copy read.
    Truncated,
    /// Group of commitments whose axis is not known.
    AxisUnknown,
    /// A commitment without a published progress figure.
    NoProgress,
    /// "Target: {}"
    Target,
    /// "Assessed by {} ({})"
    AssessedBy,
    /// "Commitments": the title of a board or progress view of commitments, and their table's row
    /// heading.
    Commitments,
    /// "Recommendations": the title of a board of several lists, and their table's row heading.
    Recommendations,
    /// "Milestones": the timeline's title, and the heading of a milestone's tooltip.
    Milestones,
    /// Shown in place of the chart while its data loads.
    Loading,
    /// The error message's button that tries loading again.
    Retry,
    /// Heading of the error message.
    ErrorTitle,
    /// "The data could not be reached ({})."
    ErrorNetwork,
    /// "The server answered {} for {}."
    ErrorHttp,
    /// "This chart's code could not be downloaded ({}): …": the wasm did not arrive.
    ErrorCodeNetwork,
    /// "This chart's code ({}) did not match what its publisher released, so it was not run.":
    /// the wasm's bytes are not those whose hash the script carries.
    ErrorCodeTampered,
    /// "The file is not valid JSON: {}"
    ErrorJson,
    /// "The server sent a web page instead of the data ({})."
    ErrorHtml,
    /// "The data did not arrive within the time allowed ({} s, {})."
    ErrorTimeout,
    /// "The file is not a valid plan-progress dataset:"
    ErrorInvalid,
    /// "This chart cannot be drawn: {}"
    ErrorView,
    /// "there is no view “{}” (the views: {})"
    ErrorUnknownView,
    /// "the data has no series “{}”"
    ErrorUnknownSeries,
    /// What a dataset lacks for a view (`chart::Missing`), after [`Msg::ErrorView`].
    MissingIndicators,
    /// "there are no figures for these years." (`Missing::FiguresInYears`)
    MissingFiguresInYears,
    /// "the data has no ratings." (`Missing::Ratings`)
    MissingRatings,
    /// "there is no rating for these years." (`Missing::RatingsInYears`)
    MissingRatingsInYears,
    /// "the data has no recommendations." (`Missing::Recommendations`)
    MissingRecommendations,
    /// "the data has no commitments." (`Missing::Commitments`)
    MissingCommitments,
    /// "there are no commitments on these axes." (`Missing::CommitmentsOnAxes`)
    MissingCommitmentsOnAxes,
    /// "the data has no milestones." (`Missing::Milestones`)
    MissingMilestones,
    /// "there are no milestones in these years." (`Missing::MilestonesInYears`)
    MissingMilestonesInYears,
    /// "the data has nothing these charts show." (`Missing::Charts`): no panel of the overview can
    /// be drawn.
    MissingCharts,
    /// "the data has nothing to compare …" (`Missing::Comparisons`): no rating on a shared scale.
    MissingComparisons,
    /// Column of a table naming what a row is about.
    Item,
    /// Column of a table holding the figure, level or status.
    Value,
    /// Said once when the chart first gets the keyboard focus.
    KeyboardHelp,
    /// The button that shows the data as a table.
    ShowTable,
    /// The button that goes back from the table to the chart.
    ShowChart,
    /// The name of the language switch's group of buttons.
    Language,
    // --- Accessible alternatives (summaries and data tables, `describe`) ---
    /// A table cell without a figure.
    NoData,
    /// A year a rating places outside its scale (the TIP report's "Special Case").
    SpecialCase,
    /// A year a rating did not assess.
    NotRanked,
    /// The special case's letters in a cell of the compare view ("SC").
    SpecialCaseShort,
    /// "+{n} more in the table": what the compare view has no room for.
    MoreInTable,
    /// "{scale} in {year}: {groups}." The comparison's latest year.
    CompareIn,
    /// "{names} on {level}": one group of that sentence.
    CompareOn,
    /// "{names} as a special case"
    CompareSpecialCase,
    /// "{names} not ranked"
    CompareNotRanked,
    /// "no data for {names}"
    CompareGap,
    /// "Since {year} (the plan's first year): {moves}."
    CompareMoves,
    /// "{name} from {standing} to {standing}": one move of that sentence.
    CompareMove,
    /// "No change since {year} (the plan's first year)."
    CompareNoMoves,
    /// A table cell: no progress figure published for this commitment.
    NonePublished,
    /// Column headings of the data tables.
    Year,
    /// Column heading: the status of a row's commitment or recommendation.
    Status,
    /// Column heading: who assessed that status.
    AssessedByColumn,
    /// Column heading: when that status was assessed.
    AssessedOn,
    /// Column heading: the publisher of the source behind a row or a cell.
    SourceColumn,
    /// Column heading: the axis a commitment belongs to.
    Axis,
    /// Column heading: a commitment's published percent done.
    Progress,
    /// Column heading: a commitment's deadline.
    TargetColumn,
    /// Heading of dates: the timeline table's row headers, the overview table's first column.
    Date,
    /// Column heading: the milestone a row of the timeline table is about.
    Milestone,
    /// "The number of {}": the subject of a sentence about a count (French and Arabic; English
    /// uses the series label itself).
    CountOf,
    /// The same before a vowel (French elision: "le nombre d'{}").
    CountOfElided,
    /// "{series} rose from {a} in {y1} to {b} in {y2}"
    SeriesRose,
    /// "{series} fell from {a} in {y1} to {b} in {y2}"
    SeriesFell,
    /// "{series} stood at {a} in both {y1} and {y2}"
    SeriesSame,
    /// "{series} stood at {a} in {y}": one figure.
    SeriesOne,
    /// The same four for a series that is not a count: "{label}: up, from {a} in {y1} ...".
    SeriesRoseTopic,
    /// Like [`Msg::SeriesRoseTopic`], for a fall.
    SeriesFellTopic,
    /// Like [`Msg::SeriesRoseTopic`], for the same figure at both ends.
    SeriesSameTopic,
    /// Like [`Msg::SeriesRoseTopic`], for a single figure.
    SeriesOneTopic,
    /// After the last figure when it is the highest of several.
    HighestEnd,
    /// After the last figure when it is the lowest of several.
    LowestEnd,
    /// "with a peak of {} in {}"
    Peak,
    /// "with a low of {} in {}"
    Low,
    /// "with a peak of {} in {} and a low of {} in {}"
    PeakLow,
    /// "no figure for {year}"
    GapOne,
    /// "no figure for {years}" (a list of years and ranges)
    GapMany,
    /// "{} to {}": a run of years inside a list.
    YearRange,
    /// "And {n} more series: {labels}."
    MoreSeries,
    /// Every series of the view is switched off.
    NoSeriesShown,
    /// "{label}: {text}"
    Topic,
    /// "{rating}: {level} every year since {year}"
    RatingSince,
    /// "{rating}: {level} every year from {} to {}"
    RatingFromTo,
    /// "{rating}: {level} in {year}"
    RatingIn,
    /// "Before that: {periods}."
    RatingBefore,
    /// "in {year}"
    PeriodOne,
    /// "in {year} and {year}"
    PeriodTwo,
    /// "from {year} to {year}"
    PeriodRange,
    /// "Commitments by status: {counts}."
    StatusCommitments,
    /// "{list title}. By status: {counts}."
    StatusList,
    /// "{list title}. {n} of {declared} recommendations transcribed; by status: {counts}."
    StatusListPartial,
    /// "None of the {n} commitments has a published progress figure; by status: {counts}."
    ProgressNone,
    /// "Commitments with a published progress figure: {} of {}; by status: {counts}."
    ProgressSome,
    /// "{n} milestones, from “{first}” ({date}) to “{last}” ({date})."
    TimelineMany,
    /// "One milestone: “{}” ({})."
    TimelineOne,
    /// "{n} milestones from {year} to {year}." (the overview's short form)
    TimelineShort,
    /// "The plan runs from {} to {}."
    PlanPeriod,
    /// A view that has nothing to show (unknown series, no data in these years).
    NothingToShow,
    // --- The widget's menu (downloads, sources, embedding) ---
    /// "Data updated: {date}": after the source line of a downloaded image.
    DataUpdated,
    /// The button that opens the menu.
    Menu,
    /// The menu item that downloads the chart as a PNG image.
    MenuPng,
    /// The menu item that downloads the chart as an SVG image.
    MenuSvg,
    /// The data as the chart shows it: its series and years, hidden series left out.
    MenuCsvShown,
    /// Every figure of the view's series, whatever the years and the legend.
    MenuCsvAll,
    /// The menu item that opens the panel of sources and notes behind the view.
    MenuSources,
    /// The menu item that opens the panel with the code to embed the chart.
    MenuEmbed,
    /// The button that closes a panel.
    Close,
    /// The button beside a text box (the embed code, an image's text alternative) that copies it.
    Copy,
    /// Said beside that button once the copy worked.
    Copied,
    /// The copy did not work: the text is selected for the reader to copy.
    CopyFailed,
    /// "The image is downloaded ({file}). Where you publish it, give it this text alternative:"
    ImageSaved,
    /// The label of the text alternative's box.
    AltText,
    /// "Dataset: {title}, by {publisher}; updated {date}; licence {licence}."
    DatasetLine,
    /// Heading of the notes on the data shown.
    Notes,
    /// Heading of the conflicts between sources.
    Conflicts,
    /// The view shows no datum with a source.
    NoSources,
    /// What to do with the embed code.
    EmbedHint,
    /// The code's integrity hash covers the script only.
    EmbedSri,
    /// No integrity hash could be computed here.
    EmbedNoSri,
    /// The link to the builder with the chart's settings.
    EmbedBuilder,
    /// The label of the embed code's box.
    EmbedCode,
    /// Words of the embed code's fallback paragraph: the link to the data.
    TheData,
}

/// `[French, Arabic, English]` for each message, in the order of [`Msg`].
const CATALOG: &[(Msg, [&str; 3])] = &[
    (Msg::Sources, ["Sources :", "المصادر:", "Sources:"]),
    (Msg::Source, ["Source :", "المصدر:", "Source:"]),
    (Msg::And, [" et ", " و", " and "]),
    (Msg::Implemented, ["Mis en œuvre", "مُنفَّذ", "Implemented"]),
    (Msg::InProgress, ["En cours", "قيد التنفيذ", "In progress"]),
    (Msg::NotStarted, ["Non commencé", "لم يبدأ", "Not started"]),
    (
        Msg::StatusUnknown,
        ["État inconnu", "الحالة غير معروفة", "Status unknown"],
    ),
    (
        Msg::NoFigure,
        [
            "Aucun chiffre publié",
            "لا يوجد رقم منشور",
            "No figure published",
        ],
    ),
    (
        Msg::Transcribed,
        [
            "{} sur {} transcrites",
            "{} من أصل {} منقولة",
            "{} of {} transcribed",
        ],
    ),
    (
        Msg::NotTranscribed,
        ["{} non transcrites", "{} غير منقولة", "{} not transcribed"],
    ),
    (
        Msg::Truncated,
        [
            "texte incomplet dans la copie consultée",
            "النص ناقص في النسخة المطلع عليها",
            "text cut short in the copy read",
        ],
    ),
    (
        Msg::AxisUnknown,
        ["Axe non publié", "محور غير منشور", "Axis not published"],
    ),
    (
        Msg::NoProgress,
        [
            "Aucun taux d'avancement publié",
            "لا توجد نسبة تقدم منشورة",
            "No progress figure published",
        ],
    ),
    (Msg::Target, ["Échéance : {}", "الأجل: {}", "Target: {}"]),
    (
        Msg::AssessedBy,
        ["Évalué par {} ({})", "تقييم {} ({})", "Assessed by {} ({})"],
    ),
    (
        Msg::Commitments,
        ["Engagements", "الالتزامات", "Commitments"],
    ),
    (
        Msg::Recommendations,
        ["Recommandations", "التوصيات", "Recommendations"],
    ),
    (
        Msg::Milestones,
        ["Étapes clés", "المحطات الرئيسية", "Milestones"],
    ),
    (
        Msg::Loading,
        [
            "Chargement du graphique…",
            "جارٍ تحميل الرسم البياني…",
            "Loading the chart…",
        ],
    ),
    (Msg::Retry, ["Réessayer", "إعادة المحاولة", "Retry"]),
    (
        Msg::ErrorTitle,
        [
            "Ce graphique ne peut pas être affiché.",
            "تعذّر عرض هذا الرسم البياني.",
            "This chart could not be shown.",
        ],
    ),
    (
        Msg::ErrorNetwork,
        [
            "Les données sont injoignables ({}) : réseau coupé, ou serveur qui n'autorise pas ce site à les lire (CORS).",
            "تعذّر الوصول إلى البيانات ({}): انقطاع في الشبكة، أو خادم لا يسمح لهذا الموقع بقراءتها (CORS).",
            "The data could not be reached ({}): the network failed, or the server does not let this site read it (CORS).",
        ],
    ),
    (
        Msg::ErrorHtml,
        [
            "Le serveur a envoyé une page web au lieu des données ({}).",
            "أرسل الخادم صفحة ويب بدلاً من البيانات ({}).",
            "The server sent a web page instead of the data ({}).",
        ],
    ),
    (
        Msg::ErrorTimeout,
        [
            "Les données ne sont pas arrivées dans le délai prévu ({} s, {}).",
            "لم تصل البيانات في المهلة المحددة ({} ث، {}).",
            "The data did not arrive within the time allowed ({} s, {}).",
        ],
    ),
    (
        Msg::ErrorHttp,
        [
            "Le serveur a répondu {} pour {}.",
            "أجاب الخادم بالرمز {} على {}.",
            "The server answered {} for {}.",
        ],
    ),
    (
        Msg::ErrorCodeNetwork,
        [
            "Le code de ce graphique n'a pas pu être téléchargé ({}) : réseau coupé, ou serveur qui n'autorise pas ce site à le lire (CORS).",
            "تعذّر تنزيل شيفرة هذا الرسم البياني ({}): انقطاع في الشبكة، أو خادم لا يسمح لهذا الموقع بقراءتها (CORS).",
            "This chart's code could not be downloaded ({}): the network failed, or the server does not let this site read it (CORS).",
        ],
    ),
    (
        Msg::ErrorCodeTampered,
        [
            "Le code de ce graphique ({}) ne correspond pas à celui que son éditeur a publié : il n'a pas été exécuté.",
            "شيفرة هذا الرسم البياني ({}) لا تطابق ما نشره ناشره، لذلك لم تُشغَّل.",
            "This chart's code ({}) did not match what its publisher released, so it was not run.",
        ],
    ),
    (
        Msg::ErrorJson,
        [
            "Le fichier n'est pas du JSON valide : {}",
            "الملف ليس بصيغة JSON صالحة: {}",
            "The file is not valid JSON: {}",
        ],
    ),
    (
        Msg::ErrorInvalid,
        [
            "Le fichier n'est pas un jeu de données plan-progress valide :",
            "الملف ليس مجموعة بيانات plan-progress صالحة:",
            "The file is not a valid plan-progress dataset:",
        ],
    ),
    (
        Msg::ErrorView,
        [
            "Ce graphique ne peut pas être dessiné : {}",
            "تعذّر رسم هذا الرسم البياني: {}",
            "This chart cannot be drawn: {}",
        ],
    ),
    (
        Msg::ErrorUnknownView,
        [
            "il n'existe pas de vue « {} » (les vues : {})",
            "لا يوجد عرض باسم «{}» (العروض المتاحة: {})",
            "there is no view “{}” (the views: {})",
        ],
    ),
    (
        Msg::ErrorUnknownSeries,
        [
            "les données n'ont pas de série « {} »",
            "لا تتضمن البيانات سلسلة باسم «{}»",
            "the data has no series “{}”",
        ],
    ),
    (
        Msg::MissingIndicators,
        [
            "les données n'ont aucun indicateur.",
            "لا تتضمن البيانات أي مؤشر.",
            "the data has no indicators.",
        ],
    ),
    (
        Msg::MissingFiguresInYears,
        [
            "aucun chiffre pour ces années.",
            "لا توجد أرقام لهذه السنوات.",
            "there are no figures for these years.",
        ],
    ),
    (
        Msg::MissingRatings,
        [
            "les données n'ont aucun classement.",
            "لا تتضمن البيانات أي تصنيف.",
            "the data has no ratings.",
        ],
    ),
    (
        Msg::MissingRatingsInYears,
        [
            "aucun classement pour ces années.",
            "لا يوجد تصنيف لهذه السنوات.",
            "there is no rating for these years.",
        ],
    ),
    (
        Msg::MissingRecommendations,
        [
            "les données n'ont aucune recommandation.",
            "لا تتضمن البيانات أي توصية.",
            "the data has no recommendations.",
        ],
    ),
    (
        Msg::MissingCommitments,
        [
            "les données n'ont aucun engagement.",
            "لا تتضمن البيانات أي التزام.",
            "the data has no commitments.",
        ],
    ),
    (
        Msg::MissingCommitmentsOnAxes,
        [
            "aucun engagement sur ces axes.",
            "لا توجد التزامات في هذه المحاور.",
            "there are no commitments on these axes.",
        ],
    ),
    (
        Msg::MissingMilestones,
        [
            "les données n'ont aucune étape clé.",
            "لا تتضمن البيانات أي محطة رئيسية.",
            "the data has no milestones.",
        ],
    ),
    (
        Msg::MissingMilestonesInYears,
        [
            "aucune étape clé pendant ces années.",
            "لا توجد محطات رئيسية في هذه السنوات.",
            "there are no milestones in these years.",
        ],
    ),
    (
        Msg::MissingCharts,
        [
            "les données n'ont rien que ces graphiques montrent.",
            "لا تتضمن البيانات ما تعرضه هذه الرسوم.",
            "the data has nothing these charts show.",
        ],
    ),
    (
        Msg::MissingComparisons,
        [
            "les données n'ont rien à comparer (aucun classement sur une échelle commune).",
            "لا تتضمن البيانات ما يُقارَن (لا تصنيفات على سلّم مشترك).",
            "the data has nothing to compare (no ratings on a shared scale).",
        ],
    ),
    (Msg::Item, ["Élément", "العنصر", "Item"]),
    (Msg::Value, ["Valeur", "القيمة", "Value"]),
    (
        Msg::KeyboardHelp,
        [
            "Graphique interactif. Flèches gauche et droite : passer d'une donnée à l'autre ; flèches haut et bas : changer de série ; Début et Fin : première et dernière donnée ; Entrée : sélectionner ; Échap : fermer l'infobulle, puis quitter.",
            "رسم بياني تفاعلي. السهمان الأيمن والأيسر: الانتقال بين البيانات؛ السهمان الأعلى والأسفل: تغيير السلسلة؛ Home وEnd: أول بيان وآخره؛ Enter: الاختيار؛ Escape: إغلاق التلميح ثم الخروج.",
            "Interactive chart. Left and right arrows: move between data; up and down arrows: change series; Home and End: first and last datum; Enter: select; Escape: close the tooltip, then leave.",
        ],
    ),
    (
        Msg::ShowTable,
        ["Afficher le tableau", "عرض الجدول", "Show the table"],
    ),
    (Msg::Language, ["Langue", "اللغة", "Language"]),
    (
        Msg::ShowChart,
        ["Afficher le graphique", "عرض الرسم البياني", "Show the chart"],
    ),
    // --- Accessible alternatives (summaries and data tables, `describe`) ---
    (Msg::NoData, ["pas de données", "لا توجد بيانات", "no data"]),
    (Msg::SpecialCase, ["cas particulier", "حالة خاصة", "special case"]),
    (Msg::NotRanked, ["non classé", "غير مصنف", "not ranked"]),
    (Msg::SpecialCaseShort, ["CP", "خاص", "SC"]),
    (
        Msg::MoreInTable,
        [
            "+{} de plus dans le tableau",
            "+{} أخرى في الجدول",
            "+{} more in the table",
        ],
    ),
    (
        Msg::CompareIn,
        ["{} en {}\u{a0}: {}.", "{} سنة {}: {}.", "{} in {}: {}."],
    ),
    (Msg::CompareOn, ["{} en {}", "{} في {}", "{} on {}"]),
    (
        Msg::CompareSpecialCase,
        [
            "{} en cas particulier",
            "{} حالة خاصة",
            "{} as a special case",
        ],
    ),
    (
        Msg::CompareNotRanked,
        ["{} hors classement", "{} خارج التصنيف", "{} not ranked"],
    ),
    (
        Msg::CompareGap,
        ["{} sans données", "لا بيانات عن {}", "no data for {}"],
    ),
    (
        Msg::CompareMoves,
        [
            "Depuis {} (première année du plan)\u{a0}: {}.",
            "منذ {} (السنة الأولى للخطة): {}.",
            "Since {} (the plan's first year): {}.",
        ],
    ),
    (Msg::CompareMove, ["{}, de {} à {}", "{} من {} إلى {}", "{} from {} to {}"]),
    (
        Msg::CompareNoMoves,
        [
            "Aucun changement depuis {} (première année du plan).",
            "لا تغيير منذ {} (السنة الأولى للخطة).",
            "No change since {} (the plan's first year).",
        ],
    ),
    (Msg::NonePublished, ["non publié", "غير منشورة", "none published"]),
    (Msg::Year, ["Année", "السنة", "Year"]),
    (Msg::Status, ["État", "الحالة", "Status"]),
    (
        Msg::AssessedByColumn,
        ["Évalué par", "الجهة المقيِّمة", "Assessed by"],
    ),
    (
        Msg::AssessedOn,
        ["Date de l'évaluation", "تاريخ التقييم", "Assessed on"],
    ),
    (Msg::SourceColumn, ["Source", "المصدر", "Source"]),
    (Msg::Axis, ["Axe", "المحور", "Axis"]),
    (Msg::Progress, ["Avancement", "نسبة التقدم", "Progress"]),
    (Msg::TargetColumn, ["Échéance", "الأجل", "Target"]),
    (Msg::Date, ["Date", "التاريخ", "Date"]),
    (Msg::Milestone, ["Étape", "المحطة", "Milestone"]),
    (Msg::CountOf, ["Le nombre de {}", "عدد {}", "{}"]),
    (Msg::CountOfElided, ["Le nombre d'{}", "عدد {}", "{}"]),
    (
        Msg::SeriesRose,
        [
            "{} a augmenté, passant de {} en {} à {} en {}",
            "ارتفع {} من {} سنة {} إلى {} سنة {}",
            "{} rose from {} in {} to {} in {}",
        ],
    ),
    (
        Msg::SeriesFell,
        [
            "{} a diminué, passant de {} en {} à {} en {}",
            "انخفض {} من {} سنة {} إلى {} سنة {}",
            "{} fell from {} in {} to {} in {}",
        ],
    ),
    (
        Msg::SeriesSame,
        [
            "{} était de {} en {} comme en {}",
            "بلغ {} {} سنة {} وكذلك سنة {}",
            "{} stood at {} in both {} and {}",
        ],
    ),
    (
        Msg::SeriesOne,
        [
            "{} était de {} en {}",
            "بلغ {} {} سنة {}",
            "{} stood at {} in {}",
        ],
    ),
    (
        Msg::SeriesRoseTopic,
        [
            "{}\u{a0}: en hausse, de {} en {} à {} en {}",
            "{}: ارتفاع من {} سنة {} إلى {} سنة {}",
            "{} rose from {} in {} to {} in {}",
        ],
    ),
    (
        Msg::SeriesFellTopic,
        [
            "{}\u{a0}: en baisse, de {} en {} à {} en {}",
            "{}: انخفاض من {} سنة {} إلى {} سنة {}",
            "{} fell from {} in {} to {} in {}",
        ],
    ),
    (
        Msg::SeriesSameTopic,
        [
            "{}\u{a0}: {} en {} comme en {}",
            "{}: {} سنة {} وكذلك سنة {}",
            "{} stood at {} in both {} and {}",
        ],
    ),
    (
        Msg::SeriesOneTopic,
        ["{}\u{a0}: {} en {}", "{}: {} سنة {}", "{} stood at {} in {}"],
    ),
    (
        Msg::HighestEnd,
        [
            "le plus haut niveau de la période",
            "وهو أعلى مستوى خلال الفترة",
            "the highest of the period",
        ],
    ),
    (
        Msg::LowestEnd,
        [
            "le plus bas niveau de la période",
            "وهو أدنى مستوى خلال الفترة",
            "the lowest of the period",
        ],
    ),
    (
        Msg::Peak,
        [
            "avec un pic à {} en {}",
            "مع ذروة بلغت {} سنة {}",
            "with a peak of {} in {}",
        ],
    ),
    (
        Msg::Low,
        [
            "avec un creux à {} en {}",
            "مع أدنى مستوى بلغ {} سنة {}",
            "with a low of {} in {}",
        ],
    ),
    (
        Msg::PeakLow,
        [
            "avec un pic à {} en {} et un creux à {} en {}",
            "مع ذروة بلغت {} سنة {} وأدنى مستوى بلغ {} سنة {}",
            "with a peak of {} in {} and a low of {} in {}",
        ],
    ),
    (
        Msg::GapOne,
        ["aucun chiffre pour {}", "لا يوجد رقم لسنة {}", "no figure for {}"],
    ),
    (
        Msg::GapMany,
        [
            "aucun chiffre pour les années {}",
            "لا يوجد رقم للسنوات {}",
            "no figure for {}",
        ],
    ),
    (Msg::YearRange, ["{} à {}", "من {} إلى {}", "{} to {}"]),
    (
        Msg::MoreSeries,
        [
            "Et {} autres séries\u{a0}: {}.",
            "وسلاسل أخرى عددها {}: {}.",
            "And {} more series: {}.",
        ],
    ),
    (
        Msg::NoSeriesShown,
        [
            "Aucune série affichée.",
            "لا توجد أي سلسلة معروضة.",
            "No series shown.",
        ],
    ),
    (Msg::Topic, ["{}\u{a0}: {}", "{}: {}", "{}: {}"]),
    (
        Msg::RatingSince,
        [
            "{}\u{a0}: {} chaque année depuis {}",
            "{}: {} كل سنة منذ {}",
            "{}: {} every year since {}",
        ],
    ),
    (
        Msg::RatingFromTo,
        [
            "{}\u{a0}: {} chaque année de {} à {}",
            "{}: {} كل سنة من {} إلى {}",
            "{}: {} every year from {} to {}",
        ],
    ),
    (
        Msg::RatingIn,
        ["{}\u{a0}: {} en {}", "{}: {} سنة {}", "{}: {} in {}"],
    ),
    (
        Msg::RatingBefore,
        ["Auparavant\u{a0}: {}.", "قبل ذلك: {}.", "Before that: {}."],
    ),
    (Msg::PeriodOne, ["en {}", "سنة {}", "in {}"]),
    (Msg::PeriodTwo, ["en {} et {}", "سنتي {} و{}", "in {} and {}"]),
    (Msg::PeriodRange, ["de {} à {}", "من {} إلى {}", "from {} to {}"]),
    (
        Msg::StatusCommitments,
        [
            "Engagements par état\u{a0}: {}.",
            "الالتزامات حسب الحالة: {}.",
            "Commitments by status: {}.",
        ],
    ),
    (
        Msg::StatusList,
        [
            "{}. Par état\u{a0}: {}.",
            "{}. حسب الحالة: {}.",
            "{}. By status: {}.",
        ],
    ),
    (
        Msg::StatusListPartial,
        [
            "{}. {} sur {} recommandations transcrites\u{202f}; par état\u{a0}: {}.",
            "{}. التوصيات المنقولة: {} من أصل {}؛ حسب الحالة: {}.",
            "{}. {} of {} recommendations transcribed; by status: {}.",
        ],
    ),
    (
        Msg::ProgressNone,
        [
            "Aucun des {} engagements n'a de taux d'avancement publié\u{202f}; par état\u{a0}: {}.",
            "لم تُنشر نسبة تقدم لأي التزام من أصل {}؛ حسب الحالة: {}.",
            "None of the {} commitments has a published progress figure; by status: {}.",
        ],
    ),
    (
        Msg::ProgressSome,
        [
            "Engagements avec un taux d'avancement publié\u{a0}: {} sur {}\u{202f}; par état\u{a0}: {}.",
            "الالتزامات التي لها نسبة تقدم منشورة: {} من أصل {}؛ حسب الحالة: {}.",
            "Commitments with a published progress figure: {} of {}; by status: {}.",
        ],
    ),
    (
        Msg::TimelineMany,
        [
            "{} étapes clés, de «\u{a0}{}\u{a0}» ({}) à «\u{a0}{}\u{a0}» ({}).",
            "المحطات الرئيسية: {}، من «{}» ({}) إلى «{}» ({}).",
            "{} milestones, from “{}” ({}) to “{}” ({}).",
        ],
    ),
    (
        Msg::TimelineOne,
        [
            "Une étape clé\u{a0}: «\u{a0}{}\u{a0}» ({}).",
            "محطة رئيسية واحدة: «{}» ({}).",
            "One milestone: “{}” ({}).",
        ],
    ),
    (
        Msg::TimelineShort,
        [
            "{} étapes clés de {} à {}.",
            "المحطات الرئيسية: {} من {} إلى {}.",
            "{} milestones from {} to {}.",
        ],
    ),
    (
        Msg::PlanPeriod,
        [
            "Le plan court de {} à {}.",
            "تمتد الخطة من {} إلى {}.",
            "The plan runs from {} to {}.",
        ],
    ),
    (
        Msg::NothingToShow,
        [
            "Rien à afficher dans cette vue.",
            "لا توجد بيانات لعرضها في هذا العرض.",
            "Nothing to show in this view.",
        ],
    ),
    (
        Msg::DataUpdated,
        [
            "Données mises à jour : {}",
            "تاريخ تحديث البيانات: {}",
            "Data updated: {}",
        ],
    ),
    (Msg::Menu, ["Menu du graphique", "قائمة الرسم", "Chart menu"]),
    (
        Msg::MenuPng,
        [
            "Télécharger l'image (PNG)",
            "تنزيل الصورة (PNG)",
            "Download the image (PNG)",
        ],
    ),
    (
        Msg::MenuSvg,
        [
            "Télécharger l'image vectorielle (SVG)",
            "تنزيل الصورة المتجهية (SVG)",
            "Download the vector image (SVG)",
        ],
    ),
    (
        Msg::MenuCsvShown,
        [
            "Télécharger les données affichées (CSV)",
            "تنزيل البيانات المعروضة (CSV)",
            "Download the data shown (CSV)",
        ],
    ),
    (
        Msg::MenuCsvAll,
        [
            "Télécharger toutes les données de ce graphique (CSV)",
            "تنزيل كل بيانات هذا الرسم (CSV)",
            "Download all the data of this chart (CSV)",
        ],
    ),
    (
        Msg::MenuSources,
        ["Sources et notes", "المصادر والملاحظات", "Sources and notes"],
    ),
    (
        Msg::MenuEmbed,
        ["Intégrer ce graphique", "تضمين هذا الرسم", "Embed this chart"],
    ),
    (Msg::Close, ["Fermer", "إغلاق", "Close"]),
    (Msg::Copy, ["Copier", "نسخ", "Copy"]),
    (
        Msg::Copied,
        [
            "Copié dans le presse-papiers.",
            "تم النسخ إلى الحافظة.",
            "Copied to the clipboard.",
        ],
    ),
    (
        Msg::CopyFailed,
        [
            "Le texte est sélectionné : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.",
            "النص محدد: اضغط Ctrl+C (أو ⌘C على ماك) لنسخه.",
            "The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
        ],
    ),
    (
        Msg::ImageSaved,
        [
            "L'image est téléchargée ({}). Là où vous la publiez, donnez-lui ce texte alternatif :",
            "تم تنزيل الصورة ({}). حيثما تنشرها، أرفقها بهذا النص البديل:",
            "The image is downloaded ({}). Where you publish it, give it this text alternative:",
        ],
    ),
    (
        Msg::AltText,
        ["Texte alternatif", "النص البديل", "Text alternative"],
    ),
    (
        Msg::DatasetLine,
        [
            "Données : {}, par {} ; mises à jour : {} ; licence {}.",
            "البيانات: {}، من إعداد {}؛ تاريخ التحديث: {}؛ الرخصة: {}.",
            "Data: {}, by {}; updated: {}; licence {}.",
        ],
    ),
    (Msg::Notes, ["Notes", "ملاحظات", "Notes"]),
    (
        Msg::Conflicts,
        [
            "Où les sources divergent",
            "حيث تختلف المصادر",
            "Where sources disagree",
        ],
    ),
    (
        Msg::NoSources,
        [
            "Aucune source n'est citée pour ce que montre ce graphique.",
            "لا يستشهد هذا الرسم بأي مصدر لما يعرضه.",
            "No source is cited for what this chart shows.",
        ],
    ),
    (
        Msg::EmbedHint,
        [
            "Collez ce code dans le HTML de votre page, à l'endroit du graphique.",
            "الصق هذه الشيفرة في HTML صفحتك، في مكان الرسم.",
            "Paste this code into the HTML of your page, where the chart goes.",
        ],
    ),
    (
        Msg::EmbedSri,
        [
            "L'empreinte d'intégrité garantit plan-progress.js, qui porte celle du wasm qu'il charge : une copie modifiée de l'un ou de l'autre est refusée. Copiez à nouveau le code après chaque mise à jour.",
            "بصمة السلامة تضمن الملف plan-progress.js، وهو يحمل بصمة ملف wasm الذي يحمّله: تُرفض أي نسخة معدّلة من أحدهما. انسخ الشيفرة من جديد بعد كل تحديث.",
            "The integrity hash guarantees plan-progress.js, which carries the hash of the wasm it loads: a changed copy of either is refused. Copy the code again after each update.",
        ],
    ),
    (
        Msg::EmbedNoSri,
        [
            "Sans empreinte d'intégrité : ce navigateur ne peut pas la calculer ici (il faut une page https:// et le script sur le même site). Le générateur de code la donne.",
            "بدون بصمة سلامة: لا يستطيع هذا المتصفح حسابها هنا (يلزم صفحة https:// وسكربت من نفس الموقع). يوفرها منشئ الرسوم.",
            "No integrity hash: this browser cannot compute one here (it needs an https:// page and the script on the same site). The chart builder gives one.",
        ],
    ),
    (
        Msg::EmbedBuilder,
        [
            "Modifier ces réglages dans le générateur de code",
            "تعديل هذه الإعدادات في منشئ الرسوم",
            "Change these settings in the chart builder",
        ],
    ),
    (
        Msg::EmbedCode,
        [
            "Code du graphique",
            "شيفرة الرسم",
            "Code of the chart",
        ],
    ),
    (
        Msg::TheData,
        ["Les données (JSON)", "البيانات (JSON)", "The data (JSON)"],
    ),
];

/// The names by which the widget's script asks for its own words (`uiText(lang, key, args)`):
/// the loading and error messages, the buttons, the menu and its panels.
pub const UI_KEYS: &[(&str, Msg)] = &[
    ("loading", Msg::Loading),
    ("retry", Msg::Retry),
    ("error", Msg::ErrorTitle),
    ("network", Msg::ErrorNetwork),
    ("http", Msg::ErrorHttp),
    ("html", Msg::ErrorHtml),
    ("timeout", Msg::ErrorTimeout),
    ("code-network", Msg::ErrorCodeNetwork),
    ("code-tampered", Msg::ErrorCodeTampered),
    ("help", Msg::KeyboardHelp),
    ("show-table", Msg::ShowTable),
    ("show-chart", Msg::ShowChart),
    ("language", Msg::Language),
    ("menu", Msg::Menu),
    ("png", Msg::MenuPng),
    ("svg", Msg::MenuSvg),
    ("csv-shown", Msg::MenuCsvShown),
    ("csv-all", Msg::MenuCsvAll),
    ("sources", Msg::MenuSources),
    ("embed", Msg::MenuEmbed),
    ("close", Msg::Close),
    ("copy", Msg::Copy),
    ("copied", Msg::Copied),
    ("copy-failed", Msg::CopyFailed),
    ("image-saved", Msg::ImageSaved),
    ("alt-text", Msg::AltText),
    ("notes", Msg::Notes),
    ("conflicts", Msg::Conflicts),
    ("no-sources", Msg::NoSources),
    ("embed-hint", Msg::EmbedHint),
    ("embed-sri", Msg::EmbedSri),
    ("embed-no-sri", Msg::EmbedNoSri),
    ("embed-builder", Msg::EmbedBuilder),
    ("embed-code", Msg::EmbedCode),
    ("the-data", Msg::TheData),
];

/// The widget's words for the script's `key` in `lang`, with `args` in its slots; "" for a key
/// that is not in [`UI_KEYS`].
pub fn ui_text(lang: &str, key: &str, args: &[&str]) -> String {
    ui_msg(key).map_or_else(String::new, |msg| tf(Lang::from_tag(lang), msg, args))
}

/// The message the script's `key` names in [`UI_KEYS`].
pub fn ui_msg(key: &str) -> Option<Msg> {
    UI_KEYS.iter().find(|(k, _)| *k == key).map(|(_, msg)| *msg)
}

/// The text of `msg` in `lang`.
pub fn t(lang: impl Into<Lang>, msg: Msg) -> &'static str {
    let column = match lang.into() {
        Lang::Fr => 0,
        Lang::Ar => 1,
        Lang::En => 2,
    };
    CATALOG
        .iter()
        .find(|(m, _)| *m == msg)
        .map_or("", |(_, texts)| texts[column])
}

/// The text of `msg` in `lang` with each `{}` replaced by the next argument.
pub fn tf(lang: impl Into<Lang>, msg: Msg, args: &[&str]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut parts = t(lang, msg).split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some() {
            out.push_str(args.next().copied().unwrap_or(""));
        }
    }
    out
}

/// The name of a status in `lang`.
pub fn status_name(lang: impl Into<Lang>, status: crate::model::StatusValue) -> &'static str {
    use crate::model::StatusValue::*;
    t(
        lang,
        match status {
            Implemented => Msg::Implemented,
            InProgress => Msg::InProgress,
            NotStarted => Msg::NotStarted,
            Unknown => Msg::StatusUnknown,
        },
    )
}

/// One of the widget's own words with its first letter in upper case, for a label that starts
/// a line ("Special case"). Their first letters are ASCII (or Arabic, which has no case), so
/// the Unicode case tables (kilobytes of wasm) are not needed.
pub fn upper_first(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The comma between the parts of a phrase: "، " in Arabic, ", " otherwise.
pub fn comma(lang: impl Into<Lang>) -> &'static str {
    if lang.into() == Lang::Ar {
        "، "
    } else {
        ", "
    }
}

/// Joins items as a sentence list: "a, b and c" / "a, b et c" / "a، b وc".
pub fn join_list(lang: impl Into<Lang>, items: &[&str]) -> String {
    let lang = lang.into();
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}{}{}", init.join(comma(lang)), t(lang, Msg::And), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant of `Msg` has an entry in `CATALOG` (read from this file's source, since
    /// an enum's variants cannot be listed at run time).
    #[test]
    fn every_message_is_in_the_catalog() {
        let source = include_str!("mod.rs");
        let start = source.find("pub enum Msg {").unwrap();
        let body = &source[start..start + source[start..].find("\n}").unwrap()];
        let variants: Vec<&str> = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("//") && l.ends_with(','))
            .map(|l| l.trim_end_matches(','))
            .collect();
        assert!(variants.len() > 20, "{variants:?}");
        for v in variants {
            assert!(
                source.contains(&format!("Msg::{v},")),
                "Msg::{v} has no texts in CATALOG"
            );
        }
    }

    #[test]
    fn every_message_exists_in_three_languages() {
        for (msg, texts) in CATALOG {
            assert!(texts.iter().all(|t| !t.is_empty()), "{msg:?}");
            let slots = texts[2].matches("{}").count();
            assert!(
                texts.iter().all(|t| t.matches("{}").count() == slots),
                "{msg:?}"
            );
        }
        assert_eq!(
            tf(Lang::En, Msg::Transcribed, &["2", "10"]),
            "2 of 10 transcribed"
        );
        assert_eq!(tf(Lang::Fr, Msg::Target, &["2026"]), "Échéance : 2026");
    }

    #[test]
    fn languages_and_lists() {
        assert_eq!(Lang::from_tag("ar-MA"), Lang::Ar);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert!(Lang::Ar.is_rtl());
        assert_eq!(join_list(Lang::En, &["a", "b", "c"]), "a, b and c");
        assert_eq!(join_list(Lang::Fr, &["a", "b"]), "a et b");
        assert_eq!(join_list(Lang::Ar, &["أ", "ب", "ج"]), "أ، ب وج");
    }
}
