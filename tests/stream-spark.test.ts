/**
 * Apache Spark, local mode: a JSONL dataset through `rdd.pipe("mtlint --jsonl -")`
 * over four partitions, collected, equals the single-process run. Needs
 * `python3` with `pyspark` (and a JVM); where it cannot be imported the test
 * is skipped and says what is missing (pyspark comes from PyPI, and Debian
 * has no package of it).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, ROOT, runMtlint, tempDir } from './helpers/cli.js';

function missing(): string | undefined {
  const python = spawnSync('python3', ['-c', 'import pyspark; print(pyspark.__version__)'], { encoding: 'utf8' });
  if (python.error) return 'python3 is not installed';
  if (python.status !== 0)
    return `python3 cannot import pyspark (${python.stderr.trim().split('\n').pop()}); install it with pip install pyspark`;
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) return 'pyspark needs a Java runtime (java is not on the PATH)';
  return undefined;
}

const reason = missing();
if (reason) console.warn(`tests/stream-spark.test.ts skipped: ${reason}`);

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-spark-');
});
afterEach(() => dir.cleanup());

const JOB = `
import json, sys
from pyspark import SparkContext
data, cli = sys.argv[1], sys.argv[2]
sc = SparkContext("local[2]", "mtlint-jsonl-test")
sc.setLogLevel("ERROR")
# Each partition is piped through one mtlint process; results come back in partition order.
results = sc.textFile(data, minPartitions=4).pipe(f"node {cli} --jsonl -").collect()
sc.stop()
sys.stdout.write("".join(line + "\\n" for line in results))
`;

describe(`Apache Spark local mode${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it.skipIf(reason !== undefined)(
    'rdd.pipe("mtlint --jsonl -") over partitions equals the single-process run',
    () => {
      const paragraphs = readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8')
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim() !== '');
      const input = paragraphs.map((text, index) => JSON.stringify({ id: index, text })).join('\n');
      writeFileSync(join(dir.path, 'articles.jsonl'), `${input}\n`);
      writeFileSync(join(dir.path, 'job.py'), JOB);
      const single = runMtlint(['--jsonl', 'articles.jsonl'], { cwd: dir.path });
      const spark = spawnSync('python3', ['job.py', join(dir.path, 'articles.jsonl'), CLI], {
        cwd: dir.path,
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(spark.status, spark.stderr).toBe(0);
      expect(spark.stdout).toBe(single.stdout);
      expect(single.stdout.split('\n').filter(Boolean)).toHaveLength(paragraphs.length);
    },
    300_000,
  );
});
