/**
 * The repository automation is valid and calls the README's commands: the
 * workflows and issue forms parse, have the fields GitHub requires, and
 * the test workflow and .ci/run run exactly the README's test command.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- GitHub's YAML files are explored key by key in the assertions; a wrong key fails the test. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from '../../content/paths';

const github = join(SITE_DIR, '.github');
const load = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, any>;
const readme = readFileSync(join(SITE_DIR, 'README.md'), 'utf8');
const commands = [...readme.matchAll(/```sh\n([^\n]+)\n```/g)].map((m) => m[1]!.trim());
const testCommand = commands.find((c) => c.includes('npm test'))!;
const siteCommand = commands.find((c) => !c.includes('npm test'))!;

describe('the README', () => {
  it('gives exactly two set-up commands: run the site, and run every test', () => {
    expect(commands.slice(0, 2)).toEqual(['npm ci && npm run site', 'npm ci && npm test']);
    expect(siteCommand).toBeDefined();
  });

  it('is what .ci/run calls', () => {
    expect(readFileSync(join(SITE_DIR, '.ci', 'run'), 'utf8')).toContain(`\n${testCommand}\n`);
  });
});

describe('workflows', () => {
  const workflows = readdirSync(join(github, 'workflows')).map((name) => ({ name, data: load(join(github, 'workflows', name)) }));

  it('parse as GitHub workflows: a name, triggers, and jobs with a runner and steps', () => {
    expect(workflows.map((w) => w.name).sort()).toEqual(['deploy.yml', 'test.yml']);
    for (const { data } of workflows) {
      expect(typeof data.name).toBe('string');
      expect(data.on).toBeTruthy();
      for (const job of Object.values<Record<string, any>>(data.jobs)) {
        expect(job['runs-on']).toBe('ubuntu-latest');
        if (job.steps) for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
      }
    }
  });

  it('run the README’s test command on every pull request', () => {
    const test = workflows.find((w) => w.name === 'test.yml')!.data;
    expect(Object.keys(test.on)).toContain('pull_request');
    expect(test.jobs.test.steps.map((s: Record<string, string>) => s.run)).toContain(testCommand);
  });

  it('build the site for GitHub Pages with its address from configuration', () => {
    const deploy = workflows.find((w) => w.name === 'deploy.yml')!.data;
    const build = deploy.jobs.build.steps.find((s: Record<string, any>) => s.run?.includes('npm run build'));
    expect(build.env).toMatchObject({ SITE_URL: '${{ vars.SITE_URL }}', BASE_URL: '${{ vars.BASE_URL }}' });
    expect(deploy.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });
});

describe('issue forms', () => {
  const forms = readdirSync(join(github, 'ISSUE_TEMPLATE')).filter((n) => n !== 'config.yml');

  it('have a name, a description and fields with unique ids', () => {
    expect(forms.sort()).toEqual(['report-error.yml', 'suggest-study.yml']);
    for (const name of forms) {
      const form = load(join(github, 'ISSUE_TEMPLATE', name));
      expect(typeof form.name).toBe('string');
      expect(typeof form.description).toBe('string');
      const ids = form.body.filter((f: Record<string, unknown>) => f.type !== 'markdown').map((f: Record<string, unknown>) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const field of form.body) expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']).toContain(field.type);
    }
  });

  it('pre-fill the page address and edition that the "Report an error" link sends', () => {
    const form = load(join(github, 'ISSUE_TEMPLATE', 'report-error.yml'));
    const ids = form.body.map((f: Record<string, unknown>) => f.id);
    expect(ids).toContain('page');
    expect(ids).toContain('edition');
  });
});

describe('code owners', () => {
  it('require clinical review of the content and the bibliography', () => {
    const owners = readFileSync(join(github, 'CODEOWNERS'), 'utf8');
    expect(owners).toMatch(/^\/docs\/\s+@\S*clinical/m);
    expect(owners).toMatch(/^\/src\/data\/references\.bib\s+@\S*clinical/m);
  });
});
