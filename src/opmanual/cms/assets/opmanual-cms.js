// The editing page's file format: a data file read into the forms, and a save written back into the file's own text.
//
// The forms edit each value in its long form (an item as {text, items}, a text block as a list of typed blocks); a
// file may hold the short forms the model accepts (an item as its text alone, a block of one paragraph as a
// string). `normalise` reads a file's values into the long forms, `denormalise` writes a form's values in the short
// forms where they can be, and `merge` applies a save to the file's YAML document: only the values whose meaning
// changed are written, every other line (comments such as `# ตรวจสอบ:`, quoting, key order, long lines) stays as
// it was. Which values take which forms is said by the configuration the build generates from the model
// (`opm` on a field: "text", "cell", "row", "blocks", "either"; src/opmanual/cms/config.py).

import { isMap, isScalar, isSeq, parseDocument } from './yaml/index.js';

export const TYPE_KEY = 'opm_type';
const SOURCE = 'opm_source'; // the file's text, carried with the entry from reading to saving
const BLOCK_KEYS = ['items', 'bullets', 'definitions', 'table'];
const MAX_ALIGNED = 4000000; // past this many item pairs, a list's items are merged where they stand
const WRITE = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const empty = (value) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) ||
  (isObject(value) && Object.keys(value).every((key) => empty(value[key])));

function typeOf(types, name) {
  return (types || []).find((kind) => kind.name === name);
}

// A file's value as the form edits it.
export function normalise(value, field) {
  if (value === undefined || value === null || !field) return value;
  const opm = field.opm;
  if (field.widget === 'list') {
    let list = value;
    if (opm === 'blocks') {
      list = (typeof value === 'string' ? [value] : value).map((block) => {
        if (typeof block === 'string') return { [TYPE_KEY]: 'paragraph', text: block };
        const key = isObject(block) ? BLOCK_KEYS.find((name) => name in block) : undefined;
        return key ? { [TYPE_KEY]: key, ...block } : block;
      });
    } else if (opm === 'either') {
      list = [Array.isArray(value) ? { [TYPE_KEY]: 'list', value } : { [TYPE_KEY]: 'table', ...value }];
    }
    if (!Array.isArray(list)) return value;
    return list.map((item) => {
      if (field.types) {
        const kind = isObject(item) ? typeOf(field.types, item[TYPE_KEY]) : undefined;
        return kind ? normaliseObject(item, kind.fields) : item;
      }
      if (field.fields) return normaliseObject(short(item, opm), field.fields);
      return field.field ? normalise(item, field.field) : item;
    });
  }
  if (field.widget === 'object') return normaliseObject(short(value, opm), field.fields);
  return value;
}

function short(value, opm) {
  if (opm === 'text' && typeof value === 'string') return { text: value };
  if (opm === 'cell') {
    if (typeof value === 'string') return { text: value };
    if (Array.isArray(value)) return { items: value };
  }
  if (opm === 'row' && Array.isArray(value)) return { cells: value };
  return value;
}

function normaliseObject(value, fields) {
  if (!isObject(value)) return value;
  const out = { ...value };
  for (const field of fields || []) {
    if (field.name in out) out[field.name] = normalise(out[field.name], field);
  }
  return out;
}

// A form's value as the file writes it: the short forms wherever they say the same.
export function denormalise(value, field) {
  if (value === undefined || value === null || !field) return value;
  const opm = field.opm;
  if (field.widget === 'list' && Array.isArray(value)) {
    const list = value.map((item) => {
      if (field.types) {
        const kind = isObject(item) ? typeOf(field.types, item[TYPE_KEY]) : undefined;
        return kind ? denormaliseObject(item, kind.fields) : item;
      }
      if (field.fields) return lengthen(denormaliseObject(item, field.fields), opm);
      return field.field ? denormalise(item, field.field) : item;
    });
    if (opm === 'blocks') {
      const blocks = list.map((block) => {
        if (!isObject(block)) return block;
        const { [TYPE_KEY]: kind, ...rest } = block;
        return kind === 'paragraph' ? rest.text ?? '' : rest;
      });
      return blocks.length === 1 && typeof blocks[0] === 'string' ? blocks[0] : blocks;
    }
    if (opm === 'either') {
      const only = list[0];
      if (!isObject(only)) return only;
      const { [TYPE_KEY]: kind, ...rest } = only;
      return kind === 'list' ? rest.value : rest;
    }
    return list;
  }
  if (field.widget === 'object') return lengthen(denormaliseObject(value, field.fields), opm);
  return value;
}

function lengthen(value, opm) {
  if (!isObject(value)) return value;
  const others = Object.keys(value).filter((key) => !empty(value[key]));
  if (opm === 'text' && others.length === 1 && others[0] === 'text') return value.text;
  if (opm === 'cell' && others.length === 0) return '';
  if (opm === 'cell' && others.length === 1 && others[0] === 'text' && typeof value.text === 'string') return value.text;
  if (opm === 'row' && others.length === 1 && others[0] === 'cells') return value.cells;
  return value;
}

