#!/usr/bin/env python3
"""Writes the replay corpus of tests/corpus.rs: inputs that reach deep paths of
parse -> validate -> scene -> summary -> table, and the expectation of each one.

Deterministic: running it again writes the same bytes (no clock, no unseeded randomness, dict
order as written). It deletes the `*.json` files of this directory first, so a case removed here
disappears from the corpus. Run from anywhere:

    python3 tests/corpus/generate.py

Every file name starts with its category, which tests/corpus.rs checks:

    valid-*    loads: every view, summary, table and hit test runs on it
    invalid-*  JSON, but refused with problems (LoadError::Invalid)
    syntax-*   not JSON at all (LoadError::Syntax)

`expected.tsv` gives, for each refused file, the texts its error must contain (usually
the JSON paths of the problems, or the limit's number), and for each valid file the views that
must be drawn in every language and size (names from `variants` in tests/corpus.rs: "series",
"series:all", "status:recommendations", …), so a change in what is refused, where, or what is
drawn fails the test.
"""

import copy
import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# The limits of src/model/decode.rs and src/json.rs, read from the source so that the files at
# and just past each limit follow it if it changes.
def _limits():
    text = (ROOT / "src/model/decode.rs").read_text() + (ROOT / "src/json.rs").read_text()
    found = {}
    for name, value in re.findall(r"pub const (MAX_[A-Z_]+): \w+ = ([0-9_.e* ]+);", text):
        # "1024 * 1024", "2_000", "1e15": a product of literals
        product = 1
        for factor in value.replace("_", "").split("*"):
            factor = factor.strip()
            product *= float(factor) if ("." in factor or "e" in factor) else int(factor)
        found[name] = product
    # MAX_POINTS is written as one point per year of YEARS, not as a literal
    years = re.search(r"pub const YEARS: [^=]+= ([0-9]+)\.\.=([0-9]+);", text)
    if years and "MAX_POINTS" not in found:
        found["MAX_POINTS"] = int(years.group(2)) - int(years.group(1)) + 1
    return found


LIMITS = _limits()
MAX_LABEL = LIMITS["MAX_LABEL_CHARS"]
MAX_TEXT = LIMITS["MAX_TEXT_CHARS"]
MAX_URL = LIMITS["MAX_URL_CHARS"]
MAX_LANGUAGES = LIMITS["MAX_LANGUAGES"]
MAX_POINTS = LIMITS["MAX_POINTS"]
MAX_SERIES = LIMITS["MAX_SERIES"]
MAX_ITEMS = LIMITS["MAX_ITEMS"]
MAX_LEVELS = LIMITS["MAX_LEVELS"]
MAX_FIGURE = LIMITS["MAX_FIGURE"]
MAX_PROBLEMS = LIMITS["MAX_PROBLEMS"]
MAX_DEPTH = LIMITS["MAX_DEPTH"]

MOROCCO = json.loads((ROOT / "data/morocco.json").read_text(encoding="utf-8"))
NEIGHBOURS = json.loads((ROOT / "data/neighbours.json").read_text(encoding="utf-8"))

# ------------------------------------------------------------------------------------------
# Building blocks

# members whose string value is a source key
REF_KEYS = {"source", "report", "declared_count_source", "progress_source"}
# optional long texts, dropped from the small base to keep files small
LONG_KEYS = {"definition", "description", "note", "quote", "transcription_note"}


def dumps(d, indent=None):
    if indent is None:
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(d, ensure_ascii=False, indent=indent)


def source_refs(x, out):
    """Collects every source key `x` refers to (conflicts list theirs in `sources`)."""
    if isinstance(x, dict):
        for k, v in x.items():
            if k in REF_KEYS and isinstance(v, str):
                out.add(v)
            elif k == "sources" and isinstance(v, list):
                out.update(s for s in v if isinstance(s, str))
            else:
                source_refs(v, out)
    elif isinstance(x, list):
        for v in x:
            source_refs(v, out)


def prune(d):
    """Keeps only the sources `d` refers to (at least one: a dataset needs one), taken from its
    own sources, or from Morocco's when it has none yet."""
    refs = set()
    source_refs({k: v for k, v in d.items() if k != "sources"}, refs)
    everything = d.get("sources") or MOROCCO["sources"]
    kept = {k: v for k, v in everything.items() if k in refs}
    if not kept:
        first = next(iter(everything))
        kept = {first: everything[first]}
    d["sources"] = copy.deepcopy(kept)
    return d


