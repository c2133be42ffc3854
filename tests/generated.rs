//! Files written from the Rust side for the widget's script: they must be what Rust writes now.

use std::path::Path;

#[test]
fn the_scripts_defaults_are_rusts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/generated/defaults.js");
    let expected = plan_progress::element::defaults_js();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == expected,
        "{} is not what src/element.rs writes: run UPDATE_GENERATED=1 cargo test --test generated",
        path.display()
    );
}
