import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  VACANCY_API_URL, apiHeaders, calendarDay, httpErrorMessage, mapVacancy, parsePage, searchUrl, wageOf,
} from '../../src/domain/vacancy-api';

const TODAY = '2026-03-02';
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function records(name: string) {
  const page = parsePage(fixture(name))!;
  return page.items.map((i) => mapVacancy(i, TODAY));
}

describe('the request', () => {
  it('asks near the school, for recent adverts, 100 a page, with the v2 headers', () => {
    const url = new URL(searchUrl({ lat: 51.2802, lon: 1.0789, miles: 15 }, 2, 14));
    expect(`${url.origin}${url.pathname}`).toBe(VACANCY_API_URL);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Lat: '51.2802', Lon: '1.0789', DistanceInMiles: '15', PostedInLastNumberOfDays: '14', Sort: 'AgeDesc', PageSize: '100', PageNumber: '2',
      ExcludeRecruitingNationally: 'true',
    });
    // Include national vacancies = yes: the API's default, which includes them.
    expect(new URL(searchUrl(null, 1, 14, true)).searchParams.has('ExcludeRecruitingNationally')).toBe(false);
    expect(apiHeaders('k123')).toMatchObject({ 'Ocp-Apim-Subscription-Key': 'k123', 'X-Version': '2' });
  });

  it('rounds the distance to whole miles, at least 1', () => {
    expect(new URL(searchUrl({ lat: 1, lon: 2, miles: 0.4 }, 1)).searchParams.get('DistanceInMiles')).toBe('1');
    expect(new URL(searchUrl({ lat: 1, lon: 2, miles: 12.6 }, 1)).searchParams.get('DistanceInMiles')).toBe('13');
  });
});

describe('the addresses[] shape (v2)', () => {
  const mapped = records('addresses-page.json');

  it('maps an advert to the Vacancies columns', () => {
    expect(mapped[0]).toEqual({
      ok: true,
      record: {
        title: 'Business Administration Apprentice', employer: 'Employer 2000100001',
        location: 'Canterbury, CT1 2AB (and 1 other location)', level: 'Level 3 (Advanced)', wage: '£18,500 a year',
        closing: '2026-03-27', link: 'https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC2000100001',
        posted: '2026-02-26', reference: '2000100001', source: 'Find an apprenticeship',
        starts: '2026-04-27', hours: 37.5, distance: null, national: false,
      },
    });
  });

  it('says National for a national advert with no address', () => {
    expect(mapped[1].ok && mapped[1].record.location).toBe('National');
    expect(mapped[1].ok && mapped[1].record.level).toBe('Level 3 (Advanced)');
  });

  it('falls back sensibly: town line, level name from the number, https-only link, missing posted date', () => {
    const r = mapped[2].ok ? mapped[2].record : null;
    expect(r).toMatchObject({
      title: 'Chef <Commis> Apprentice', location: 'Harbour Road, CT20 1QH', level: 'Level 2 (Intermediate)', wage: '£350 a week',
      link: 'https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC2000100003', posted: TODAY,
    });
  });

  it('keeps a closed advert (the job leaves it out) and rejects one without a closing date', () => {
    expect(mapped[3].ok && mapped[3].record.closing).toBe('2026-02-27');
    expect(mapped[4]).toEqual({ ok: false, reason: expect.stringContaining('closing date') });
    expect(mapped[5].ok && mapped[5].record).toMatchObject({ level: 'Level 6 (Degree)', wage: 'Competitive salary', location: 'Sandwich, CT13 9ND' });
  });
});

describe('the older address + otherAddresses shape', () => {
  const mapped = records('legacy-page.json');

  it('reads the address and counts the other addresses', () => {
    expect(mapped[0].ok && mapped[0].record).toMatchObject({
      title: 'Dental Nurse Apprentice', location: 'Folkestone, CT20 1SQ (and 1 other location)',
      wage: 'National Minimum Wage for your age', reference: '2000200001',
    });
  });

  it('accepts a numeric reference and a monthly custom wage', () => {
    expect(mapped[1].ok && mapped[1].record).toMatchObject({ reference: '2000200002', location: 'Ashford, TN25 4AZ', wage: '£1,450.50 a month' });
  });
});

describe('details', () => {
  it('takes the calendar day of the closing date as written', () => {
    expect(calendarDay('2026-03-20T23:59:59')).toBe('2026-03-20');
    expect(calendarDay('2026-03-20T23:59:59Z')).toBe('2026-03-20');
    expect(calendarDay('2026-02-30T00:00:00')).toBeNull();
    expect(calendarDay('soon')).toBeNull();
    expect(calendarDay(undefined)).toBeNull();
  });

  it.each([
    [{ wageType: 'ApprenticeshipMinimum', wageUnit: 'Annually' }, 'Apprenticeship minimum wage'],
    [{ wageType: 'Custom', wageAmount: 21000, wageUnit: 'Weekly' }, '£21,000 a year'],
    [{ wageType: 'Custom', wageAmount: 21000, wageUnit: 'Unspecified' }, '£21,000 a year'],
    [{ wageType: 'Custom', wageAmount: '7.55', wageUnit: 'Unspecified' }, '£7.55'],
    [{ wageType: 'SomethingNew' }, 'Something New'],
    [null, ''],
  ])('wage %j is "%s"', (wage, words) => {
    expect(wageOf(wage as never)).toBe(words);
  });

  it('rejects a body that is not a list of vacancies', () => {
    expect(parsePage('<html>Service Unavailable</html>')).toBeNull();
    expect(parsePage('{"message":"hello"}')).toBeNull();
    expect(parsePage('{"vacancies":[],"totalPages":0}')).toEqual({ items: [], totalPages: 1 });
  });

  it('explains rejected keys and rate limits', () => {
    expect(httpErrorMessage(401)).toMatch(/rejected the API key/);
    expect(httpErrorMessage(403)).toMatch(/rejected the API key/);
    expect(httpErrorMessage(429)).toMatch(/too many requests.*Wait five minutes/);
    expect(httpErrorMessage(503)).toMatch(/not working at the moment/);
  });
});