def strip(x):
    """`x` without its optional long texts."""
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in LONG_KEYS}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def walk_texts(x, f):
    """Applies `f` to every localized text object ({"fr": …, "ar": …}) in `x`, in place."""
    if isinstance(x, dict):
        for k, v in list(x.items()):
            if is_localized(v):
                x[k] = f(v)
            else:
                walk_texts(v, f)
    elif isinstance(x, list):
        for v in x:
            walk_texts(v, f)


def is_localized(v):
    return (
        isinstance(v, dict)
        and v
        and set(v) <= {"fr", "ar", "en"}
        and all(isinstance(s, str) for s in v.values())
    )


def core():
    """A Morocco subset with something for every view, notes included (about 25 KB)."""
    m = MOROCCO
    keep = ["tip-investigations", "pmp-victims"]
    indicators = [i for i in m["indicators"] if i["id"] in keep]
    rating = copy.deepcopy(m["ratings"][0])
    rating["points"] = rating["points"][-6:]
    conflicts = [
        c for c in m["conflicts"] if set(c.get("indicators", [])) <= set(keep)
    ][:1]
    d = {
        "format_version": 1,
        "plan": m["plan"],
        "sources": {},
        "indicators": indicators,
        "ratings": [rating],
        "recommendations": m["recommendations"][:1],
        "axes": m["axes"],
        "commitments": m["commitments"][:2],
        "milestones": m["milestones"][:3],
        "conflicts": conflicts,
    }
    d = prune(copy.deepcopy(d))
    for s in d["sources"].values():
        # the longest strings, said in the indicators' notes too: keep the file small
        s.pop("quote", None)
        s.pop("note", None)
    return d


def tiny():
    """The core without notes, with fewer items: the base of most mutations (a few KB)."""
    d = core()
    d["indicators"] = d["indicators"][:2]
    for i in d["indicators"]:
        # the three years up to the last figure (Morocco's series end with gaps)
        last = max(n for n, p in enumerate(i["points"]) if p["value"] is not None)
        i["points"] = i["points"][max(0, last - 2):last + 1]
    d["ratings"][0]["points"] = d["ratings"][0]["points"][-2:]
    d["recommendations"][0]["items"] = d["recommendations"][0]["items"][:2]
    d["commitments"] = d["commitments"][:2]
    d["milestones"] = d["milestones"][:2]
    d["conflicts"] = []
    return strip(prune(d))


def only(section):
    """The plan with one section only, and the sources it refers to."""
    base = tiny()
    d = {"format_version": 1, "plan": base["plan"], "sources": base["sources"],
         section: base[section]}
    return prune(d)


def minimal(**extra):
    """A small valid dataset of one source (`s`), with `extra` members at the root."""
    d = {
        "format_version": 1,
        "plan": {
            "id": "p",
            "country": "XA",
            "title": "Plan",
            "period": {"start": 2020, "end": 2025},
            "publisher": "Someone",
            "languages": ["fr", "ar", "en"],
            "default_language": "fr",
            "updated": "2024-01",
            "licence": "CC-BY-4.0",
        },
        "sources": {"s": {"title": "Report", "publisher": "Office"}},
    }
    d.update(extra)
    return d


def indicator(points, id="a", label="A"):
    return {"id": id, "label": label, "unit": "u", "points": points}


def point(year, value, source="s", **more):
    p = {"year": year, "value": value}
    if value is not None:
        p["source"] = source
    p.update(more)
    return p


def rating(points, levels=4, id="r"):
    scale = [{"id": f"l{i}", "label": f"Level {i}"} for i in range(levels)]
    return {"id": id, "label": "Rating", "scale": scale, "points": points}


def milestone(i, date, label="M"):
    return {"id": f"m{i}", "date": date, "label": label, "source": "s"}


def known_status(value="in_progress", on="2024-05"):
    return {"value": value, "assessed_by": "Coalition", "assessed_on": on, "source": "s"}


def pseudo_random_bytes(n, seed):
    """`n` bytes from SHA-256 in counter mode: the same on every machine and Python."""
    out = b""
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return out[:n]


