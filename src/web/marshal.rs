//! Values across the wasm boundary: a JS value read into a [`Json`] tree (the options a page
//! gives), and a [`Json`] tree made into JS objects and arrays (the chrome, a tooltip's
//! details, the table, the sources). Every decision about what they hold is made natively, on
//! the trees; only the conversion happens here, and no JSON text is written or parsed.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::json::Json;

/// How deep an options object is read: the widget's have two levels (`colors.series`); a
/// deeper or cyclic object from a careless host stops here instead of exhausting the stack.
const MAX_DEPTH: usize = 4;

/// A JS value as a [`Json`] tree: strings, finite numbers, booleans, arrays and plain objects;
/// anything else (undefined, functions, symbols, deeper levels) is `null`.
pub fn from_js(value: &JsValue) -> Json {
    read(value, 0)
}

fn read(value: &JsValue, depth: usize) -> Json {
    if let Some(s) = value.as_string() {
        return Json::String(s);
    }
    if let Some(n) = value.as_f64().filter(|n| n.is_finite()) {
        return Json::Number(n);
    }
    if let Some(b) = value.as_bool() {
        return Json::Bool(b);
    }
    if depth >= MAX_DEPTH {
        return Json::Null;
    }
    if let Some(array) = value.dyn_ref::<Array>() {
        return Json::Array(array.iter().map(|v| read(&v, depth + 1)).collect());
    }
    let Some(object) = value.dyn_ref::<Object>().filter(|_| value.is_object()) else {
        return Json::Null;
    };
    let entries = Object::entries(object);
    let members = entries.iter().filter_map(|entry| {
        let pair = entry.dyn_into::<Array>().ok()?;
        Some((pair.get(0).as_string()?, read(&pair.get(1), depth + 1)))
    });
    Json::Object(members.collect())
}

/// A [`Json`] tree as plain JS values.
pub fn to_js(json: &Json) -> JsValue {
    match json {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => JsValue::from_f64(*n),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Json::Object(members) => {
            let object = Object::new();
            for (key, value) in members {
                // setting a property of a fresh plain object does not fail
                let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(value));
            }
            object.into()
        }
    }
}
