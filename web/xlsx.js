// sibase: the archive layer of an .xlsx workbook, in the page.
//
// A workbook is a zip archive of XML parts. Natively sibase reads it with
// its own Go code (calc/payroll/xlsx: open.go, inflate.go, scan.go). In the
// browser that layer is done here, with what the browser already has —
// DecompressionStream("deflate-raw") to inflate the parts and DOMParser to
// read their XML — so that app.wasm carries no inflater and no XML reader.
// Everything after (shared strings, which styles are dates, a cell's text,
// row numbers, columns, limits) is Go's, the same code on both sides
// (calc/payroll/xlsx/book.go, via app/workbook_js.go).
//
// Nothing leaves the page: the file's bytes are read and unpacked here.
//
// sibaseXLSX.open(bytes, ...limits) resolves to a book {text, rows(i)}, its
// text in five sections ended by \x01: the date system ("1904" or ""); the
// sheets, "name\0hidden\0" each (hidden "1" or ""); the shared strings'
// raw text, each ended by \0; each cell style's number format id, each
// ended by \0; the custom formats, "id\0code\0" each. On an error the
// text is "\x02code\0detail" (a code of xlsx.Fail's). book.rows(i) is a
// cursor over the i-th sheet's <row>s: {size, next(n)}; next returns up to
// n rows as one string, each row's r, then for each cell \0 and its r, t,
// s and text split by \0, the row ended by \x01; "" after the last row,
// or "\x02code\0detail" on an error. \0, \x01 and \x02 cannot occur in
// XML text.
(function () {
  "use strict";

  const fail = (code, detail) => ({ text: "\x02" + code + "\0" + detail });
  class Failure extends Error {
    constructor(code, detail) {
      super(detail);
      this.code = code;
      this.detail = detail;
    }
  }
  const corrupt = (what) => new Failure("xlsx_corrupt", what);

  // directory reads the zip archive's central directory: name → entry.
  function directory(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw corrupt("no zip directory");
    const count = view.getUint16(end + 10, true);
    const size = view.getUint32(end + 12, true);
    let at = view.getUint32(end + 16, true);
    if (count === 0xffff || size === 0xffffffff || at === 0xffffffff) throw corrupt("zip64 archive");
    if (count > 10000) throw corrupt("too many parts");
    if (at + size > bytes.length) throw corrupt("zip directory out of bounds");
    const names = new TextDecoder();
    const parts = new Map();
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw corrupt("zip directory entry");
      const nameLen = view.getUint16(at + 28, true);
      const extraLen = view.getUint16(at + 30, true);
      const commentLen = view.getUint16(at + 32, true);
      if (at + 46 + nameLen > bytes.length) throw corrupt("zip directory entry");
      const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLen)).replace(/^\//, "");
      parts.set(name, {
        name: name,
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressed: view.getUint32(at + 20, true),
        offset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLen + extraLen + commentLen;
    }
    return parts;
  }

  // inflate returns a part's content, failing once it passes its limit:
  // limits.part bytes, or limits.ratio times its compressed size (a zip
  // bomb), whatever its directory entry says.
  async function inflate(bytes, p, limits, budget) {
    if (p.flags & 1) throw new Failure("xlsx_encrypted", p.name);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const off = p.offset;
    if (off + 30 > bytes.length || view.getUint32(off, true) !== 0x04034b50) throw corrupt("part " + p.name);
    const start = off + 30 + view.getUint16(off + 26, true) + view.getUint16(off + 28, true);
    const end = start + p.compressed;
    if (end > bytes.length) throw corrupt("part " + p.name + " out of bounds");
    const raw = bytes.subarray(start, end);
    const limit = Math.min(limits.part, limits.ratio * p.compressed + (1 << 20), budget.left);
    if (p.method === 0) {
      if (raw.length > limit) throw new Failure("xlsx_too_large", p.name);
      budget.left -= raw.length;
      return raw;
    }
    if (p.method !== 8) throw corrupt("part " + p.name + ": unknown compression");
    const reader = new Blob([raw]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      let step;
      try {
        step = await reader.read();
      } catch (e) {
        throw corrupt(p.name + ": " + e.message);
      }
      if (step.done) break;
      total += step.value.length;
      if (total > limit) {
        reader.cancel();
        throw new Failure("xlsx_too_large", p.name);
      }
      chunks.push(step.value);
    }
    budget.left -= total;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  const utf8 = new TextDecoder("utf-8");

  // parse reads a small part's XML (a workbook, its relationships, styles,
  // shared strings). A document type declaration is refused: spreadsheet
  // writers make none, and entities defined in one could expand.
  function parse(text, name) {
    if (/<!DOCTYPE/i.test(text)) throw corrupt("a document type declaration");
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0) throw corrupt(name);
    return doc;
  }

  const elements = (doc, local) => Array.from(doc.getElementsByTagNameNS("*", local));

  // join resolves a relationship's target against its part's folder.
  function join(dir, target) {
    if (target.startsWith("/")) dir = ""; // from the archive's root
    const out = dir ? dir.split("/") : [];
    for (const seg of target.split("/")) {
      if (seg === "..") out.pop();
      else if (seg !== "." && seg !== "") out.push(seg);
    }
    return out.join("/");
  }

  // open takes the limits one by one: a part's inflated bytes, how many
  // times its compressed size it may inflate to, the shared strings, the
  // cells of a row (calc/payroll/xlsx's MaxPartBytes, MaxRatio,
  // MaxSharedStrings, MaxColumns).
  async function open(bytes, part, ratio, shared, columns) {
    const limits = { part: part, ratio: ratio, shared: shared, columns: columns };
    try {
      return await read(bytes, limits);
    } catch (e) {
      if (e instanceof Failure) return fail(e.code, e.detail);
      return fail("xlsx_corrupt", String(e && e.message ? e.message : e));
    }
  }

  async function read(bytes, limits) {
    const parts = directory(bytes);
    const budget = { left: limits.part };
    const load = async (name) => {
      const p = parts.get(name);
      if (!p) throw corrupt("no part " + name);
      return utf8.decode(await inflate(bytes, p, limits, budget));
    };
    const relationships = async (name, dir) => {
      if (!parts.has(name)) return [];
      return elements(parse(await load(name), name), "Relationship")
        .filter((r) => r.getAttribute("TargetMode") !== "External")
        .map((r) => ({ id: r.getAttribute("Id"), type: r.getAttribute("Type") || "", target: join(dir, r.getAttribute("Target") || "") }));
    };
    let main = "xl/workbook.xml";
    for (const r of await relationships("_rels/.rels", "")) {
      if (r.type.endsWith("/officeDocument")) main = r.target;
    }
    const wbDoc = parse(await load(main), main);
    const dir = main.includes("/") ? main.slice(0, main.lastIndexOf("/")) : "";
    const base = main.slice(main.lastIndexOf("/") + 1);
    const rels = await relationships(join(dir, "_rels/" + base + ".rels"), dir);
    let shared = "", styles = "", formats = "";
    const pr = elements(wbDoc, "workbookPr")[0];
    const date1904 = pr && ["1", "true"].includes(pr.getAttribute("date1904")) ? "1904" : "";
    const byId = new Map(rels.map((r) => [r.id, r]));
    for (const r of rels) {
      if (r.type.endsWith("/sharedStrings")) {
        shared = sharedStrings(await load(r.target), limits.shared);
      } else if (r.type.endsWith("/styles")) {
        const doc = parse(await load(r.target), r.target);
        formats = elements(doc, "numFmt").map((f) => (f.getAttribute("numFmtId") || "") + "\0" + (f.getAttribute("formatCode") || "") + "\0").join("");
        const xfs = elements(doc, "cellXfs")[0];
        if (xfs) styles = Array.from(xfs.children).filter((x) => x.localName === "xf").map((x) => (x.getAttribute("numFmtId") || "") + "\0").join("");
      }
    }
    const sheets = [];
    for (const s of elements(wbDoc, "sheet")) {
      let id = null;
      for (const a of s.attributes) if (a.prefix && a.localName === "id") id = a.value;
      const r = byId.get(id);
      if (!r || !r.type.endsWith("/worksheet")) continue;
      const state = s.getAttribute("state");
      sheets.push({ name: s.getAttribute("name") || "", hidden: state === "hidden" || state === "veryHidden", part: r.target });
    }
    if (sheets.length === 0) throw new Failure("xlsx_no_sheet", "");
    const contents = [];
    for (const s of sheets) contents.push(await load(s.part));
    const names = sheets.map((s) => s.name + "\0" + (s.hidden ? "1" : "") + "\0").join("");
    return {
      text: [date1904, names, shared, styles, formats].join("\x01") + "\x01",
      rows: (i) => {
        if (!(i >= 0 && i < contents.length)) throw new RangeError("no sheet " + i);
        return cursor(contents[i], sheets[i].part, limits);
      },
    };
  }

  // The cells of a sheet and the shared strings are read with a small
  // tokenizer, not DOMParser: building a document tree of a 100,000-row
  // sheet (28 MB of XML) took the page 25 seconds in slices of 250 ms
  // each, where scanning it takes about one. It knows what SpreadsheetML
  // uses: tags with or without a prefix, attributes in either quote, the
  // five named entities and character references, CDATA, comments and
  // processing instructions; a document type declaration is refused. It is
  // calc/payroll/xlsx's scan.go, in the page; a browser test holds the two
  // to the same cells.
  const TOKEN = /<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!/g;
  const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#x([0-9a-fA-F]+)|#([0-9]+));|&/g;
  const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

  // decode resolves XML's references in raw text; a bare or unknown & is
  // an error, as natively.
  function decode(raw) {
    if (!raw.includes("&")) return raw;
    return raw.replace(ENTITY, (m, name, hex, dec) => {
      if (name) return NAMED[name];
      const n = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : NaN;
      if (!(n >= 0 && n <= 0x10ffff)) throw corrupt(m === "&" ? "a bare & in text" : "the character reference " + m);
      return String.fromCodePoint(n);
    });
  }

  // attrs reads a tag's attributes by local name.
  function attrs(text) {
    const out = {};
    if (!text) return out;
    ATTR.lastIndex = 0;
    for (let m; (m = ATTR.exec(text)); ) {
      const k = m[1].slice(m[1].indexOf(":") + 1);
      out[k] = decode(m[2] !== undefined ? m[2] : m[3]);
    }
    return out;
  }

  // tokens walks xml from `from`: for each start or end tag it calls
  // tag(end, name, attrs, selfClose), for text and CDATA text(s); tag may
  // return true to pause. It returns where it stopped, or -1 at the end.
  function tokens(xml, from, tag, text) {
    const re = new RegExp(TOKEN.source, "g");
    re.lastIndex = from;
    let last = from;
    for (let m; (m = re.exec(xml)); ) {
      if (m.index > last) text(decode(xml.slice(last, m.index)));
      last = re.lastIndex;
      if (m[2] !== undefined) {
        if (tag(m[1] === "/", m[2], m[3], m[4] === "/")) return last;
      } else if (m[5] !== undefined) {
        text(m[5]);
      } else if (m[0] === "<!") {
        throw corrupt("a document type declaration");
      }
    }
    if (xml.indexOf("<", last) >= 0) throw corrupt("an unfinished tag");
    return -1;
  }

  // sharedStrings reads each <si>'s text runs (<t>), leaving out phonetic
  // guides (<rPh>): each ended by \0.
  function sharedStrings(xml, max) {
    let out = "", cur = "", count = 0, inSI = false, inT = false, phonetic = 0;
    const add = () => {
      if (++count > max) throw new Failure("shared_strings", "");
      out += cur + "\0";
      cur = "";
    };
    tokens(xml, 0, (end, name, _, selfClose) => {
      if (name === "si") {
        if (end) { add(); inSI = false; }
        else if (selfClose) add();
        else { inSI = true; cur = ""; }
      } else if (name === "rPh") {
        if (end) phonetic--;
        else if (!selfClose) phonetic++;
      } else if (name === "t") {
        inT = !end && !selfClose;
      }
    }, (s) => {
      if (inSI && inT && phonetic === 0) cur += s;
    });
    return out;
  }

  // cursor reads a sheet's <row>s a few at a time (see the top of this
  // file for what next returns).
  function cursor(xml, name, limits) {
    const data = /<(?:[\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
    let size = 0;
    const dim = /<(?:[\w.-]+:)?dimension\b[^>]*\bref="[A-Z]*\d*:[A-Z]*(\d*)"/.exec(xml.slice(0, data ? data.index : 4096));
    if (dim && dim[1]) size = parseInt(dim[1], 10);
    if (/<!DOCTYPE/i.test(xml.slice(0, data ? data.index : 4096))) return { size: 0, next: () => "\x02xlsx_corrupt\0a document type declaration" };
    if (!data) return { size: 0, next: () => "" };
    let at = data[1] === "/" ? -1 : data.index + data[0].length;
    return {
      size: size,
      next(n) {
        if (at < 0) return "";
        let out = "", rows = 0, row = null, cell = null, keep = false, phonetic = 0, cells = 0, finished = false;
        const endRow = () => {
          out += row + "\x01";
          row = null;
          return ++rows >= n;
        };
        try {
          const pos = tokens(xml, at, (end, tag, attrText, selfClose) => {
            if (tag === "sheetData" && end) {
              if (row !== null) throw corrupt("an unfinished row");
              finished = true;
              return true;
            }
            if (tag === "row") {
              if (end) return endRow();
              row = attrs(attrText).r || "";
              cells = 0;
              if (selfClose) return endRow();
            } else if (tag === "c" && row !== null) {
              if (end) {
                row += "\0" + cell.r + "\0" + cell.t + "\0" + cell.s + "\0" + cell.text;
                cell = null;
                return false;
              }
              if (++cells > limits.columns) throw new Failure("xlsx_too_many_columns", row.split("\0")[0]);
              const a = attrs(attrText);
              cell = { r: a.r || "", t: a.t || "", s: a.s || "", text: "" };
              if (selfClose) {
                row += "\0" + cell.r + "\0" + cell.t + "\0" + cell.s + "\0";
                cell = null;
              }
            } else if ((tag === "v" || tag === "t") && cell !== null) {
              keep = !end && !selfClose && phonetic === 0;
            } else if (tag === "rPh" && cell !== null) {
              if (end) phonetic--;
              else if (!selfClose) phonetic++;
            }
            return false;
          }, (s) => {
            if (keep && cell !== null) cell.text += s;
          });
          // The text ended without </sheetData>: a row left open is
          // damage; otherwise the sheet simply ends, as natively.
          if (pos < 0 && row !== null) throw corrupt("an unfinished row");
          at = finished || pos < 0 ? -1 : pos;
        } catch (e) {
          at = -1;
          if (e instanceof Failure) return "\x02" + e.code + "\0" + e.detail;
          return "\x02xlsx_corrupt\0" + name + ": " + (e && e.message);
        }
        return out;
      },
    };
  }

  window.sibaseXLSX = { open: open };
})();