# ------------------------------------------------------------------------------------------
# Hostile text

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "\"><svg onload=alert(1)>",
    "\u202eevil\u202c right-to-left override",
    "zero\u200bwidth\u200c\u200djoin\u2060\ufeff",
    "👩🏽\u200d⚖\ufe0f 👨\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈 🇲🇦",
    "ﷺ لا ١٢٣ \u061c",
    "e\u0301\u0301\u0301 combining",
    "line\u2028separator\u2029paragraph",
    "{0} %s %n ${x} {{x}}",
    "&amp; &lt;b&gt;",
]


def hostile(i):
    return HOSTILE[i % len(HOSTILE)]


# ------------------------------------------------------------------------------------------
# The cases: (file name, bytes, needles). A refused file's needles are texts its error must
# contain (a path, a limit, a message); a valid file's are the views it must draw.

# what a Morocco subset with every section draws
EVERY_VIEW = ("series", "rating", "status", "progress", "timeline", "overview", "series:all",
              "status:recommendations", "rating:last")
# what a dataset of indicators only draws
SERIES = ("series", "overview", "series:all")
COMMITMENTS = ("status", "progress", "overview")

CASES = []


def case(name, content, *needles):
    prefix = name.split("-")[0]
    assert prefix in ("valid", "invalid", "syntax"), name
    assert needles or prefix == "valid", f"{name}: a refused file needs a text to look for"
    if isinstance(content, (dict, list)):
        content = dumps(content)
    if isinstance(content, str):
        content = content.encode("utf-8")
    assert len(content) <= 64 * 1024, f"{name}: {len(content)} bytes"
    for needle in needles:
        assert needle and "\t" not in needle and "\n" not in needle, name
    CASES.append((name + ".json", content, tuple(dict.fromkeys(needles))))


def valid_sections():
    """Morocco subsets: the whole core, one section at a time, no section, gaps, one year."""
    case("valid-morocco-core", core(), *EVERY_VIEW)
    case("valid-morocco-tiny", tiny(), *EVERY_VIEW)
    for section, views in [("ratings", ("rating", "overview", "rating:last")),
                           ("recommendations", ("status", "overview", "status:recommendations")),
                           ("commitments", COMMITMENTS),
                           ("milestones", ("timeline", "overview"))]:
        case(f"valid-only-{section}", only(section), *views)
    one = only("indicators")
    one["indicators"] = one["indicators"][:1]
    case("valid-only-one-indicator", prune(one), *SERIES)
    d = tiny()
    for section in ["indicators", "ratings", "recommendations", "axes", "commitments",
                    "milestones", "conflicts"]:
        d[section] = []
    case("valid-every-section-empty", prune(d))
    case("valid-plan-only", minimal())

    d = tiny()
    for i in d["indicators"]:
        i["points"] = [{"year": p["year"], "value": None} for p in i["points"]]
    d["ratings"][0]["points"] = [{"year": p["year"], "value": None}
                                 for p in d["ratings"][0]["points"]]
    case("valid-gaps-everywhere", prune(d), *EVERY_VIEW)

    d = tiny()
    d["plan"]["period"] = {"start": 2024, "end": 2024}
    for i in d["indicators"]:
        i["points"] = [dict(i["points"][-1], year=2024)]
    d["ratings"][0]["points"] = [dict(d["ratings"][0]["points"][-1], year=2024)]
    d["milestones"] = [dict(d["milestones"][0], date="2024")]
    case("valid-single-year", prune(d), *EVERY_VIEW)


def compared():
    """Three subjects of data/neighbours.json on their shared scale, six years, without notes
    and quotes: levels, years not ranked (2001), special cases (Egypt 2003, Libya 2004 and
    since 2016) and a gap (Egypt 2025)."""
    d = copy.deepcopy(NEIGHBOURS)
    keep = ["MA", "LY", "EG"]
    years = [2001, 2003, 2004, 2020, 2024, 2025]
    d["subjects"] = [s for s in d["subjects"] if s["code"] in keep]
    d["ratings"] = [r for r in d["ratings"] if r["subject"] in keep]
    for r in d["ratings"]:
        r["points"] = [p for p in r["points"] if p["year"] in years]
    return strip(prune(d))


def valid_compared():
    """Ratings of several subjects on a shared scale: every view reads them."""
    case("valid-compared-ratings", compared(), "rating", "overview", "rating:last")


