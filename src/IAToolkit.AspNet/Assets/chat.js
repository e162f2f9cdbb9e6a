// The chat page (GET /{c}/chat). Plain modern JavaScript, no framework and no build step.
//
// Safety rule: text from the model is never parsed as HTML. While an answer streams, its Markdown is turned into DOM
// nodes with createElement/textContent only (renderMarkdown below); when it is done, the server's answer_html, which
// the server has sanitized, replaces it. That is the only HTML the page parses, and it goes through an inert
// <template> first so that links can be checked and inline styles (forbidden by the CSP) turned into classes.

const root = document.getElementById('iat-chat');
const T = JSON.parse(document.getElementById('iat-chat-texts').textContent);
const company = root.dataset.company;
const userKey = root.dataset.userKey;
const maxFileBytes = Number(root.dataset.maxFileBytes) || 10 * 1024 * 1024;
const maxFiles = Number(root.dataset.maxFiles) || 5;
const fileTypes = (root.dataset.fileTypes || '').split(',').filter(Boolean);
const downloadPath = `/api/${company}/downloads/`;

const $ = (id) => document.getElementById(id);
const messages = $('iat-messages');
const conversation = $('iat-conversation');
const question = $('iat-question');
const composer = $('iat-composer');
const sendButton = $('iat-send');
const stopButton = $('iat-stop');
const fileInput = $('iat-file');
const attachmentList = $('iat-attachments');
const composerStatus = $('iat-composer-status');
const modelPicker = $('iat-model-picker');
const modelSelect = $('iat-model');
const onboarding = $('iat-onboarding');

const state = {
  responseId: null,        // the conversation the next question continues
  previousResponseId: null, // the conversation before the last question, for re-sending it edited
  initializing: null,      // the init-context under way
  controller: null,        // the answer streaming now
  attachments: [],         // {name, token, state, element}
  lastAsk: null,           // {request, questionElement, answerElement}
  editing: false,          // the composer holds the last question, to be sent again in its place
  feedbackAnswer: null,
  models: null,
};

/* ---------- small helpers ---------- */

function format(text, ...values) {
  return text.replace(/\{(\d+)\}/g, (match, index) => (values[index] ?? match).toString());
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function icon(path) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'iat-icon');
  const shape = document.createElementNS(ns, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

const ICON_COPY = 'M9 9h10v10H9zM5 15V5h10';
const ICON_STAR = 'M12 4l2.4 5 5.4.6-4 3.7 1.1 5.4L12 16l-4.9 2.7 1.1-5.4-4-3.7 5.4-.6z';
const ICON_EDIT = 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4';

function storageGet(name) {
  try { return localStorage.getItem(`iat:${userKey}:${name}`); } catch { return null; }
}

function storageSet(name, value) {
  try { localStorage.setItem(`iat:${userKey}:${name}`, value); } catch { /* private mode: nothing is remembered */ }
}

function nearBottom() {
  return conversation.scrollHeight - conversation.scrollTop - conversation.clientHeight < 120;
}

function scrollToBottom(force) {
  if (force || nearBottom()) conversation.scrollTop = conversation.scrollHeight;
}

/* ---------- the API ---------- */

class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
    this.retryAfter = retryAfter;
  }
}

class SessionExpired extends Error {}

function api(path) {
  return `/api/${encodeURIComponent(company)}/${path}`;
}

function toLogin() {
  const chat = `/${company}/chat`;
  window.location.assign(`/${company}/login?return_url=${encodeURIComponent(chat)}`);
}

async function problemOf(response) {
  let problem = null;
  try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
  const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  return new ApiError(response.status, problem, Number.isFinite(retry) ? retry : null);
}

