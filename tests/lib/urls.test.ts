import { describe, expect, test } from 'vitest';
import {
  cardsUrl,
  certificateUrl,
  chartUrl,
  finalCheckUrl,
  glossaryUrl,
  homeUrl,
  lessonUrl,
  printUrl,
  progressUrl,
  reviewUrl,
  serviceWorkerUrl,
  settingsUrl,
  siteHref,
  sitePath,
  summaryUrl,
  trainersUrl,
} from '../../src/lib/urls';

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
    expect(homeUrl()).toBe('/');
    expect(reviewUrl()).toBe('/review/');
  });
});

describe('the routes', () => {
  const folder = '/academy/sales/';

  test('at the domain root, every page and file keeps its path', () => {
    expect(homeUrl('/')).toBe('/');
    expect(lessonUrl('no-referee', undefined, '/')).toBe('/lessons/no-referee/');
    expect(lessonUrl('no-referee', 'what-to-do', '/')).toBe('/lessons/no-referee/#what-to-do');
    expect(reviewUrl(undefined, '/')).toBe('/review/');
    expect(reviewUrl('no-referee', '/')).toBe('/review/?lesson=no-referee');
    expect(glossaryUrl('lead', '/')).toBe('/glossary/#lead');
    expect(trainersUrl('calendar', '/')).toBe('/trainers/#calendar');
    expect(cardsUrl('/')).toBe('/cards.json');
    expect(serviceWorkerUrl('/')).toBe('/sw.js');
  });

  test('without a base, the routes use the one the site was built for', () => {
    expect(lessonUrl('no-referee', 'what-to-do')).toBe('/lessons/no-referee/#what-to-do');
    expect(finalCheckUrl()).toBe('/final-check/');
    expect(certificateUrl()).toBe('/certificate/');
  });

  test('in a folder, every page and file is in that folder', () => {
    expect(homeUrl(folder)).toBe('/academy/sales/');
    expect(lessonUrl('no-referee', 'what-to-do', folder)).toBe('/academy/sales/lessons/no-referee/#what-to-do');
    expect(reviewUrl('no-referee', folder)).toBe('/academy/sales/review/?lesson=no-referee');
    expect(glossaryUrl(undefined, folder)).toBe('/academy/sales/glossary/');
    expect(chartUrl('model-forgetting', folder)).toBe('/academy/sales/charts/model-forgetting.svg');
    expect(serviceWorkerUrl(folder)).toBe('/academy/sales/sw.js');
    const values = [
      homeUrl(folder),
      lessonUrl('x', undefined, folder),
      reviewUrl(undefined, folder),
      reviewUrl('x', folder),
      progressUrl(folder),
      settingsUrl(folder),
      trainersUrl(undefined, folder),
      summaryUrl(folder),
      printUrl(folder),
      glossaryUrl('x', folder),
      finalCheckUrl(folder),
      certificateUrl(folder),
      cardsUrl(folder),
      chartUrl('x', folder),
      serviceWorkerUrl(folder),
    ];
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