def valid_numbers_and_dates():
    """Years and dates at both ends of the range, figures at 0 and at the largest allowed."""
    case("valid-years-1900-2100", minimal(
        plan=dict(minimal()["plan"], period={"start": 1900, "end": 2100}),
        indicators=[indicator([point(1900, 1), point(1901, None), point(2100, 2)])],
        ratings=[rating([point(1900, "l0"), point(2100, "l3")])],
        milestones=[milestone(0, "1900-01-01"), milestone(1, "2100-12-31")],
    ), *SERIES, "rating", "timeline", "rating:last")
    case("valid-values-zero", minimal(
        indicators=[indicator([point(y, 0) for y in range(2015, 2025)]),
                    indicator([point(2020, 0), point(2021, None)], id="b")],
    ), *SERIES)
    case("valid-value-at-max", minimal(
        indicators=[indicator([point(2019, 0), point(2020, MAX_FIGURE), point(2021, 1)]),
                    indicator([point(2020, MAX_FIGURE - 1)], id="b")],
    ), *SERIES)
    # spellings JSON allows, and the smallest and largest figures that are not 0 or 10^15
    spelled = dumps(minimal(indicators=[indicator([point(y, 7) for y in range(2018, 2025)])]))
    for token in ["-0", "0.1e-400", "7E+0", "70e-1", "5e-324", "999999999999999.9"]:
        spelled = spelled.replace('"value":7,', f'"value":{token},', 1)
    case("valid-number-spellings", spelled.replace('"format_version":1', '"format_version":1.0'),
         *SERIES)
    case("valid-edge-dates", minimal(
        plan=dict(minimal()["plan"], updated="2024-02-29"),
        indicators=[indicator([point(2020, 1, published="2000-02-29"),
                               point(2021, 2, published="2100-12")])],
        commitments=[{"id": "c", "label": "C", "status": known_status(on="1900-01-01"),
                      "target": "2100-12-31"}],
        milestones=[milestone(0, "1900"), milestone(1, "1900-01"), milestone(2, "2024-02-29"),
                    milestone(3, "2100-12-31")],
    ), *SERIES, *COMMITMENTS, "timeline")
    # dates, unlike years, are not bounded to 1900-2100: a timeline of ten thousand years
    case("valid-dates-far-apart", minimal(
        sources={"s": {"title": "T", "publisher": "P", "date": "0000-02-29"}},
        commitments=[{"id": "c", "label": "C", "target": "9999"}],
        milestones=[milestone(0, "0000"), milestone(1, "0001-01-01"), milestone(2, "1899-12-31"),
                    milestone(3, "2101"), milestone(4, "9999-12-31")],
    ), *COMMITMENTS, "timeline")


def valid_texts():
    """Arabic only, hostile strings and escapes, long words, bytes that are not UTF-8."""
    d = tiny()
    walk_texts(d, lambda t: {"ar": t.get("ar", "نص")})
    case("valid-texts-ar-only", d, *EVERY_VIEW)
    d = tiny()
    walk_texts(d, lambda t: {"ar": t.get("ar", "نص")})
    d["plan"]["languages"] = ["ar"]
    d["plan"]["default_language"] = "ar"
    case("valid-language-ar-only", d, *EVERY_VIEW)

    d = tiny()
    n = 0
    for section in ["indicators", "ratings", "commitments", "milestones"]:
        for item in d[section]:
            item["label"] = {"fr": hostile(n), "ar": hostile(n + 1), "en": hostile(n + 2)}
            n += 3
    d["plan"]["title"] = " ".join(HOSTILE)
    first = next(iter(d["sources"]))
    d["sources"][first]["url"] = "https://example.org/%3Cscript%3E?q=%22%3E&x=javascript:1#</script>"
    d["sources"][first]["publisher"] = hostile(0) + hostile(1)
    case("valid-hostile-strings", d, *EVERY_VIEW)
    case("valid-hostile-escapes",
         dumps(minimal(indicators=[indicator([point(2020, 1)], label="LABEL")]))
         .replace("LABEL", r"\u003cscript\u003e \ud83d\ude00 \u202e \u0000 \u001f \/ \"q\" \\"),
         *SERIES)
    case("valid-long-words", minimal(
        indicators=[indicator([point(2020, 1, note="x" * 5000), point(2021, 2)],
                              label="ش" * 500 + " " + "W" * 500)],
        milestones=[milestone(0, "2020", label="W" * 300 + " " + "😀" * 300)],
        commitments=[{"id": "c", "label": "\u200b".join(["y"] * 300)}],
    ), *SERIES, *COMMITMENTS, "timeline")
    case("valid-bom", "\ufeff" + dumps(tiny()), *EVERY_VIEW)
    case("valid-pretty-crlf-tabs", dumps(only("indicators"), indent="\t").replace("\n", "\r\n")
         + "\r\n \t\n", *SERIES)
    # the root object is one level: an extension nested to the depth limit
    deep = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    extended = minimal(**{"x-nested": {"a": [1, None, True, {"b": "c"}]},
                          "x-<img src=x>": "</script>", "x-deep": 0})
    case("valid-extensions", dumps(extended).replace('"x-deep":0', f'"x-deep":{deep}'))
    # bytes that are not UTF-8 (Latin-1 é) in a label: the widget's fetch().text() and the
    # test read them as U+FFFD
    case("valid-latin1-bytes",
         dumps(minimal(indicators=[indicator([point(2020, 1)], label="Caf_")])).encode()
         .replace(b"Caf_", b"Caf\xe9 \xff\xfe"), *SERIES)