// Same-origin calls carry the session cookie. The JSON and multipart APIs need no antiforgery token: a page on
// another site cannot send them with this site's SameSite cookie.
async function call(path, { method = 'GET', body, signal, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(api(path), { method, headers, body: payload, signal, credentials: 'same-origin' });
  if (response.status === 401) {
    toLogin();
    throw new SessionExpired(T.errorSession);
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function callJson(path, options) {
  const response = await call(path, options);
  return response.status === 204 ? null : response.json();
}

function describeError(error) {
  if (error instanceof SessionExpired) return T.errorSession;
  if (error instanceof ApiError || (error && typeof error.status === 'number')) {
    const status = error.status;
    const detail = error.message || '';
    if (status === 429) {
      return error.retryAfter ? format(T.errorRateLimit, error.retryAfter) : T.errorRateLimitNoWait;
    }
    if (status === 502 || status === 503) return T.errorUnavailable;
    if (status === 504) return T.errorTimeout;
    if (status >= 400 && status < 500) return format(T.errorInvalid, detail);
    return format(T.errorGeneric, detail);
  }
  if (error instanceof TypeError) return T.errorNetwork;
  return format(T.errorGeneric, error?.message || '');
}

/* ---------- Markdown to DOM, without HTML parsing ---------- */

function safeUrl(raw) {
  const text = (raw || '').trim();
  if (!text) return null;
  try {
    const url = new URL(text, window.location.href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

function decorateLink(anchor, url) {
  anchor.rel = 'noopener noreferrer';
  if (url.protocol !== 'mailto:' && url.pathname.startsWith(downloadPath)) {
    anchor.classList.add('iat-download');
    anchor.setAttribute('download', '');
    anchor.removeAttribute('target');
  } else if (url.origin !== window.location.origin && url.protocol !== 'mailto:') {
    anchor.target = '_blank';
  }
}

function makeLink(label, href, parent) {
  const url = safeUrl(href);
  if (!url) {
    // A link to anything but http(s), mailto or this site keeps its words and loses its target.
    appendInline(label, parent);
    return;
  }
  const anchor = element('a');
  anchor.href = url.href;
  decorateLink(anchor, url);
  appendInline(label, anchor);
  parent.append(anchor);
}

function findClosing(text, marker, from) {
  let index = text.indexOf(marker, from);
  while (index > 0 && text[index - 1] === '\\') index = text.indexOf(marker, index + 1);
  return index;
}

// Inline Markdown: code, links, autolinks, bold, italic, strikethrough. Anything else stays text, HTML included.
function appendInline(text, parent) {
  let buffer = '';
  const flush = () => {
    if (buffer) parent.append(document.createTextNode(buffer));
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i);
    if (c === '\\' && i + 1 < text.length && /[\\`*_{}\[\]()#+\-.!|~<>]/.test(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(rest)[0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) {
        flush();
        parent.append(element('code', null, text.slice(i + run.length, end).replace(/^ (.+) $/, '$1')));
        i = end + run.length;
        continue;
      }
    }
    if (c === '[') {
      const match = /^\[((?:[^\[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+"[^"]*")?\s*\)/.exec(rest);
      if (match) {
        flush();
        makeLink(match[1], match[2], parent);
        i += match[0].length;
        continue;
      }
    }
    if (c === '<') {
      const match = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(rest);
      if (match) {
        flush();
        makeLink(match[1], match[1], parent);
        i += match[0].length;
        continue;
      }
    }
    if ((c === 'h' || c === 'H') && /^https?:\/\//i.test(rest) && (i === 0 || /[\s(]/.test(text[i - 1]))) {
      const match = /^https?:\/\/[^\s<>]*[^\s<>.,;:!?)"']/i.exec(rest);
      if (match) {
        flush();
        makeLink(match[0], match[0], parent);
        i += match[0].length;
        continue;
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] === c && (c === '*' || i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]))) {
      const marker = c + c;
      const end = findClosing(text, marker, i + 2);
      if (end > i + 2 && text[i + 2] !== ' ' && (c === '*' || !/[\p{L}\p{N}]/u.test(text[end + 2] || ' '))) {
        flush();
        const strong = element('strong');
        appendInline(text.slice(i + 2, end), strong);
        parent.append(strong);
        i = end + 2;
        continue;
      }
    }
    if (c === '~' && text[i + 1] === '~') {
      const end = findClosing(text, '~~', i + 2);
      if (end > i + 2) {
        flush();
        const del = element('del');
        appendInline(text.slice(i + 2, end), del);
        parent.append(del);
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] && text[i + 1] !== ' ' && text[i + 1] !== c) {
      // An underscore inside a word (snake_case) is not emphasis.
      const opens = c === '*' || i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]);
      let end = opens ? findClosing(text, c, i + 1) : -1;
      while (end > 0 && c === '*' && text[end + 1] === '*') end = findClosing(text, c, end + 2);
      if (end > i + 1 && text[end - 1] !== ' ' && (c === '*' || !/[\p{L}\p{N}]/u.test(text[end + 1] || ' '))) {
        flush();
        const em = element('em');
        appendInline(text.slice(i + 1, end), em);
        parent.append(em);
        i = end + 1;
        continue;
      }
    }
    buffer += c;
    i += 1;
  }
  flush();
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

function indentOf(line) {
  return /^\s*/.exec(line)[0].replace(/\t/g, '    ').length;
}

function startsBlock(line) {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);
}

function splitRow(line) {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells = [];
  let cell = '';
  for (let i = 0; i < row.length; i += 1) {
    if (row[i] === '\\' && row[i + 1] === '|') { cell += '|'; i += 1; continue; }
    if (row[i] === '|') { cells.push(cell.trim()); cell = ''; continue; }
    cell += row[i];
  }
  cells.push(cell.trim());
  return cells;
}

function renderTable(header, separator, rows) {
  const aligns = splitRow(separator).map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'iat-align-center' : right ? 'iat-align-right' : null;
  });
  const wrap = element('div', 'iat-table-wrap');
  const table = element('table');
  const head = element('thead');
  const headRow = element('tr');
  splitRow(header).forEach((cell, index) => {
    const th = element('th', aligns[index]);
    th.scope = 'col';
    appendInline(cell, th);
    headRow.append(th);
  });
  head.append(headRow);
  table.append(head);
  const body = element('tbody');
  for (const line of rows) {
    const tr = element('tr');
    const cells = splitRow(line);
    for (let index = 0; index < headRow.children.length; index += 1) {
      const td = element('td', aligns[index]);
      appendInline(cells[index] ?? '', td);
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  wrap.append(table);
  return wrap;
}

function renderList(lines, start) {
  const first = LIST_ITEM.exec(lines[start]);
  const base = indentOf(first[1]);
  const ordered = /\d/.test(first[2]);
  const list = element(ordered ? 'ol' : 'ul');
  if (ordered) {
    const number = Number.parseInt(first[2], 10);
    if (number !== 1) list.start = number;
  }
  let items = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    const item = LIST_ITEM.exec(line);
    if (item && indentOf(item[1]) <= base + 1) {
      if (/\d/.test(item[2]) !== ordered) break;
      items.push([item[3]]);
      i += 1;
      continue;
    }
    if (!line.trim()) {
      const next = lines[i + 1];
      if (next !== undefined && (indentOf(next) > base + 1 || (LIST_ITEM.test(next) && indentOf(LIST_ITEM.exec(next)[1]) <= base + 1))) {
        items[items.length - 1].push('');
        i += 1;
        continue;
      }
      break;
    }
    if (indentOf(line) > base + 1) {
      items[items.length - 1].push(line.replace(/^\s+/, (space) => space.slice(Math.min(space.length, base + 2))));
      i += 1;
      continue;
    }
    if (!startsBlock(line) && items[items.length - 1].at(-1) !== '') {
      items[items.length - 1].push(line.trim());
      i += 1;
      continue;
    }
    break;
  }
  for (const content of items) {
    const li = element('li');
    const blocks = renderBlocks(content);
    // A tight item's single paragraph is its text itself, as Markdown renders it.
    if (blocks.childNodes.length === 1 && blocks.firstChild.nodeName === 'P') {
      li.append(...blocks.firstChild.childNodes);
    } else if (blocks.firstChild?.nodeName === 'P' && !content.includes('')) {
      li.append(...blocks.firstChild.childNodes);
      blocks.firstChild.remove();
      li.append(blocks);
    } else {
      li.append(blocks);
    }
    list.append(li);
  }
  items = null;
  return { node: list, next: i };
}

function renderBlocks(lines) {
  const fragment = document.createDocumentFragment();
  let paragraph = [];
  const flushParagraph = () => {
    if (paragraph.length) {
      const p = element('p');
      paragraph.forEach((line, index) => {
        if (index > 0) {
          if (/( {2,}|\\)$/.test(paragraph[index - 1])) p.append(element('br'));
          else p.append(document.createTextNode('\n'));
        }
        appendInline(line.replace(/( {2,}|\\)$/, '').trim(), p);
      });
      fragment.append(p);
    }
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      const marker = fence[1];
      const code = [];
      i += 1;
      while (i < lines.length && !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(lines[i])) {
        code.push(lines[i]);
        i += 1;
      }
      i += 1; // the closing fence (or the end of what has arrived)
      const pre = element('pre');
      const codeNode = element('code', fence[2] ? `language-${fence[2]}` : null, code.join('\n'));
      pre.append(codeNode);
      fragment.append(pre);
      continue;
    }
    if (!line.trim()) {
      flushParagraph();
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      const h = element(`h${heading[1].length}`);
      appendInline(heading[2] || '', h);
      fragment.append(h);
      i += 1;
      continue;
    }
    if (RULE.test(line) && !(paragraph.length && /^ {0,3}-+\s*$/.test(line))) {
      flushParagraph();
      fragment.append(element('hr'));
      i += 1;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]) && lines[i + 1].includes('-')
        && splitRow(line).length === splitRow(lines[i + 1]).length) {
      flushParagraph();
      const rows = [];
      let j = i + 2;
      while (j < lines.length && lines[j].trim() && lines[j].includes('|')) {
        rows.push(lines[j]);
        j += 1;
      }
      fragment.append(renderTable(line, lines[i + 1], rows));
      i = j;
      continue;
    }
    if (QUOTE.test(line)) {
      flushParagraph();
      const quoted = [];
      while (i < lines.length && lines[i].trim() && (QUOTE.test(lines[i]) || !startsBlock(lines[i]))) {
        const match = QUOTE.exec(lines[i]);
        quoted.push(match ? match[1] : lines[i]);
        i += 1;
      }
      const blockquote = element('blockquote');
      blockquote.append(renderBlocks(quoted));
      fragment.append(blockquote);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const item = LIST_ITEM.exec(line);
      // A number inside a paragraph ("in 2024. Then…") does not start a list.
      if (!paragraph.length || !/\d/.test(item[2]) || item[2].startsWith('1')) {
        flushParagraph();
        const { node, next } = renderList(lines, i);
        fragment.append(node);
        i = next;
        continue;
      }
    }
    paragraph.push(line);
    i += 1;
  }
  flushParagraph();
  return fragment;
}

/** Markdown (possibly cut in the middle, as it streams) to DOM nodes. Exported for the browser tests' use. */
export function renderMarkdown(markdown) {
  return renderBlocks((markdown || '').replace(/\r\n?/g, '\n').split('\n'));
}

/* ---------- the server's sanitized HTML ---------- */

function showSanitizedHtml(target, html) {
  // An inert template: nothing in it runs or loads while it is checked.
  // The sanitizer keeps text-align styles (table columns); parsing a style attribute, even in a template, is a CSP
  // violation, so inside tags they are renamed first and become classes below. Text cannot hold a raw "<".
  const template = document.createElement('template');
  template.innerHTML = html.replace(/(<[a-zA-Z][^<>]*?\s)style=/g, '$1data-iat-style=');
  const content = template.content;
  for (const node of content.querySelectorAll('[data-iat-style]')) {
    const align = /text-align\s*:\s*(center|right)/i.exec(node.getAttribute('data-iat-style') || '');
    if (align) node.classList.add(`iat-align-${align[1].toLowerCase()}`);
    node.removeAttribute('data-iat-style');
  }
  for (const node of content.querySelectorAll('*')) {
    for (const attribute of [...node.attributes]) {
      if (/^on/i.test(attribute.name)) node.removeAttribute(attribute.name);
    }
  }
  for (const anchor of content.querySelectorAll('a')) {
    const url = safeUrl(anchor.getAttribute('href'));
    if (!url) {
      anchor.removeAttribute('href');
      continue;
    }
    decorateLink(anchor, url);
  }
  for (const table of content.querySelectorAll('table')) {
    if (!table.parentElement?.classList.contains('iat-table-wrap')) {
      const wrap = element('div', 'iat-table-wrap');
      table.replaceWith(wrap);
      wrap.append(table);
    }
  }
  target.replaceChildren(content);
}

/* ---------- the conversation view ---------- */

function hideEmptyState() {
  $('iat-empty')?.setAttribute('hidden', '');
}

function actionButton(className, label, path) {
  const button = element('button', `iat-action ${className}`);
  button.type = 'button';
  button.append(icon(path), element('span', null, label));
  return button;
}

function addQuestion(text) {
  for (const old of messages.querySelectorAll('.iat-question-actions')) old.remove();
  const wrapper = element('div', 'iat-question');
  wrapper.append(element('p', 'iat-sr-only', T.you));
  wrapper.append(element('div', 'iat-question-text', text));
  messages.append(wrapper);
  return wrapper;
}

function addEditButton(questionElement, request) {
  if (!request.question) return;
  const actions = element('div', 'iat-question-actions');
  const edit = actionButton('iat-edit', T.edit, ICON_EDIT);
  edit.addEventListener('click', () => {
    question.value = request.question;
    state.editing = true;
    autoGrow();
    updateSendState();
    question.focus();
    question.setSelectionRange(question.value.length, question.value.length);
  });
  actions.append(edit);
  questionElement.append(actions);
}

function addAnswer() {
  const answer = element('article', 'iat-answer');
  answer.dataset.state = 'streaming';
  answer.setAttribute('aria-busy', 'true');
  answer.setAttribute('aria-label', T.assistant);
  answer.append(element('div', 'iat-answer-body'));
  showThinking(answer);
  messages.append(answer);
  return answer;
}

function toolLabel(name, args) {
  let parsed = args;
  if (typeof parsed === 'string') {
    try { parsed = JSON.parse(parsed); } catch { parsed = null; }
  }
  if (name === 'iat_sql_query') {
    return parsed && typeof parsed.database === 'string' && parsed.database ? format(T.toolSql, parsed.database) : T.toolSqlAny;
  }
  if (name === 'iat_document_search') return T.toolDocuments;
  return format(T.toolOther, name);
}

function showTool(answer, name, args) {
  answer.querySelector('.iat-thinking')?.remove();
  let status = answer.querySelector('.iat-tool-status');
  if (!status) {
    status = element('div', 'iat-tool-status');
    status.setAttribute('role', 'status');
    answer.querySelector('.iat-answer-body').before(status);
  }
  status.replaceChildren(element('span', 'iat-spinner'), element('span', null, toolLabel(name, args)));
}

function clearTool(answer) {
  answer.querySelector('.iat-tool-status')?.remove();
}

// Between a tool's result and the first words of the answer the model is still working: say so.
function showThinking(answer) {
  if (answer.querySelector('.iat-thinking')) return;
  const thinking = element('div', 'iat-thinking');
  thinking.append(element('span', 'iat-spinner'), element('span', null, T.thinking));
  answer.querySelector('.iat-answer-body').before(thinking);
}

function citationsOf(done) {
  const list = Array.isArray(done?.citations) ? done.citations : [];
  const seen = new Set();
  const result = [];
  for (const citation of list) {
    if (!citation || typeof citation.document !== 'string') continue;
    const page = Number.isInteger(citation.page) ? citation.page : null;
    const label = page === null ? citation.document : format(T.sourcePage, citation.document, page);
    if (!seen.has(label)) {
      seen.add(label);
      result.push(label);
    }
  }
  return result;
}

function addCitations(answer, done) {
  const labels = citationsOf(done);
  if (!labels.length) return;
  const box = element('div', 'iat-citations');
  box.append(element('p', 'iat-citations-title', T.sources));
  const list = element('ol');
  for (const label of labels) list.append(element('li', null, label));
  box.append(list);
  answer.append(box);
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = element('textarea', 'iat-sr-only');
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

function addAnswerActions(answer, markdown) {
  const actions = element('div', 'iat-answer-actions');
  const copy = actionButton('iat-copy', T.copy, ICON_COPY);
  copy.addEventListener('click', async () => {
    const label = copy.querySelector('span');
    try {
      await copyText(markdown);
      label.textContent = T.copied;
    } catch {
      label.textContent = T.copy;
    }
    setTimeout(() => { label.textContent = T.copy; }, 1600);
  });
  const feedback = actionButton('iat-feedback-open', T.feedback, ICON_STAR);
  feedback.addEventListener('click', () => openFeedback(answer, feedback));
  actions.append(copy, feedback);
  answer.append(actions);
}

function finishAnswer(answer, outcome) {
  answer.querySelector('.iat-thinking')?.remove();
  clearTool(answer);
  answer.dataset.state = outcome;
  answer.removeAttribute('aria-busy');
}

function showAnswerError(answer, text) {
  finishAnswer(answer, 'error');
  const error = element('p', 'iat-answer-error', text);
  error.setAttribute('role', 'alert');
  answer.append(error);
}

/* ---------- asking ---------- */

function setStreaming(streaming) {
  stopButton.hidden = !streaming;
  sendButton.hidden = streaming;
  root.classList.toggle('iat-streaming', streaming);
  updateSendState();
}

function updateSendState() {
  const uploading = state.attachments.some((a) => a.state === 'uploading');
  sendButton.disabled = !question.value.trim() || uploading || !!state.controller;
}

function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (!data.length) return null;
  try {
    return { name, data: JSON.parse(data.join('\n')) };
  } catch {
    return null;
  }
}

async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (event) yield event;
      end = buffer.indexOf('\n\n');
    }
  }
  if (buffer.trim()) {
    const event = parseEvent(buffer);
    if (event) yield event;
  }
}

async function ask(request, displayText, { replaceLast = false } = {}) {
  if (state.controller) return;
  hideEmptyState();
  hideOnboarding();
  closePanels();
  composerStatus.hidden = true;
  if (state.initializing) {
    try { await state.initializing; } catch { /* the question starts a conversation itself */ }
  }

  if (replaceLast && state.lastAsk) {
    state.lastAsk.questionElement.remove();
    state.lastAsk.answerElement.remove();
    state.responseId = state.previousResponseId;
  }

  const body = { ...request };
  if (state.responseId) body.response_id = state.responseId;
  const model = chosenModel();
  if (model) body.model = model;
  const files = state.attachments.filter((a) => a.state === 'ready').map((a) => ({ token: a.token }));
  if (files.length) body.files = files;

  const questionElement = addQuestion(displayText);
  const answer = addAnswer();
  scrollToBottom(true);
  const controller = new AbortController();
  state.controller = controller;
  setStreaming(true);

  let markdown = '';
  let pending = false;
  let finished = false;
  const paint = () => {
    pending = false;
    if (answer.dataset.state !== 'streaming') return;
    const follow = nearBottom();
    answer.querySelector('.iat-answer-body').replaceChildren(renderMarkdown(markdown));
    if (follow) scrollToBottom(true);
  };

  try {
    const response = await call('llm_query', { method: 'POST', body, signal: controller.signal, accept: 'text/event-stream' });
    for await (const event of readEvents(response)) {
      if (event.name === 'delta' && typeof event.data?.text === 'string') {
        answer.querySelector('.iat-thinking')?.remove();
        markdown += event.data.text;
        if (!pending) {
          pending = true;
          requestAnimationFrame(paint);
        }
      } else if (event.name === 'tool_call') {
        showTool(answer, event.data?.name || '', event.data?.arguments);
      } else if (event.name === 'tool_result') {
        clearTool(answer);
        if (!markdown) showThinking(answer);
      } else if (event.name === 'done') {
        finished = true;
        const done = event.data || {};
        markdown = typeof done.answer === 'string' ? done.answer : markdown;
        finishAnswer(answer, 'done');
        showSanitizedHtml(answer.querySelector('.iat-answer-body'), typeof done.answer_html === 'string' ? done.answer_html : '');
        if (!done.answer_html) answer.querySelector('.iat-answer-body').replaceChildren(renderMarkdown(markdown));
        addCitations(answer, done);
        addAnswerActions(answer, markdown);
        state.previousResponseId = body.response_id ?? null;
        if (done.response_id) state.responseId = done.response_id;
        clearAttachments();
      } else if (event.name === 'error') {
        finished = true;
        const problem = event.data || {};
        answer.querySelector('.iat-answer-body').replaceChildren(renderMarkdown(markdown));
        if (problem.status === 401) {
          showAnswerError(answer, T.errorSession);
          toLogin();
        } else {
          showAnswerError(answer, describeError(new ApiError(problem.status || 500, problem, null)));
        }
      }
    }
    if (!finished) {
      answer.querySelector('.iat-answer-body').replaceChildren(renderMarkdown(markdown));
      showAnswerError(answer, T.errorInterrupted);
    }
  } catch (error) {
    if (controller.signal.aborted) {
      // What arrived stays; the answer says it was stopped.
      answer.querySelector('.iat-answer-body').replaceChildren(renderMarkdown(markdown));
      finishAnswer(answer, 'stopped');
      answer.append(element('p', 'iat-answer-note', T.stopped));
      if (markdown) addAnswerActions(answer, markdown);
    } else {
      if (markdown) answer.querySelector('.iat-answer-body').replaceChildren(renderMarkdown(markdown));
      showAnswerError(answer, describeError(error));
    }
  } finally {
    state.controller = null;
    const hadFocus = document.activeElement === stopButton;
    setStreaming(false);
    // The stop button disappears with the stream; keyboard users continue where they type.
    if (hadFocus || document.activeElement === document.body) question.focus();
    state.lastAsk = { request, questionElement, answerElement: answer };
    addEditButton(questionElement, request);
    scrollToBottom(false);
  }
}

function submitQuestion() {
  const text = question.value.trim();
  if (!text || state.controller) return;
  if (state.attachments.some((a) => a.state === 'uploading')) return;
  const replaceLast = !!state.editing && !!state.lastAsk;
  state.editing = false;
  question.value = '';
  autoGrow();
  ask({ question: text }, text, { replaceLast });
}

function autoGrow() {
  if (CSS.supports('field-sizing', 'content')) return;
  // The CSP governs style attributes in markup; setting a size through the CSSOM is allowed.
  question.style.height = 'auto';
  question.style.height = `${Math.min(question.scrollHeight, window.innerHeight * 0.4)}px`;
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  submitQuestion();
});

question.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    submitQuestion();
  }
});

question.addEventListener('input', () => {
  autoGrow();
  updateSendState();
});

stopButton.addEventListener('click', () => state.controller?.abort());

/* ---------- conversation start ---------- */

function chosenModel() {
  if (!state.models || modelPicker.hidden) return null;
  return modelSelect.value || null;
}

async function loadModels() {
  try {
    const data = await callJson('models');
    const models = Array.isArray(data?.models) ? data.models : [];
    state.models = models;
    if (models.length < 2) return;
    for (const model of models) {
      const option = element('option', null, model.label || model.id);
      option.value = model.id;
      if (model.description) option.title = model.description;
      modelSelect.append(option);
    }
    const remembered = storageGet('model');
    const ids = models.map((m) => m.id);
    modelSelect.value = remembered && ids.includes(remembered) ? remembered : (ids.includes(data.default_model) ? data.default_model : ids[0]);
    modelPicker.hidden = false;
  } catch (error) {
    // No model list (an older server, or an error): the company's configured model answers.
    if (error instanceof SessionExpired) throw error;
    state.models = null;
  }
}

modelSelect.addEventListener('change', () => storageSet('model', modelSelect.value));

async function startConversation() {
  const body = {};
  const model = chosenModel();
  if (model) body.model = model;
  const data = await callJson('init-context', { method: 'POST', body });
  state.responseId = data?.response_id ?? null;
  state.previousResponseId = null;
}

$('iat-new-conversation').addEventListener('click', async () => {
  if (state.controller) state.controller.abort();
  closePanels();
  messages.replaceChildren();
  state.lastAsk = null;
  state.editing = false;
  clearAttachments();
  const start = startConversation();
  state.initializing = start;
  try {
    await start;
    const notice = element('p', 'iat-notice-line', T.conversationStarted);
    notice.setAttribute('role', 'status');
    messages.append(notice);
  } catch (error) {
    if (!(error instanceof SessionExpired)) showComposerStatus(describeError(error));
  } finally {
    if (state.initializing === start) state.initializing = null;
  }
  question.focus();
});

/* ---------- onboarding ---------- */

function hideOnboarding() {
  if (onboarding && !onboarding.hidden) {
    onboarding.hidden = true;
    messages.hidden = false;
  }
}

function showOnboarding() {
  if (!onboarding || storageGet('onboarding-seen')) return false;
  onboarding.hidden = false;
  messages.hidden = true;
  storageSet('onboarding-seen', '1');
  return true;
}

if (onboarding) {
  $('iat-onboarding-close').addEventListener('click', () => {
    hideOnboarding();
    question.focus();
  });
}

/* ---------- attachments ---------- */

function showComposerStatus(text) {
  composerStatus.textContent = text;
  composerStatus.hidden = !text;
}

function clearAttachments() {
  state.attachments = [];
  attachmentList.replaceChildren();
  updateSendState();
}

function removeAttachment(attachment) {
  state.attachments = state.attachments.filter((a) => a !== attachment);
  attachment.element.remove();
  updateSendState();
}

async function attach(file) {
  const extension = file.name.includes('.') ? `.${file.name.split('.').pop().toLowerCase()}` : '';
  const megabytes = (maxFileBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  if (state.attachments.length >= maxFiles) {
    showComposerStatus(format(T.fileTooMany, maxFiles));
    return;
  }
  if (fileTypes.length && !fileTypes.includes(extension)) {
    showComposerStatus(format(T.fileType, file.name, fileTypes.map((t) => t.slice(1).toUpperCase()).join(', ')));
    return;
  }
  if (file.size > maxFileBytes) {
    showComposerStatus(format(T.fileTooLarge, file.name, megabytes));
    return;
  }
  if (file.size === 0) {
    showComposerStatus(format(T.fileFailed, file.name, '0 bytes'));
    return;
  }
  showComposerStatus('');
  const item = element('li', 'iat-attachment');
  item.dataset.state = 'uploading';
  const name = element('span', 'iat-attachment-name', format(T.fileUploading, file.name));
  const remove = element('button', 'iat-icon-button');
  remove.type = 'button';
  remove.append(element('span', null, '×'));
  remove.firstChild.setAttribute('aria-hidden', 'true');
  remove.append(element('span', 'iat-sr-only', format(T.fileRemove, file.name)));
  item.append(name, remove);
  attachmentList.append(item);
  const attachment = { name: file.name, token: null, state: 'uploading', element: item };
  state.attachments.push(attachment);
  remove.addEventListener('click', () => removeAttachment(attachment));
  updateSendState();
  try {
    const form = new FormData();
    form.append('file', file, file.name);
    const stored = await callJson('file-store', { method: 'POST', body: form });
    attachment.token = stored.token;
    attachment.state = 'ready';
    item.dataset.state = 'ready';
    name.textContent = file.name;
  } catch (error) {
    removeAttachment(attachment);
    if (!(error instanceof SessionExpired)) showComposerStatus(format(T.fileFailed, file.name, error.message || describeError(error)));
  }
  updateSendState();
}

fileInput.addEventListener('change', () => {
  const files = [...fileInput.files];
  fileInput.value = '';
  files.forEach((file) => attach(file));
});

/* ---------- panels: prompts, history, help ---------- */

const panels = {
  'iat-prompts': { opener: $('iat-prompts-open'), load: loadPrompts },
  'iat-history': { opener: $('iat-history-open'), load: loadHistory },
  'iat-help': { opener: $('iat-help-open'), load: loadHelp },
};

function closePanels(except) {
  for (const [id, panel] of Object.entries(panels)) {
    if (id === except) continue;
    const node = $(id);
    if (!node.hidden) {
      node.hidden = true;
      panel.opener.setAttribute('aria-expanded', 'false');
    }
  }
}

function togglePanel(id) {
  const node = $(id);
  const panel = panels[id];
  if (!node.hidden) {
    closePanels();
    panel.opener.focus();
    return;
  }
  closePanels(id);
  node.hidden = false;
  panel.opener.setAttribute('aria-expanded', 'true');
  Promise.resolve(panel.load()).finally(() => {
    const target = node.querySelector('input, [data-prompt], .iat-history-item, button:not(.iat-panel-close)') || node.querySelector('button');
    target?.focus();
  });
}

for (const id of Object.keys(panels)) {
  panels[id].opener.addEventListener('click', () => togglePanel(id));
}
for (const close of root.querySelectorAll('.iat-panel-close')) {
  close.addEventListener('click', () => {
    const id = close.dataset.close;
    closePanels();
    panels[id].opener.focus();
  });
}
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const open = Object.keys(panels).find((id) => !$(id).hidden);
  if (open && !$('iat-feedback').open) {
    closePanels();
    panels[open].opener.focus();
  }
});

function useQuestion(text) {
  closePanels();
  hideOnboarding();
  question.value = text;
  autoGrow();
  updateSendState();
  question.focus();
}

function panelNote(parent, text) {
  parent.append(element('p', 'iat-panel-note', text));
}

// Prompts.
let promptsLoaded = false;
const promptsList = $('iat-prompts-list');
const promptForm = $('iat-prompt-form');
const promptFields = $('iat-prompt-fields');
let chosenPrompt = null;

const INPUT_TYPES = new Set(['text', 'date', 'number', 'email', 'month', 'week', 'time', 'datetime-local', 'url', 'tel']);

async function loadPrompts() {
  if (promptsLoaded) return;
  try {
    const data = await callJson('prompts');
    promptsList.replaceChildren();
    const categories = Array.isArray(data?.message) ? data.message : [];
    if (!categories.some((c) => c.prompts?.length)) panelNote(promptsList, T.promptsEmpty);
    for (const category of categories) {
      if (!category.prompts?.length) continue;
      promptsList.append(element('h3', null, category.category_name));
      const list = element('ul', 'iat-panel-list');
      for (const prompt of category.prompts) {
        const item = element('li');
        const button = element('button', 'iat-prompt-button');
        button.type = 'button';
        button.dataset.prompt = prompt.prompt;
        button.append(element('span', null, prompt.description || prompt.prompt));
        button.addEventListener('click', () => choosePrompt(prompt));
        item.append(button);
        list.append(item);
      }
      promptsList.append(list);
    }
    promptsLoaded = true;
  } catch (error) {
    promptsList.replaceChildren();
    if (!(error instanceof SessionExpired)) panelNote(promptsList, describeError(error));
  }
}

function choosePrompt(prompt) {
  chosenPrompt = prompt;
  $('iat-prompt-name').textContent = prompt.description || prompt.prompt;
  promptFields.replaceChildren();
  for (const field of prompt.custom_fields || []) {
    const id = `iat-field-${field.data_key}`;
    const label = element('label', null, field.label || field.data_key);
    label.htmlFor = id;
    const type = (field.type || 'text').toLowerCase();
    const input = type === 'textarea' ? element('textarea') : element('input');
    if (type !== 'textarea') input.type = INPUT_TYPES.has(type) ? type : 'text';
    else input.rows = 3;
    input.id = id;
    input.name = field.data_key;
    input.required = true;
    input.dataset.label = field.label || field.data_key;
    input.dataset.type = type;
    const error = element('p', 'iat-field-error');
    error.id = `${id}-error`;
    error.hidden = true;
    input.setAttribute('aria-describedby', error.id);
    input.addEventListener('input', () => {
      input.removeAttribute('aria-invalid');
      error.hidden = true;
    });
    promptFields.append(label, input, error);
  }
  promptsList.hidden = true;
  promptForm.hidden = false;
  (promptFields.querySelector('input, textarea') || $('iat-prompt-run')).focus();
}

$('iat-prompt-back').addEventListener('click', () => {
  promptForm.hidden = true;
  promptsList.hidden = false;
  promptsList.querySelector(`[data-prompt]`)?.focus();
});

promptForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!chosenPrompt || state.controller) return;
  const clientData = {};
  const shown = [];
  let firstInvalid = null;
  for (const input of promptFields.querySelectorAll('input, textarea')) {
    const value = input.value.trim();
    const error = $(`${input.id}-error`);
    let message = null;
    if (!value) message = format(T.fieldRequired, input.dataset.label);
    else if (!input.checkValidity()) message = format(T.fieldInvalid, input.dataset.label);
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = message;
      error.hidden = false;
      firstInvalid ??= input;
      continue;
    }
    clientData[input.name] = input.dataset.type === 'number' ? Number(value) : value;
    shown.push(`${input.dataset.label}: ${value}`);
  }
  if (firstInvalid) {
    firstInvalid.focus();
    return;
  }
  const title = chosenPrompt.description || chosenPrompt.prompt;
  promptForm.hidden = true;
  promptsList.hidden = false;
  ask({ prompt_name: chosenPrompt.prompt, client_data: clientData }, [title, ...shown].join('\n'));
});

// History.
const historyList = $('iat-history-list');
const historyStatus = $('iat-history-status');
const historySearch = $('iat-history-search');

function normalize(text) {
  return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function filterHistory() {
  const term = normalize(historySearch.value.trim());
  let visible = 0;
  for (const item of historyList.children) {
    const match = !term || item.dataset.search.includes(term);
    item.hidden = !match;
    if (match) visible += 1;
  }
  historyStatus.textContent = historyList.children.length === 0 ? T.historyEmpty : visible === 0 ? T.historyNoMatch : '';
}

async function loadHistory() {
  historyStatus.textContent = '';
  try {
    const data = await callJson('history');
    const items = Array.isArray(data?.history) ? data.history : [];
    const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    historyList.replaceChildren();
    const seen = new Set();
    for (const entry of items) {
      // A prompt's run is not a question one can type again; the prompt picker runs it.
      const text = (entry.question || '').trim();
      if (!text || entry.prompt_name || seen.has(text)) continue;
      seen.add(text);
      const item = element('li');
      item.dataset.search = normalize(text);
      const button = element('button', 'iat-history-item');
      button.type = 'button';
      button.title = T.historyReuse;
      button.dataset.question = text;
      button.append(element('span', null, text));
      const when = Date.parse(entry.created_at);
      if (Number.isFinite(when)) button.append(element('small', null, dateFormat.format(new Date(when))));
      button.addEventListener('click', () => useQuestion(text));
      item.append(button);
      historyList.append(item);
    }
    filterHistory();
  } catch (error) {
    historyList.replaceChildren();
    if (!(error instanceof SessionExpired)) historyStatus.textContent = describeError(error);
  }
}

historySearch.addEventListener('input', filterHistory);

// Help.
let helpLoaded = false;
const helpBody = $('iat-help-body');

async function loadHelp() {
  if (helpLoaded) return;
  try {
    const help = (await callJson('help')) || {};
    helpBody.replaceChildren();
    const section = (title) => helpBody.append(element('h3', null, title));
    let any = false;
    const examples = Array.isArray(help.example_questions) ? help.example_questions : [];
    if (examples.length) {
      any = true;
      section(T.helpExamples);
      for (const group of examples) {
        if (group.category) helpBody.append(element('p', 'iat-panel-note', group.category));
        const list = element('ul', 'iat-help-list iat-help-examples');
        for (const text of group.questions || []) {
          const item = element('li');
          const button = element('button', 'iat-link-button iat-example', text);
          button.type = 'button';
          button.addEventListener('click', () => useQuestion(text));
          item.append(button);
          list.append(item);
        }
        helpBody.append(list);
      }
    }
    const sources = Array.isArray(help.data_sources) ? help.data_sources : [];
    if (sources.length) {
      any = true;
      section(T.helpSources);
      const list = element('ul', 'iat-help-list');
      for (const source of sources) {
        const item = element('li');
        item.append(element('strong', null, source.source), document.createTextNode(source.description ? ` — ${source.description}` : ''));
        list.append(item);
      }
      helpBody.append(list);
    }
    const practices = Array.isArray(help.best_practices) ? help.best_practices : [];
    if (practices.length) {
      any = true;
      section(T.helpPractices);
      const list = element('ul', 'iat-help-list');
      for (const practice of practices) {
        const item = element('li');
        item.append(element('strong', null, practice.title));
        if (practice.description) item.append(document.createTextNode(` — ${practice.description}`));
        if (practice.example) item.append(element('div', 'iat-panel-note', format(T.helpExample, practice.example)));
        list.append(item);
      }
      helpBody.append(list);
    }
    for (const [key, title] of [['can_do', T.helpCanDo], ['cannot_do', T.helpCannotDo]]) {
      const entries = Array.isArray(help.capabilities?.[key]) ? help.capabilities[key] : [];
      if (!entries.length) continue;
      any = true;
      section(title);
      const list = element('ul', 'iat-help-list');
      for (const text of entries) list.append(element('li', null, text));
      helpBody.append(list);
    }
    if (!any) panelNote(helpBody, T.helpEmpty);
    helpLoaded = true;
  } catch (error) {
    helpBody.replaceChildren();
    if (!(error instanceof SessionExpired)) panelNote(helpBody, describeError(error));
  }
}

for (const example of root.querySelectorAll('.iat-example[data-question]')) {
  example.addEventListener('click', () => useQuestion(example.dataset.question));
}

/* ---------- feedback ---------- */

const feedbackDialog = $('iat-feedback');
const feedbackForm = $('iat-feedback-form');
const feedbackStatus = $('iat-feedback-status');
const feedbackComment = $('iat-feedback-comment');
let feedbackOpener = null;

function paintStars() {
  const chosen = Number(feedbackForm.querySelector('input[name="rating"]:checked')?.value || 0);
  for (const input of feedbackForm.querySelectorAll('input[name="rating"]')) {
    input.nextElementSibling.classList.toggle('iat-star-on', Number(input.value) <= chosen);
  }
}

function openFeedback(answer, opener) {
  state.feedbackAnswer = answer;
  feedbackOpener = opener;
  feedbackForm.reset();
  paintStars();
  feedbackStatus.textContent = '';
  feedbackDialog.showModal();
  feedbackForm.querySelector('input[name="rating"]').focus();
}

feedbackForm.addEventListener('change', paintStars);
$('iat-feedback-cancel').addEventListener('click', () => feedbackDialog.close());
feedbackDialog.addEventListener('close', () => feedbackOpener?.focus());

feedbackForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const rating = Number(feedbackForm.querySelector('input[name="rating"]:checked')?.value || 0);
  const message = feedbackComment.value.trim();
  if (!rating) {
    feedbackStatus.textContent = T.feedbackNeedsRating;
    feedbackForm.querySelector('input[name="rating"]').focus();
    return;
  }
  if (!message) {
    feedbackStatus.textContent = T.feedbackNeedsComment;
    feedbackComment.focus();
    return;
  }
  const send = $('iat-feedback-send');
  send.disabled = true;
  try {
    await callJson('feedback', { method: 'POST', body: { rating, message } });
    feedbackDialog.close();
    const answer = state.feedbackAnswer;
    if (answer) {
      answer.querySelector('.iat-feedback-note')?.remove();
      const note = element('p', 'iat-answer-note iat-feedback-note', T.feedbackThanks);
      note.setAttribute('role', 'status');
      answer.append(note);
    }
  } catch (error) {
    if (!(error instanceof SessionExpired)) feedbackStatus.textContent = format(T.feedbackFailed, error.message || describeError(error));
  } finally {
    send.disabled = false;
  }
});

/* ---------- start ---------- */

async function start() {
  updateSendState();
  const onboardingShown = showOnboarding();
  try {
    await loadModels();
    const init = startConversation();
    state.initializing = init;
    await init;
  } catch (error) {
    if (!(error instanceof SessionExpired)) showComposerStatus(describeError(error));
  } finally {
    state.initializing = null;
    if (onboardingShown) $('iat-onboarding-status').textContent = T.onboardingReady;
  }
}

start();
question.focus();