function denormaliseObject(value, fields) {
  if (!isObject(value)) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    const field = (fields || []).find((candidate) => candidate.name === key);
    const written = field ? denormalise(item, field) : item;
    if (!(field && !field.required && empty(written))) out[key] = written; // an optional field left empty: not written
  }
  return out;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Apply `value` (the form's data, written short) to the document's node that held `old` (the file's data, read
// through the same forms): unchanged meaning, unchanged text.
export function merge(doc, node, old, value) {
  if (same(old, value)) return node;
  if (isMap(node) && isObject(value) && isObject(old)) {
    for (const key of Object.keys(old)) {
      if (!(key in value)) node.delete(key);
    }
    for (const [key, item] of Object.entries(value)) {
      const pair = node.items.find((candidate) => candidate.key && candidate.key.value === key);
      if (pair && key in old) pair.value = merge(doc, pair.value, old[key], item);
      else node.set(key, doc.createNode(item));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value) && Array.isArray(old) && node.items.length === old.length) {
    node.items = mergeList(doc, node.items, old, value);
    return node;
  }
  if (isSeq(node) && node.items.length === 1 && Array.isArray(old) && old.length === 1 && !Array.isArray(value)) {
    return merge(doc, node.items[0], old[0], value); // a list of one written as its one value
  }
  if (isScalar(node) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
    node.value = value; // its quoting and style kept where they can write the new value
    return node;
  }
  return doc.createNode(value);
}

// Items of a list: those whose meaning is unchanged keep their text (comments above them included); between them,
// items changed in place are merged, the rest inserted or left out.
function mergeList(doc, nodes, old, value) {
  const keys = (list) => list.map((item) => JSON.stringify(item));
  const [a, b] = [keys(old), keys(value)];
  // The items before and after the edit are the same: only those between are aligned (a table of their lengths'
  // product, which a whole long list would make too large).
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (start > 0 || end > 0) {
    const middle = mergeList(
      doc,
      nodes.slice(start, nodes.length - end),
      old.slice(start, old.length - end),
      value.slice(start, value.length - end),
    );
    return [...nodes.slice(0, start), ...middle, ...nodes.slice(nodes.length - end)];
  }
  if (a.length * b.length > MAX_ALIGNED) {
    return b.map((_, j) => (j < a.length ? merge(doc, nodes[j], old[j], value[j]) : doc.createNode(value[j])));
  }
  const lengths = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(nodes[i]);
      i++;
      j++;
    } else if (i < a.length && j < b.length && lengths[i + 1][j + 1] === lengths[i][j]) {
      out.push(merge(doc, nodes[i], old[i], value[j])); // this item changed where it stands
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lengths[i][j + 1] >= lengths[i + 1][j])) {
      out.push(doc.createNode(value[j]));
      j++;
    } else {
      i++; // this item was taken out
    }
  }
  return out;
}

// A file's YAML document; one YAML cannot read is refused whole (a form of what could be read, saved, would lose
// the rest), with the line to mend, as `check` says it.
function read(text) {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const [error] = doc.errors;
    const line = error.linePos ? error.linePos[0].line : '?';
    throw new Error(`บรรทัด ${line}: ไฟล์นี้อ่านเป็น YAML ไม่ได้ แก้ไฟล์ก่อน (python -m opmanual check) แล้วเปิดใหม่: ${error.message}`);
  }
  return doc;
}

function formFields(value, fields) {
  return denormaliseObject(normaliseObject(value, fields), fields);
}

// The format of one kind of data file, whose forms are `fields`.
export function format(fields) {
  return {
    fromFile(text) {
      const data = read(text).toJS() || {};
      return { ...normaliseObject(data, fields), [SOURCE]: text };
    },
    toFile(data) {
      const { [SOURCE]: source, ...rest } = data;
      const value = denormaliseObject(rest, fields);
      if (!source) return stringify(value);
      const doc = read(source);
      const old = formFields(doc.toJS() || {}, fields);
      doc.contents = merge(doc, doc.contents, old, value);
      return keepSpacing(source, doc.toString(WRITE));
    },
  };
}

// The library writes one space before a line's own comment: where the file had the same comment after other spaces,
// they are kept.
function keepSpacing(before, after) {
  const comment = /(\S)(\s+)(#.*)$/;
  const spacing = new Map();
  for (const line of before.split('\n')) {
    const found = line.match(comment);
    if (found) spacing.set(found[3], found[2]);
  }
  return after
    .split('\n')
    .map((line) => {
      const found = line.match(comment);
      return found && spacing.has(found[3]) ? line.replace(comment, `$1${spacing.get(found[3])}$3`) : line;
    })
    .join('\n');
}

function stringify(value) {
  const doc = parseDocument('{}');
  doc.contents = doc.createNode(value);
  return doc.toString(WRITE);
}

// Start the editor with the configuration built beside this page.
export async function start(CMS, overrides = {}) {
  const response = await fetch('config.json');
  const config = { ...(await response.json()), ...overrides };
  for (const collection of config.collections) {
    const name = `opm-${collection.name}`; // a format per collection (the configuration names none): each knows its forms
    CMS.registerCustomFormat(name, 'yml', format(collection.files ? collection.files[0].fields : collection.fields));
    collection.format = name;
  }
  CMS.init({ config });
  return config;
}