def valid_limits():
    """Just inside each limit of src/model/decode.rs."""
    case("valid-limit-strings", minimal(
        indicators=[indicator([point(2020, 1, note="x " * (MAX_TEXT // 2))],
                              label={"ar": "ش" * MAX_LABEL})],
        sources={"s": {"title": "T", "publisher": "P",
                       "url": "https://e.org/" + "a" * (MAX_URL - len("https://e.org/"))}}),
         *SERIES)
    years = range(1900, 1900 + MAX_POINTS)
    full = indicator([point(y, None if y % 7 == 0 else (y * 37) % 1000) for y in years])
    case("valid-limit-series", minimal(
        indicators=[full] + [indicator([point(2020, i)], id=f"i{i}", label=f"I{i}")
                             for i in range(MAX_SERIES - 1)],
        ratings=[rating([point(2000 + i, f"l{i}") for i in range(MAX_LEVELS)], levels=MAX_LEVELS)],
    ), *SERIES, "rating", "rating:last")
    case("valid-limit-items", minimal(
        recommendations=[{"id": "l", "title": "T", "report": "s", "year": 2024,
                          "items": [{"id": f"r{i}", "text": "R", "source": "s"}
                                    for i in range(MAX_ITEMS)]}]),
         "status:recommendations")
    # one in 25 assessed, in turn in each status
    statuses = ["unknown", "not_started", "in_progress", "implemented"]
    case("valid-limit-commitments", minimal(
        commitments=[dict({"id": f"c{i}", "label": "C"},
                          **({"status": known_status(statuses[i // 25 % 4])} if i % 25 == 0 else {}))
                     for i in range(MAX_ITEMS)]), *COMMITMENTS)
    langs = [f"{a}{b}" for a in "abcdefgh" for b in "abcdefgh"][:MAX_LANGUAGES]
    case("valid-limit-languages", minimal(
        plan=dict(minimal()["plan"], languages=langs, default_language=langs[-1],
                  title={lang: lang.upper() for lang in langs})))


def invalid_cases():
    """JSON that is refused with problems, each at a path the manifest names."""
    bad_values = dumps(minimal(indicators=[
        indicator([point(2020, v)], id=f"i{n}")
        for n, v in enumerate([-1, "OVER", "HUGE", "DIGITS", "12", "NaN"])
    ]))
    bad_values = (bad_values.replace('"OVER"', "1000000000000001")
                  .replace('"HUGE"', "1.7976931348623157e308")
                  .replace('"DIGITS"', "9" * 300))
    case("invalid-values", bad_values, "indicators[0].points[0].value",
         "indicators[1].points[0].value", "indicators[2].points[0].value",
         "indicators[3].points[0].value", "indicators[4].points[0].value",
         "indicators[5].points[0].value", "10^15")

    d = tiny()
    d["indicators"].append(copy.deepcopy(d["indicators"][0]))
    d["milestones"][1]["id"] = d["milestones"][0]["id"]
    case("invalid-duplicate-ids", d, "indicators[2].id", "milestones[1].id")
    dup = (dumps(minimal())
           .replace('"title":"Plan"', '"title":"Plan","title":"Again"')
           .replace('"sources":{', '"sources":{"s":{"title":"T","publisher":"P"},'))
    case("invalid-duplicate-keys", dup, "plan.title", "sources.s")
    d = tiny()
    d["indicators"][0]["points"][-1]["source"] = "no-such-source"
    case("invalid-unknown-source-key", d, "no-such-source")
    case("invalid-dates", minimal(
        plan=dict(minimal()["plan"], updated="2023-2-3"),
        milestones=[milestone(0, "2023-02-30"), milestone(1, "2023-00"),
                    milestone(2, "2023-04-31"), milestone(3, "2100-02-29"), milestone(4, "2023-1"),
                    milestone(5, "20230101")],
    ), "plan.updated", "milestones[0].date", "milestones[1].date", "milestones[2].date",
        "milestones[3].date", "milestones[4].date", "milestones[5].date")
    case("invalid-years", minimal(indicators=[indicator([point(1899, 1)]),
                                              indicator([point(2101, 1)], id="b")]),
         "indicators[0].points[0].year", "indicators[1].points[0].year")
    case("invalid-javascript-url",
         minimal(sources={"s": {"title": "T", "publisher": "P", "url": "javascript:alert(1)"}}),
         "sources.s.url")
    case("invalid-hostile-member-names",
         dumps(minimal()).replace('"format_version":1',
                                  '"format_version":1,"<img src=x onerror=alert(1)>":1,"\u202e":2'),
         "<img src=x onerror=alert(1)>")
    d = tiny()
    walk_texts(d, lambda t: {})
    case("invalid-every-text-empty", d, "plan.title", "empty text")

    case("invalid-limit-strings", minimal(
        indicators=[indicator([point(2020, 1, note="x" * (MAX_TEXT + 1))],
                              label={"ar": "ش" * (MAX_LABEL + 1)})],
        sources={"s": {"title": "T", "publisher": "P",
                       "url": "https://e.org/" + "a" * MAX_URL}}),
        "indicators[0].label.ar", "indicators[0].points[0].note", "sources.s.url")
    case("invalid-limit-lists", minimal(
        plan=dict(minimal()["plan"],
                  languages=[f"{a}{b}" for a in "abcdefgh" for b in "abcdefgh"][:MAX_LANGUAGES + 1]),
        indicators=[indicator([point(1900 + i, i) for i in range(MAX_POINTS + 1)])]
        + [indicator([], id=f"i{i}") for i in range(MAX_SERIES)],
        ratings=[rating([], levels=MAX_LEVELS + 1)],
        commitments=[{"id": f"c{i}", "label": "C"} for i in range(MAX_ITEMS + 1)]),
        "plan.languages", "indicators: at most", "indicators[0].points", "ratings[0].scale",
        "commitments: at most")
    case("invalid-problems-capped", minimal(
        indicators=[indicator([{"year": 1800, "value": -1} for _ in range(150)])]),
        f"only the first {MAX_PROBLEMS} are listed")

    case("invalid-root-array", [], "$")
    case("invalid-root-string", '"<script>alert(1)</script>"', "$")
    case("invalid-format-version-2", dict(minimal(), format_version=2), "format_version")
    case("invalid-sections-wrong-types", minimal(
        indicators={}, ratings="x", recommendations=1, axes=None, commitments=True,
        milestones=[[]], conflicts=[{}]), "indicators", "ratings", "milestones[0]")
    d = tiny()
    d["sources"] = {}
    case("invalid-no-sources", d, "sources")


def invalid_compared():
    """Each mistake of subjects, shared scales and placements, in one file."""
    d = compared()
    libya = d["ratings"][1]["points"]
    libya[-1]["value"] = "tier-3"                # a level with a placement
    libya[-2]["placement"] = "special"           # not a placement
    del libya[-3]["source"]                      # a placement without a source
    d["ratings"][2]["subject"] = "MA"            # Morocco rated twice on the scale
    d["subjects"].append(dict(d["subjects"][0]))  # Morocco listed twice
    extra = copy.deepcopy(d["ratings"][0])
    extra.update(id="tip-tier-xx", subject="XX", scale="tip-tiers")  # unknown subject, scale
    d["ratings"].append(extra)
    case("invalid-compared-ratings", d, "ratings[1].points[5].placement",
         "ratings[1].points[4].placement", "ratings[1].points[3].source",
         "ratings[2].subject", "subjects[3].code", "ratings[3].scale", "ratings[3].subject")


def syntax_cases():
    """Text that is not JSON: empty, cut, garbled, out-of-range numbers, bad escapes, deep."""
    base = dumps(tiny()).encode()
    case("syntax-empty", b"", "the file is empty")
    case("syntax-whitespace-only", " \t\r\n \n", "the file is empty")
    case("syntax-bom-only", "\ufeff", "the file is empty")
    for fraction in [0.01, 0.3, 0.6, 0.999]:
        at = int(len(base) * fraction)
        case(f"syntax-truncated-{int(fraction * 1000):03}", base[:at], "not valid JSON: line 1")
    # cut inside an Arabic letter: not UTF-8 any more, read with U+FFFD
    at = base.index("ا".encode()) + 1
    case("syntax-truncated-inside-utf8", base[:at], "unterminated string")
    case("syntax-trailing-garbage", dumps(minimal()) + "\n}garbage", "after the end")
    case("syntax-trailing-comma", dumps(minimal()).replace('"en"]', '"en",]'), "trailing comma")
    after_value = "expected ',' or '}' after an object member"
    for name, token, needle in [
        ("nan", "NaN", "expected a JSON value"),
        ("infinity", "Infinity", "expected a JSON value"),
        ("1e400", "1e400", "number out of range"),
        ("401-digits", "1" + "0" * 400, "number out of range"),
        ("leading-zero", "01", after_value),
        ("hex", "0x10", after_value),
        ("minus-only", "-", "bad number"),
    ]:
        text = dumps(minimal(indicators=[indicator([point(2020, 1)])]))
        case(f"syntax-number-{name}", text.replace('"value":1', '"value":' + token), needle)
    for name, escape in [("high", r"\ud800"), ("low", r"\udc00"),
                         ("high-then-letter", r"\ud800\u0041")]:
        text = dumps(minimal(indicators=[indicator([point(2020, 1)], label="LABEL")]))
        case(f"syntax-lone-surrogate-{name}", text.replace("LABEL", "a" + escape + "b"),
             "surrogate")
    text = dumps(minimal())
    case("syntax-bad-escape", text.replace('"Plan"', r'"P\x41lan"'), "escape")
    case("syntax-control-character", text.replace('"Plan"', '"P\x01lan"'), "control character")
    case("syntax-unterminated-string", text[: text.index('"Plan"') + 3], "unterminated string")
    case("syntax-comment", "// a dataset\n" + text, "line 1, column 1: unexpected character")
    case("syntax-depth-over-limit",
         text.replace('"title"', '"x-deep":' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + ',"title"'),
         f"{MAX_DEPTH} levels")
    case("syntax-deep-arrays-10000", "[" * 10_000 + "]" * 10_000, f"{MAX_DEPTH} levels")
    # objects take 6 bytes a level: 1,000 levels are as far past the limit as 10,000
    case("syntax-deep-objects-1000", '{"a":' * 1_000 + "1" + "}" * 1_000, f"{MAX_DEPTH} levels")
    case("syntax-utf16le", b"\xff\xfe" + dumps(minimal()).encode("utf-16-le"),
         "line 1, column 1: unexpected character")
    case("syntax-random-bytes", pseudo_random_bytes(2048, "corpus"), "not valid JSON")


def write():
    valid_sections()
    valid_compared()
    valid_numbers_and_dates()
    valid_texts()
    valid_limits()
    invalid_cases()
    invalid_compared()
    syntax_cases()
    names = [name for name, _, _ in CASES]
    assert len(names) == len(set(names)), "a file name is used twice"
    for old in HERE.glob("*.json"):
        old.unlink()
    lines = ["# written by tests/corpus/generate.py; tab-separated: a file, then the texts its error",
             "# must contain (refused files) or the views it must draw everywhere (valid files)"]
    for name, content, needles in sorted(CASES):
        (HERE / name).write_bytes(content)
        if needles:
            lines.append("\t".join((name,) + needles))
    (HERE / "expected.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    total = sum(len(c) for _, c, _ in CASES)
    print(f"{len(CASES)} files, {total} bytes")


if __name__ == "__main__":
    write()
