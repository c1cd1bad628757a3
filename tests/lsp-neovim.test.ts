/**
 * End to end with a real editor: headless Neovim, its built-in LSP client
 * started by the README's own snippet, on a Markdown article. Asserts the
 * diagnostics Neovim receives (positions converted by Neovim itself) and that
 * applying a quick fix the server offers changes the buffer.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { cli, root } from './lsp/client.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** The Lua snippet of the README's Neovim setup, verbatim. */
function readmeSnippet(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const match = /<!-- neovim-snippet:start -->\n```lua\n([\s\S]*?)```\n<!-- neovim-snippet:end -->/.exec(readme);
  if (!match) throw new Error('README.md has no Neovim snippet between the neovim-snippet markers');
  return match[1];
}

// Waits for diagnostics, asks the server for code actions at the space
// before a full stop, applies the preferred quick fix with Neovim's own helper, waits
// for the diagnostics of the new text, and writes what it saw as JSON.
const HARNESS = `
local out = os.getenv('MTLINT_NVIM_OUT')
local function snapshot(buf)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(items, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      text = d.lnum == d.end_lnum and line:sub(d.col + 1, d.end_col) or '',
      message = d.message, source = d.source, severity = d.severity,
      code = lsp.code or d.code, href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  return items
end
local function finish(result)
  local file = io.open(out, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end
local function run()
  local buf = vim.api.nvim_get_current_buf()
  local result = { filetype = vim.bo[buf].filetype }
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(buf) >= 3 end, 50)
  result.clients = #vim.lsp.buf_get_clients(buf)
  result.before = snapshot(buf)
  if not ok then return finish(result) end
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'space-before-punctuation' then target = d end
  end
  if not target then return finish(result) end
  -- Neovim's own conversion from its byte columns back to UTF-16 positions.
  local params = vim.lsp.util.make_given_range_params(
    { target.lnum + 1, target.col }, { target.end_lnum + 1, target.end_col }, buf, 'utf-16')
  params.context = { diagnostics = {} }
  result.range = params.range
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 20000) or {}
  result.titles = {}
  local chosen
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.titles, action.title)
      if action.kind == 'quickfix' and action.isPreferred and action.edit and not chosen then chosen = action end
    end
  end
  if chosen then
    vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
    result.applied = chosen.title
    vim.wait(30000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'space-before-punctuation' then return false end
      end
      return true
    end, 50)
  end
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  result.after = snapshot(buf)
  finish(result)
end
vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.defer_fn(function()
  local ok, error = pcall(run)
  if not ok then finish({ error = tostring(error) }) end
end, 10) end })
`;

interface Seen {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  text: string;
  message: string;
  source: string;
  severity: number;
  code: string;
  href: string | null;
}

interface NvimResult {
  error?: string;
  range?: unknown;
  filetype: string;
  clients: number;
  before: Seen[];
  titles?: string[];
  applied?: string;
  lines?: string[];
  after?: Seen[];
}

const work = mkdtempSync(join(tmpdir(), 'mtlint-nvim-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runNeovim(): Promise<NvimResult> {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  // `mtlint` on PATH, as the README assumes: this checkout's build.
  writeFileSync(join(bin, 'mtlint'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(join(bin, 'mtlint'), 0o755);
  const project = join(work, 'project');
  mkdirSync(project, { recursive: true });
  copyFileSync(join(root, 'tests', 'fixtures', 'lsp', 'article.md'), join(project, 'article.md'));
  writeFileSync(join(work, 'init.lua'), `${readmeSnippet()}\n${HARNESS}`);
  const out = join(work, 'result.json');
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    MTLINT_NVIM_OUT: out,
    XDG_CONFIG_HOME: join(work, 'config'),
    XDG_DATA_HOME: join(work, 'data'),
    XDG_STATE_HOME: join(work, 'state'),
    XDG_CACHE_HOME: join(work, 'cache'),
  };
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(work, 'init.lua'), 'article.md'], {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neovim did not finish in 90 s; output:\n${output}`));
    }, 90_000);
    child.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as NvimResult);
      } catch {
        reject(new Error(`Neovim wrote no result; output:\n${output}`));
      }
    });
  });
}

describe('Neovim (headless) with the README snippet', () => {
  it.skipIf(!hasNvim && !inCi)(
    `receives the diagnostics and applies a quick fix${hasNvim ? '' : ' (skipped: nvim is not installed; CI fails instead)'}`,
    async () => {
      if (!hasNvim) throw new Error('nvim is not installed, and CI must run this test: install Debian `neovim`');
      const result = await runNeovim();
      expect(result.error).toBeUndefined();
      expect(result.filetype).toBe('markdown');
      expect(result.clients).toBe(1);
      const article = readFileSync(join(root, 'tests', 'fixtures', 'lsp', 'article.md'), 'utf8').split('\n');
      // Neovim converts the UTF-16 ranges to its byte columns: the text under each diagnostic is the artefact,
      // also after the curly apostrophe (one UTF-16 unit, three bytes) earlier on the line.
      const seen = result.before.map((d) => ({ line: d.lnum + 1, text: d.text, code: d.code, source: d.source }));
      expect(seen).toEqual(
        expect.arrayContaining([
          { line: 5, text: ' ', code: 'space-before-punctuation', source: 'mtlint' },
          { line: 7, text: '$ 500', code: 'currency-spacing', source: 'mtlint' },
          { line: 8, text: 'the raids', code: 'repeated-phrase', source: 'mtlint' },
        ]),
      );
      expect(article[4]).toContain('Lukashenko’s');
      // Nothing in the fenced code block.
      expect(result.before.every((d) => d.lnum + 1 < 12 || d.lnum + 1 > 14)).toBe(true);
      // Exactly what the CLI's engine finds (new rules may add findings to the article).
      expect(result.before).toHaveLength(
        lint(readFileSync(join(root, 'tests', 'fixtures', 'lsp', 'article.md'), 'utf8'), { format: 'md' }).findings
          .length,
      );
      for (const d of result.before) {
        expect(d.href).toBe(`https://github.com/mtlint/mtlint/blob/main/README.md#${d.code}`);
        expect(d.message.length).toBeGreaterThan(10);
      }
      expect(result.titles).toEqual(
        expect.arrayContaining([
          'Remove the space (space-before-punctuation)',
          'Disable space-before-punctuation for this line',
          'Disable space-before-punctuation for this file',
          'Fix all mtlint problems in this file',
        ]),
      );
      expect(result.applied).toBe('Remove the space (space-before-punctuation)');
      expect(result.lines?.[4]).toBe(article[4].replace('girlfriend .', 'girlfriend.'));
      expect(result.lines?.filter((line, index) => line !== article[index])).toHaveLength(1);
      const remaining = result.before.map((d) => d.code).filter((code) => code !== 'space-before-punctuation');
      expect(result.after?.map((d) => d.code).sort()).toEqual(remaining.sort());
    },
    120_000,
  );
});
