//! The command line as a publisher or journalist uses it.
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plan-progress"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn validate_accepts_the_morocco_dataset() {
    let (code, out, _) = run(&["validate", "data/morocco.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("data/morocco.json: valid"), "{out}");
}

#[test]
fn validate_lists_problems_and_fails() {
    let (code, out, _) = run(&[
        "validate",
        "tests/datasets/valid/minimal.json",
        "tests/datasets/invalid/13-unknown-source-key.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("minimal.json: valid"), "{out}");
    assert!(
        out.contains("13-unknown-source-key.json: 1 problem(s)"),
        "{out}"
    );
    assert!(
        out.contains("  indicators[0].points[2].source: \"report-c\" is not a key of sources"),
        "{out}"
    );
}

#[test]
fn render_writes_an_svg_of_the_view() {
    let out_path = std::env::temp_dir().join(format!("pp-cli-{}.svg", std::process::id()));
    let out_str = out_path.to_str().unwrap();
    let (code, _, err) = run(&[
        "render",
        "data/morocco.json",
        "--view",
        "rating",
        "--lang",
        "en",
        "--width",
        "600",
        "--out",
        out_str,
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out_path).unwrap();
    let _ = std::fs::remove_file(&out_path);
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    assert!(svg.contains("width=\"600\""));
    assert!(
        svg.contains(">\nTier 2 Watch List\n</text>"),
        "the scale's names are drawn"
    );
}

#[test]
fn bad_requests_are_explained() {
    let (code, _, err) = run(&["render", "data/morocco.json", "--view", "pie"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "unknown view \"pie\" (one of: series, rating, status, progress, timeline, overview, compare)"
        ),
        "{err}"
    );
    let (code, _, err) = run(&["render", "data/morocco.json", "--series", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no series \"nope\""), "{err}");
    let (code, _, err) = run(&["render", "tests/datasets/invalid/02-format-version-2.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("unsupported format_version 2"), "{err}");
    let (code, _, _) = run(&[]);
    assert_eq!(code, 2);
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pp-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A decoded PNG: its size and its pixels as RGBA.
struct Image {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

impl Image {
    fn read(bytes: &[u8]) -> Image {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut rgba).unwrap();
        assert_eq!(
            info.color_type,
            png::ColorType::Rgba,
            "as resvg writes them"
        );
        rgba.truncate(info.buffer_size());
        Image {
            width: info.width,
            height: info.height,
            rgba,
        }
    }

    fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }

    fn distinct_colours(&self) -> usize {
        let mut colours: Vec<&[u8]> = self.rgba.chunks(4).collect();
        colours.sort_unstable();
        colours.dedup();
        colours.len()
    }

    /// How many pixels of the rectangle are dark, as text on the light theme is.
    fn ink(&self, (x0, y0): (u32, u32), (x1, y1): (u32, u32)) -> usize {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| self.pixel(x, y)[..3].iter().all(|&c| c < 120))
            .count()
    }
}

fn render_png(lang: &str, dir: &std::path::Path) -> Vec<u8> {
    let path = dir.join(format!("rating-{lang}.png"));
    let (code, _, err) = run(&[
        "render",
        "data/morocco.json",
        "--view",
        "rating",
        "--lang",
        lang,
        "--width",
        "600",
        "--height",
        "315",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    std::fs::read(&path).unwrap()
}

#[test]
fn render_writes_a_png_at_twice_the_size_by_default() {
    let dir = scratch("png");
    let bytes = render_png("en", &dir);
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // the header alone says the size: IHDR's width and height, big-endian
    let header = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((header(16), header(20)), (1200, 630), "600x315 at scale 2");
    let image = Image::read(&bytes);
    assert_eq!(image.pixel(0, 0), [255, 255, 255, 255], "light background");
    assert!(
        image.distinct_colours() > 20,
        "text, lines and markers, antialiased: {} colours",
        image.distinct_colours()
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_arabic_png_is_drawn_from_the_right() {
    let dir = scratch("png-ar");
    let (en, ar) = (
        Image::read(&render_png("en", &dir)),
        Image::read(&render_png("ar", &dir)),
    );
    assert_ne!(en.rgba, ar.rgba);
    // the title band (the first 22 CSS pixels below the 12 px margin, at scale 2): English
    // starts at the left, Arabic at the right, and neither reaches the far side
    let band = |x0: u32, x1: u32| ((x0, 24), (x1, 66));
    let (left, right) = (band(24, 224), band(976, 1176));
    assert!(en.ink(left.0, left.1) > 300, "English title at the left");
    assert_eq!(en.ink(right.0, right.1), 0, "nothing at the right of it");
    assert!(ar.ink(right.0, right.1) > 300, "Arabic title at the right");
    assert_eq!(ar.ink(left.0, left.1), 0, "nothing at the left of it");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn formats_come_from_the_extension_or_the_option() {
    let dir = scratch("formats");
    let base = ["render", "data/morocco.json", "--view", "series"];
    let with = |extra: &[&str]| {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        run(&args)
    };
    let svg = dir.join("a.svg");
    let (code, _, err) = with(&["--out", svg.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"));
    assert!(
        text.contains("font-family=\"&apos;Noto Sans&apos;"),
        "shipped fonts first"
    );
    let bin = dir.join("a.bin");
    let (code, _, err) = with(&[
        "--format",
        "png",
        "--scale",
        "1",
        "--out",
        bin.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let image = Image::read(&std::fs::read(&bin).unwrap());
    assert_eq!((image.width, image.height), (800, 450));
    let (code, _, err) = with(&["--out", dir.join("a.jpg").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot tell the format of"), "{err}");
    let (code, _, err) = with(&["--format", "png", "--scale", "9"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--scale: \"9\" is not a number from 0.5 to 4"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_png_goes_to_standard_output_when_it_is_not_a_terminal() {
    let out = Command::new(env!("CARGO_BIN_EXE_plan-progress"))
        .args(["render", "data/morocco.json", "--view", "rating"])
        .args(["--format", "png", "--scale", "0.5"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let image = Image::read(&out.stdout);
    assert_eq!((image.width, image.height), (400, 225));
}

#[test]
fn render_all_draws_every_view_in_every_language() {
    let dir = scratch("all");
    let (code, out, err) = run(&[
        "render-all",
        "data/morocco.json",
        "--out-dir",
        dir.to_str().unwrap(),
        "--width",
        "480",
        "--height",
        "320",
        "--scale",
        "1",
    ]);
    assert_eq!(code, 0, "{err}");
    let views = [
        "series", "rating", "status", "progress", "timeline", "overview",
    ];
    let mut expected = Vec::new();
    for view in views {
        for lang in ["fr", "ar", "en"] {
            expected.push(dir.join(format!("{view}-{lang}.png")));
        }
    }
    let printed: Vec<&str> = out.lines().collect();
    assert_eq!(
        printed,
        expected
            .iter()
            .map(|p| p.to_str().unwrap())
            .collect::<Vec<_>>()
    );
    for path in &expected {
        let image = Image::read(&std::fs::read(path).unwrap());
        assert_eq!(
            (image.width, image.height),
            (480, 320),
            "{}",
            path.display()
        );
    }
    assert!(err.contains("18 file(s) written"), "{err}");

    // the dark theme, as SVG, in one language
    let dark = scratch("all-dark");
    let (code, out, err) = run(&[
        "render-all",
        "data/morocco.json",
        "--out-dir",
        dark.to_str().unwrap(),
        "--format",
        "svg",
        "--theme",
        "dark",
        "--langs",
        "ar",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 6, "{out}");
    for view in views {
        let svg = std::fs::read_to_string(dark.join(format!("{view}-ar-dark.svg"))).unwrap();
        assert!(svg.contains("fill=\"#16191D\""), "{view}: dark background");
    }
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dark);
}

#[test]
fn render_all_refuses_bad_requests() {
    let (code, _, err) = run(&["render-all", "data/morocco.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("render-all needs --out-dir DIR"), "{err}");
    let (code, _, err) = run(&["render-all", "data/morocco.json", "--langs", "../x"]);
    assert_eq!(code, 2);
    assert!(err.contains("\"../x\" is not a language tag"), "{err}");
    let (code, _, err) = run(&["render-all", "data/morocco.json", "--format", "gif"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown format \"gif\" (png, svg or both)"),
        "{err}"
    );
}

/// `--digits arab` writes the Arabic chart's years and figures in Arabic-Indic digits, and
/// `--x-direction rtl` puts the latest year on the left; a wrong value is explained.
#[test]
fn digits_and_time_direction_are_options() {
    let svg = |extra: &[&str]| {
        let mut args = vec![
            "render",
            "data/morocco.json",
            "--view",
            "series",
            "--lang",
            "ar",
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let latin = svg(&[]);
    let arabic = svg(&["--digits", "arab"]);
    assert!(
        latin.contains(">\n2024\n</text>"),
        "Western years by default"
    );
    assert!(arabic.contains(">\n٢٠٢٤\n</text>"), "Arabic-Indic years");
    assert!(!arabic.contains(">\n2024\n</text>"));
    // the x of a year's label: the first number after `x="` on the <text> line before it
    let x_of = |svg: &str, label: &str| -> f64 {
        let at = svg
            .find(&format!(">\n{label}\n</text>"))
            .expect("the year is drawn");
        let tag = &svg[svg[..at].rfind("<text").expect("its <text>")..at];
        let x = tag.split("x=\"").nth(1).and_then(|r| r.split('"').next());
        x.and_then(|v| v.parse().ok()).expect("an x")
    };
    let ltr = svg(&[]);
    let rtl = svg(&["--x-direction", "rtl"]);
    assert!(x_of(&ltr, "2017") < x_of(&ltr, "2024"));
    assert!(x_of(&rtl, "2017") > x_of(&rtl, "2024"));
    let (code, _, err) = run(&["render", "data/morocco.json", "--digits", "roman"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--digits") && err.contains("latn or arab"),
        "{err}"
    );
}
