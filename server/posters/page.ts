// The printable document posters are laid out in: A4, one poster a page, Chinese first with the
// English below, nothing that needs a script.

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; }
.poster { height: 269mm; display: flex; flex-direction: column; align-items: center; text-align: center; gap: 6mm; break-after: page; page-break-after: always; overflow: hidden; }
.poster:last-child { break-after: auto; page-break-after: auto; }
.site { font-size: 16pt; margin: 0; }
h1 { font-size: 40pt; margin: 4mm 0 0; }
.en { color: #444; font-size: 0.55em; display: block; font-weight: normal; }
.big { font-size: 30pt; font-weight: bold; margin: 0; }
.line { font-size: 16pt; margin: 0; }
.qr { width: 110mm; height: 110mm; }
.qr svg { width: 100%; height: 100%; }
.hint { font-size: 14pt; margin: 0; }
.none { font-size: 20pt; color: #a00; margin: 0; }
.link { font-size: 10pt; word-break: break-all; color: #333; }
@media screen { body { background: #ddd; } .poster { background: #fff; width: 210mm; margin: 8mm auto; padding: 14mm; height: 297mm; } }
`;

/** A whole printable document of posters. */
export function posterDocument(title: string, posters: string[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${posters.join("\n")}
</body>
</html>
`;
}
