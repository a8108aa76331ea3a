import { describe, expect, test } from 'vitest';
import { siteHref, sitePath, siteUrls, urls } from '../../src/lib/urls';

describe('sitePath', () => {
  test('at the domain root, a site path stays as written', () => {
    expect(sitePath('/review/', '/')).toBe('/review/');
    expect(sitePath('/', '/')).toBe('/');
  });

  test('in a folder, a site path starts with the folder', () => {
    expect(sitePath('/review/', '/academy/sales/')).toBe('/academy/sales/review/');
    expect(sitePath('/', '/academy/sales/')).toBe('/academy/sales/');
    expect(sitePath('/cards.json', '/academy/sales/')).toBe('/academy/sales/cards.json');
  });

  test('the build these tests run against is built for the root', () => {
    expect(urls.home).toBe('/');
    expect(urls.review()).toBe('/review/');
  });
});

describe('siteUrls', () => {
  const root = siteUrls('/');
  const folder = siteUrls('/academy/sales/');

  test('at the domain root, every page and file keeps its path', () => {
    expect(root.home).toBe('/');
    expect(root.lesson('no-referee')).toBe('/lessons/no-referee/');
    expect(root.lesson('no-referee', 'what-to-do')).toBe('/lessons/no-referee/#what-to-do');
    expect(root.review()).toBe('/review/');
    expect(root.review('no-referee')).toBe('/review/?lesson=no-referee');
    expect(root.glossary('lead')).toBe('/glossary/#lead');
    expect(root.trainers('calendar')).toBe('/trainers/#calendar');
    expect(root.cards).toBe('/cards.json');
    expect(root.serviceWorker).toBe('/sw.js');
  });

  test('in a folder, every page and file is in that folder', () => {
    expect(folder.home).toBe('/academy/sales/');
    expect(folder.lesson('no-referee', 'what-to-do')).toBe('/academy/sales/lessons/no-referee/#what-to-do');
    expect(folder.review('no-referee')).toBe('/academy/sales/review/?lesson=no-referee');
    expect(folder.glossary()).toBe('/academy/sales/glossary/');
    expect(folder.chart('model-forgetting')).toBe('/academy/sales/charts/model-forgetting.svg');
    expect(folder.serviceWorker).toBe('/academy/sales/sw.js');
    const values = Object.values(folder).map((value) => (typeof value === 'function' ? value('x') : value));
    for (const value of values) expect(value).toMatch(/^\/academy\/sales\//);
  });
});

describe('siteHref', () => {
  test('puts a link to a page of the course into the folder', () => {
    expect(siteHref('/glossary/#lead', '/academy/sales/')).toBe('/academy/sales/glossary/#lead');
    expect(siteHref('/glossary/#lead', '/')).toBe('/glossary/#lead');
  });

  test('leaves links to other sites, anchors and relative links as written', () => {
    for (const href of ['https://example.com/', '//example.com/x', '#check-yourself', 'mailto:a@b.c', '../x/']) {
      expect(siteHref(href, '/academy/sales/')).toBe(href);
    }
  });
});
