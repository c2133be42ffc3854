// The widget's styles, one constructed sheet adopted by every widget's shadow root: no inline
// style attribute or element, so the widget runs under `style-src 'self'`.

export const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :host { display: block; position: relative; min-width: 224px; contain: content;
          font: 14px/1.4 var(--pp-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, Arial, sans-serif);
          text-align: start; letter-spacing: normal; word-spacing: normal;
          text-transform: none; text-shadow: none; }
  :host([hidden]) { display: none; }
  .pp { --bg: var(--pp-background, #ffffff); --fg: var(--pp-text, #1a1a1a); --muted: var(--pp-muted, #595959);
        --line: var(--pp-grid, #d0d0d0); background: var(--bg); color: var(--fg); padding: 12px 12px 8px;
        box-sizing: border-box; }
  .pp.dark { --bg: var(--pp-background, #16191d); --fg: var(--pp-text, #f0f0f0); --muted: var(--pp-muted, #b4b4b4);
             --line: var(--pp-grid, #3a4047); }
  .title { font-weight: 700; font-size: 1.15em; line-height: 1.3; margin: 0 0 6px; }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 6px; padding: 0; }
  .legend button { display: inline-flex; align-items: center; gap: 6px; min-height: 24px; padding: 2px 4px;
                   border: 1px solid transparent; border-radius: 4px; background: none; color: inherit;
                   font: inherit; font-size: .9em; cursor: pointer; text-align: start; }
  .legend button:hover { border-color: var(--line); }
  .legend button:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .legend button[aria-pressed="false"] { color: var(--muted); text-decoration: line-through; }
  .legend button[aria-pressed="false"] svg { opacity: .35; }
  .legend svg { flex: none; }
  .stage { position: relative; outline: none; border-radius: 2px; }
  .stage:focus-visible { box-shadow: 0 0 0 2px var(--bg), 0 0 0 4px var(--fg);
                         outline: 2px solid transparent; outline-offset: 2px; }
  .table:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  canvas { display: block; }
  .still[hidden], .poster[hidden], .pp[hidden] { display: none; }
  .poster { display: block; width: 100%; height: auto; }
  canvas.chart { touch-action: pan-y; }
  canvas.overlay { position: absolute; inset: 0; pointer-events: none; }
  .tip { position: absolute; z-index: 2; max-width: min(320px, 90%); box-sizing: border-box; padding: 8px 10px;
         background: var(--bg); color: var(--fg); border: 1px solid var(--muted); border-radius: 4px;
         box-shadow: 0 2px 8px rgba(0,0,0,.25); font-size: .9em; line-height: 1.35; }
  .tip[hidden], .message[hidden], .legend:empty, .title:empty { display: none; }
  .title, .legend span, .tip, .source, .table td, .table th, .message { overflow-wrap: anywhere; }
  .legend button { max-width: 100%; min-width: 0; }
  .tip .heading { font-weight: 700; margin: 0; }
  .tip .value { margin: 2px 0; font-size: 1.1em; }
  .tip p { margin: 2px 0; }
  .tip .note, .tip .source { color: var(--muted); font-size: .92em; }
  .tip a, .source a { color: inherit; }
  .source { color: var(--muted); font-size: .8em; margin: 6px 0 0; }
  .message { box-sizing: border-box; display: flex; flex-direction: column; justify-content: center;
             gap: .6rem; padding: 1rem; border: 1px dashed var(--muted); border-radius: 4px; }
  .message.loading { border-style: solid; border-color: var(--line); color: var(--muted); align-items: center; }
  .message .detail { margin: 0; }
  .message pre { white-space: pre-wrap; margin: 0; font: 12px/1.4 ui-monospace, monospace; max-height: 12em; overflow: auto; text-align: left; }
  .message button { align-self: flex-start; font: inherit; padding: .35rem .9rem; min-height: 24px; cursor: pointer; }
  .tools { display: flex; justify-content: flex-end; flex-wrap: wrap; gap: 6px; margin: 0 0 4px; }
  .langs { display: flex; gap: 2px; margin-inline-end: auto; }
  .langs[hidden] { display: none; }
  .lang { font: inherit; font-size: .85em; min-height: 24px; padding: 2px 8px; border: 1px solid var(--muted);
    border-radius: 3px; background: transparent; color: inherit; cursor: pointer; }
  .lang[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
  .lang:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .tools[hidden], .table[hidden], .stage[hidden] { display: none; }
  .toggle { font: inherit; font-size: .85em; min-height: 24px; padding: 2px 10px; border: 1px solid var(--muted);
            border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
  .toggle:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .table { overflow-x: auto; max-height: 480px; overflow-y: auto; }
  .table table { border-collapse: collapse; width: 100%; font-size: .9em; }
  .table caption { text-align: start; font-weight: 700; padding: 4px 0; }
  .table th, .table td { text-align: start; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
  .table thead th { border-bottom: 2px solid var(--muted); }
  .table .unit, .table .note, .table .cite { display: block; color: var(--muted); font-size: .85em; font-weight: 400; }
  .table td.missing { color: var(--muted); font-style: italic; }
  .live, .summary { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .menu-wrap { position: relative; }
  .menu-wrap[hidden], .menu[hidden], .panel[hidden] { display: none; }
  .menu-button { font: inherit; font-size: .85em; min-height: 24px; padding: 2px 10px; border: 1px solid var(--muted);
                 border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
  .menu-button::after { content: ''; display: inline-block; vertical-align: middle; margin-inline-start: 6px;
                        border: 4px solid transparent; border-top-color: currentColor; border-bottom: 0; }
  .menu-button[aria-expanded="true"] { background: var(--fg); color: var(--bg); }
  .menu-button[aria-busy="true"] { cursor: progress; border-style: dashed; }
  .menu { position: absolute; z-index: 3; inset-inline-end: 0; top: calc(100% + 4px); display: flex;
          flex-direction: column; width: max-content; max-width: min(24em, 85vw); padding: 4px; background: var(--bg);
          color: var(--fg); border: 1px solid var(--muted); border-radius: 4px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
  .menu button { font: inherit; font-size: .9em; text-align: start; min-height: 28px; padding: 4px 10px; border: 0;
                 border-radius: 3px; background: none; color: inherit; cursor: pointer; }
  .menu button:hover { background: var(--line); }
  .menu button:focus { background: var(--fg); color: var(--bg); outline: 2px solid var(--fg); outline-offset: 1px; }
  .menu-button:focus-visible, .panel button:focus-visible, .panel-title:focus-visible, .panel a:focus-visible,
  .panel textarea:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
  .panel { margin: 8px 0 0; padding: 8px 12px 10px; border: 1px solid var(--muted); border-radius: 4px; font-size: .9em; }
  .panel-head { display: flex; align-items: flex-start; gap: 8px; }
  .panel .panel-title { font-weight: 700; margin: 2px 0 6px; margin-inline-end: auto; }
  .panel p { margin: 4px 0; }
  .panel ol, .panel ul { margin: 4px 0 8px; padding-inline-start: 1.5em; }
  .panel li { margin: 0 0 6px; }
  .panel .meta, .panel .note, .panel .about { display: block; color: var(--muted); }
  .panel .about { font-weight: 700; }
  .panel .sub { font-weight: 700; margin: 10px 0 2px; }
  .panel a { color: inherit; }
  .panel label { display: block; font-weight: 700; margin: 8px 0 2px; }
  .panel textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 6px; background: var(--bg);
                    color: var(--fg); border: 1px solid var(--muted); border-radius: 3px; resize: vertical; }
  .panel textarea.code { font: 12px/1.4 ui-monospace, monospace; text-align: left; }
  .panel .row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 6px 0; }
  .panel button { font: inherit; min-height: 24px; padding: 2px 10px; border: 1px solid var(--muted); border-radius: 4px;
                  background: var(--bg); color: var(--fg); cursor: pointer; }
  .panel .status { color: var(--muted); }
  .panel, .panel li, .panel p { overflow-wrap: anywhere; }
  @media (forced-colors: active) {
    .tip, .message, .menu, .panel { border-color: CanvasText; }
    .menu button:focus { outline-color: Highlight; }
  }
  /* A printed chart is static: the chart (never the table), its title, legend and source line,
     light, with no control, menu, panel or tooltip. The canvas is drawn again for print. */
  @media print {
    .tools, .menu-wrap, .panel, .tip, .live, .message, canvas.overlay, .table { display: none !important; }
    .stage[hidden] { display: block; }
    .pp, .pp.dark { --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #bbbbbb; background: #ffffff; color: #000000; }
    .legend button { border-color: transparent; }
    :host { break-inside: avoid; }
  }
`);
