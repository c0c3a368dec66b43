#!/usr/bin/env python3
"""Writes news_cases.tsv and news_absolute_cases.tsv: dates as news and history write
them, with the interval and precision each must resolve to, computed here with Python's
datetime, calendar and dateutil (independently of chronicle's C++), by the rules the
README states: a date without a year or week goes the way its sentence points (past,
future), else to the nearer candidate (ties to the past); "N units ago" is the unit
(TimeML: "two years ago" in 2013 is 2011); parts of the day are morning 06-12, afternoon
12-18, evening 18-22, night 20-24; seasons are northern (winter from December); thirds
("early", "mid", "late", "the beginning/middle/end of") cut the interval in three.

usage: python3 tests/dates/make_news_cases.py   (rewrites the two files beside it)
"""
import calendar
import datetime as dt
import os

from dateutil.easter import easter

D = dt.date
T = dt.datetime
DAY = dt.timedelta(days=1)


def iso(t):
    if isinstance(t, dt.datetime):
        return t.strftime('%Y-%m-%dT%H:%M:%SZ')
    return t.strftime('%Y-%m-%dT00:00:00Z')


def as_dt(d):
    return T(d.year, d.month, d.day)


rows = []        # relative: text, ref, from, to, precision, flags, direction
absolute = []    # text, from, to, precision, flags


def rel(text, ref, frm, to, precision, flags='-', direction=''):
    row = [text, ref.isoformat(), iso(frm), iso(to), precision, flags]
    if direction:
        row.append(direction)
    rows.append(row)


def absrow(text, frm, to, precision, flags='-'):
    absolute.append([text, iso(frm), iso(to), precision, flags])


def choose(ref, past, future, direction):
    if direction == 'past':
        return past
    if direction == 'future':
        return future
    return past if (ref - past) <= (future - ref) else future


def month_day_candidates(ref, m, d):
    def on(y):
        try:
            return D(y, m, d)
        except ValueError:
            return None
    y = ref.year
    past = on(y) if on(y) and on(y) <= ref else None
    k = y - 1
    while past is None:
        past = on(k)
        k -= 1
    fut = on(y) if on(y) and on(y) > ref else None
    k = y + 1
    while fut is None:
        fut = on(k)
        k += 1
    return past, fut


REFS = [D(2024, 11, 15), D(2013, 3, 22), D(2024, 3, 22), D(2021, 1, 1), D(2023, 7, 4), D(2020, 2, 29)]

# 1. Month and day without a year (abbreviated with periods, or in full), every way.
for text, m, d in [('Aug. 7', 8, 7), ('Sept. 30', 9, 30), ('Jan. 2', 1, 2), ('Dec. 31', 12, 31),
                   ('Feb. 14', 2, 14), ('April 7', 4, 7), ('the 7th of April', 4, 7), ('11 November', 11, 11)]:
    for ref in REFS[:4]:
        past, fut = month_day_candidates(ref, m, d)
        for direction in ('', 'past', 'future'):
            day = choose(ref, past, fut, direction or 'nearest')
            rel(text, ref, day, day + DAY, 'day', '-', direction)

# 2. A month alone: the one around the reference, else the nearer (a past month from its end).
def month_interval(y, m):
    return D(y, m, 1), (D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1))

for text, m in [('December', 12), ('in March', 3), ('October', 10), ('July', 7)]:
    for ref in REFS:
        if m == ref.month:
            f, t = month_interval(ref.year, m)
            rel(text, ref, f, t, 'month')
            continue
        py = ref.year if D(ref.year, m, 1) <= ref else ref.year - 1
        fy = py + 1
        past_end = D(py, m, calendar.monthrange(py, m)[1])
        fut_start = D(fy, m, 1)
        y = py if (ref - past_end) <= (fut_start - ref) else fy
        f, t = month_interval(y, m)
        rel(text, ref, f, t, 'month')
for ref in REFS[:3]:
    # "last October": the October before the reference's month; "next January": after it.
    y = ref.year - 1 if 10 >= ref.month else ref.year
    f, t = month_interval(y, 10)
    rel('last October', ref, f, t, 'month')
    y = ref.year + 1 if 1 <= ref.month else ref.year
    f, t = month_interval(y, 1)
    rel('next January', ref, f, t, 'month')
    f, t = month_interval(ref.year, 6)
    rel('this June', ref, f, t, 'month')

# 3. Weekdays, every way; a part of the day; a time.
NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
for ref in [D(2024, 11, 15), D(2013, 3, 20)]:
    for wd, name in enumerate(NAMES):
        back = (ref.weekday() - wd) % 7
        ahead = (wd - ref.weekday()) % 7
        past, fut = ref - back * DAY, ref + ahead * DAY
        for direction in ('', 'past', 'future'):
            day = choose(ref, past, fut, direction or 'nearest')
            rel(name if wd % 2 else 'on ' + name, ref, day, day + DAY, 'day', '-', direction)
        last = ref - (back or 7) * DAY
        rel('last ' + name, ref, last, last + DAY, 'day')
        nxt = ref + (ahead or 7) * DAY
        rel('next ' + name, ref, nxt, nxt + DAY, 'day')

PARTS = {'morning': (6, 12), 'afternoon': (12, 18), 'evening': (18, 22), 'night': (20, 24)}
ref = D(2013, 3, 22)
for name, part in [('Friday', 'night'), ('Tuesday', 'morning'), ('Monday', 'afternoon'), ('Sunday', 'evening')]:
    wd = NAMES.index(name)
    for direction in ('past', 'future'):
        back, ahead = (ref.weekday() - wd) % 7, (wd - ref.weekday()) % 7
        day = choose(ref, ref - back * DAY, ref + ahead * DAY, direction)
        h1, h2 = PARTS[part]
        rel(f'{name} {part}', ref, as_dt(day) + dt.timedelta(hours=h1), as_dt(day) + dt.timedelta(hours=h2), 'day', 'a',
            direction)
for text, offset, part in [('yesterday morning', -1, 'morning'), ('tonight', 0, 'night'), ('last night', -1, 'night'),
                           ('this morning', 0, 'morning'), ('tomorrow afternoon', 1, 'afternoon'),
                           ('this evening', 0, 'evening')]:
    day = ref + offset * DAY
    h1, h2 = PARTS[part]
    rel(text, ref, as_dt(day) + dt.timedelta(hours=h1), as_dt(day) + dt.timedelta(hours=h2), 'day', 'a')
# A time on the reference day (UTC): its minute, or its hour for "9 pm".
for text, hh, mm, prec, zone in [('18:00 UTC', 18, 0, 'minute', 0), ('8:30 a.m. EDT', 8, 30, 'minute', -4),
                                 ('noon', 12, 0, 'minute', 0), ('midnight', 0, 0, 'minute', 0),
                                 ('at 3 p.m.', 15, 0, 'hour', 0), ('10:30', 10, 30, 'minute', 0),
                                 ('9 pm', 21, 0, 'hour', 0), ('6:15 p.m. PST', 18, 15, 'minute', -8)]:
    start = as_dt(ref) + dt.timedelta(hours=hh, minutes=mm) - dt.timedelta(hours=zone)
    rel(text, ref, start, start + (dt.timedelta(minutes=1) if prec == 'minute' else dt.timedelta(hours=1)), prec)
fri = D(2013, 3, 22)
for direction in ('past', 'future'):
    day = fri - 4 * DAY if direction == 'past' else fri + 3 * DAY  # Monday before, Monday after
    start = as_dt(day) + dt.timedelta(hours=15)
    rel('Monday at 3 p.m.', fri, start, start + dt.timedelta(hours=1), 'hour', '-', direction)

# 4. Weekends (Saturday and Sunday).
for ref in [D(2024, 11, 15), D(2024, 11, 17), D(2024, 11, 12)]:
    sat = ref - dt.timedelta(days=ref.weekday()) + 5 * DAY
    rel('this weekend', ref, sat, sat + 2 * DAY, 'day', 'a')
    rel('last weekend', ref, sat - 7 * DAY, sat - 5 * DAY, 'day', 'a')
    rel('next weekend', ref, sat + 7 * DAY, sat + 9 * DAY, 'day', 'a')

# 5. Against the story's last date.
ref = D(2024, 11, 15)
def week_of(d):
    monday = d - d.weekday() * DAY
    return monday, monday + 7 * DAY
for text, frm, to, prec in [
        ('the day before', ref - DAY, ref, 'day'), ('the day after', ref + DAY, ref + 2 * DAY, 'day'),
        ('the next day', ref + DAY, ref + 2 * DAY, 'day'), ('the following day', ref + DAY, ref + 2 * DAY, 'day'),
        ('the previous day', ref - DAY, ref, 'day'), ('that day', ref, ref + DAY, 'day'),
        ('the same day', ref, ref + DAY, 'day'),
        ('the day before yesterday', ref - 2 * DAY, ref - DAY, 'day'),
        ('the day after tomorrow', ref + 2 * DAY, ref + 3 * DAY, 'day'),
        ('the week before', *week_of(ref - 7 * DAY), 'week'), ('the following week', *week_of(ref + 7 * DAY), 'week'),
        ('that week', *week_of(ref), 'week'),
        ('the month before', D(2024, 10, 1), D(2024, 11, 1), 'month'),
        ('the following month', D(2024, 12, 1), D(2025, 1, 1), 'month'),
        ('that month', D(2024, 11, 1), D(2024, 12, 1), 'month'),
        ('the year before', D(2023, 1, 1), D(2024, 1, 1), 'year'),
        ('the following year', D(2025, 1, 1), D(2026, 1, 1), 'year'),
        ('that year', D(2024, 1, 1), D(2025, 1, 1), 'year'),
        ('a week earlier', *week_of(ref - 7 * DAY), 'week'), ('a week later', *week_of(ref + 7 * DAY), 'week'),
        ('two days later', ref + 2 * DAY, ref + 3 * DAY, 'day'),
        ('three days earlier', ref - 3 * DAY, ref - 2 * DAY, 'day'),
        ('a month later', D(2024, 12, 1), D(2025, 1, 1), 'month'),
        ('a year earlier', D(2023, 1, 1), D(2024, 1, 1), 'year')]:
    rel(text, ref, frm, to, prec)

# 6. N units ago, at the unit's precision (TimeML).
for ref in [D(2013, 3, 22), D(2024, 1, 15)]:
    rel('two years ago', ref, D(ref.year - 2, 1, 1), D(ref.year - 1, 1, 1), 'year')
    rel('a year ago', ref, D(ref.year - 1, 1, 1), D(ref.year, 1, 1), 'year')
    mo = ref.year * 12 + ref.month - 1 - 3
    rel('three months ago', ref, D(mo // 12, mo % 12 + 1, 1),
        D((mo + 1) // 12, (mo + 1) % 12 + 1, 1), 'month')
    rel('two weeks ago', ref, *week_of(ref - 14 * DAY), 'week')
    rel('5 days ago', ref, ref - 5 * DAY, ref - 4 * DAY, 'day')

# 7. Seasons: northern, winter from December into the next year.
def season(name, y):
    m = {'spring': 3, 'summer': 6, 'fall': 9, 'autumn': 9, 'winter': 12}[name]
    return D(y, m, 1), (D(y + 1, 3, 1) if m == 12 else D(y, m + 3, 1))
for ref in [D(2024, 11, 15), D(2024, 1, 20), D(2024, 7, 4)]:
    for name in ['spring', 'summer', 'fall', 'winter']:
        cands = [season(name, y) for y in range(ref.year - 2, ref.year + 2)]
        started = [c for c in cands if c[0] <= ref]
        last = started[-1]
        nxt = [c for c in cands if c[0] > ref][0]
        inside = ref < last[1]
        rel('last ' + name, ref, *(season(name, last[0].year - 1) if inside else last), 'season')
        rel('next ' + name, ref, *nxt, 'season')
        this = season(name, ref.year - 1) if name == 'winter' and ref.month <= 2 else season(name, ref.year)
        rel('this ' + name, ref, *this, 'season')
        if inside:
            pick = last
        else:
            pick = last if (ref - last[1]) <= (nxt[0] - ref) else nxt
        rel('the ' + name, ref, *pick, 'season')

# 8. Thirds of relative dates.
def third(frm, to, part):
    a, b = as_dt(frm), as_dt(to)
    span = int((b - a).total_seconds())
    if part == 'early':
        return a, a + dt.timedelta(seconds=span // 3)
    if part == 'mid':
        f = a + dt.timedelta(seconds=span // 3)
        return f, f + dt.timedelta(seconds=span // 3)
    return a + dt.timedelta(seconds=2 * span // 3), b
ref = D(2024, 11, 15)
for text, base, part, prec in [
        ('early December', (D(2024, 12, 1), D(2025, 1, 1)), 'early', 'month'),
        ('mid-March', (D(2025, 3, 1), D(2025, 4, 1)), 'mid', 'month'),
        ('late last year', (D(2023, 1, 1), D(2024, 1, 1)), 'late', 'year'),
        ('early this year', (D(2024, 1, 1), D(2025, 1, 1)), 'early', 'year'),
        ('the end of the month', (D(2024, 11, 1), D(2024, 12, 1)), 'late', 'month'),
        ('the beginning of next year', (D(2025, 1, 1), D(2026, 1, 1)), 'early', 'year'),
        ('late this month', (D(2024, 11, 1), D(2024, 12, 1)), 'late', 'month'),
        ('the middle of next month', (D(2024, 12, 1), D(2025, 1, 1)), 'mid', 'month')]:
    frm, to = third(*base, part)
    rel(text, ref, frm, to, prec, 'a')

# 9. Halves and quarters.
for text, frm, to in [('the first half of last year', D(2023, 1, 1), D(2023, 7, 1)),
                      ('the second half', D(2024, 7, 1), D(2025, 1, 1)),
                      ('the fourth quarter', D(2024, 10, 1), D(2025, 1, 1)),
                      ('the first quarter of next year', D(2025, 1, 1), D(2025, 4, 1)),
                      ('last quarter', D(2024, 7, 1), D(2024, 10, 1)),
                      ('this quarter', D(2024, 10, 1), D(2025, 1, 1)),
                      ('next quarter', D(2025, 1, 1), D(2025, 4, 1))]:
    rel(text, ref, frm, to, 'quarter')

# 10. Decades of the reference's century.
for text, ref, y in [("the '70s", D(2024, 11, 15), 1970), ('the 90s', D(2013, 3, 22), 1990),
                     ("the '20s", D(2024, 11, 15), 2020), ("the '30s", D(2024, 11, 15), 1930)]:
    rel(text, ref, D(y, 1, 1), D(y + 10, 1, 1), 'decade')

# 11. Holidays without a year, every way.
def thanksgiving(y):
    c = calendar.Calendar().monthdatescalendar(y, 11)
    thursdays = [d for wk in c for d in wk if d.weekday() == 3 and d.month == 11]
    return thursdays[3]
def labor_day(y):
    return [D(y, 9, d) for d in range(1, 8) if D(y, 9, d).weekday() == 0][0]
def memorial_day(y):
    last = D(y, 5, 31)
    return last - dt.timedelta(days=last.weekday())
HOL = {'Christmas': lambda y: D(y, 12, 25), "New Year's Day": lambda y: D(y, 1, 1),
       'Independence Day': lambda y: D(y, 7, 4), 'Thanksgiving': thanksgiving, 'Easter': easter,
       'Halloween': lambda y: D(y, 10, 31), 'Labor Day': labor_day, 'Memorial Day': memorial_day}
for ref in [D(2024, 11, 15), D(2013, 3, 22)]:
    for name, f in HOL.items():
        before = f(ref.year) if f(ref.year) <= ref else f(ref.year - 1)
        after = f(ref.year) if f(ref.year) >= ref else f(ref.year + 1)
        for direction in ('', 'past', 'future'):
            day = choose(ref, before, after, direction or 'nearest')
            rel(name, ref, day, day + DAY, 'day', '-', direction)
    last = f(ref.year - 1) if False else None
    lc = HOL['Christmas'](ref.year) if HOL['Christmas'](ref.year) < ref else HOL['Christmas'](ref.year - 1)
    rel('last Christmas', ref, lc, lc + DAY, 'day')
    nt = thanksgiving(ref.year) if thanksgiving(ref.year) > ref else thanksgiving(ref.year + 1)
    rel('next Thanksgiving', ref, nt, nt + DAY, 'day')
    rel('this Easter', ref, easter(ref.year), easter(ref.year) + DAY, 'day')

# Absolute: no reference needed.
for text, frm, to, prec, flags in [
        ('Aug. 7, 2015', D(2015, 8, 7), D(2015, 8, 8), 'day', '-'),
        ('Sept. 30, 2012', D(2012, 9, 30), D(2012, 10, 1), 'day', '-'),
        ('Jan. 2 2020', D(2020, 1, 2), D(2020, 1, 3), 'day', '-'),
        ('the 1920s', D(1920, 1, 1), D(1930, 1, 1), 'decade', '-'),
        ('the 1800s', D(1800, 1, 1), D(1900, 1, 1), 'century', '-'),
        ('the first half of 2010', D(2010, 1, 1), D(2010, 7, 1), 'quarter', '-'),
        ('the second half of 1999', D(1999, 7, 1), D(2000, 1, 1), 'quarter', '-'),
        ('the fourth quarter of 2005', D(2005, 10, 1), D(2006, 1, 1), 'quarter', '-'),
        ('the 2nd quarter of 2019', D(2019, 4, 1), D(2019, 7, 1), 'quarter', '-'),
        ('Christmas 2012', D(2012, 12, 25), D(2012, 12, 26), 'day', '-'),
        ("New Year's Day 2020", D(2020, 1, 1), D(2020, 1, 2), 'day', '-'),
        ('Thanksgiving 1963', thanksgiving(1963), thanksgiving(1963) + DAY, 'day', '-'),
        ('Easter 2024', easter(2024), easter(2024) + DAY, 'day', '-'),
        ('Easter 2000', easter(2000), easter(2000) + DAY, 'day', '-'),
        ('Easter 1818', easter(1818), easter(1818) + DAY, 'day', '-'),
        ('Labor Day 2021', labor_day(2021), labor_day(2021) + DAY, 'day', '-'),
        ('Memorial Day 2022', memorial_day(2022), memorial_day(2022) + DAY, 'day', '-'),
        ('Independence Day 1776', D(1776, 7, 4), D(1776, 7, 5), 'day', '-'),
        ('Halloween 2019', D(2019, 10, 31), D(2019, 11, 1), 'day', '-')]:
    absrow(text, frm, to, prec, flags)
for text, base, part, prec in [('the end of 2012', (D(2012, 1, 1), D(2013, 1, 1)), 'late', 'year'),
                               ('the beginning of 2013', (D(2013, 1, 1), D(2014, 1, 1)), 'early', 'year'),
                               ('the middle of June 2020', (D(2020, 6, 1), D(2020, 7, 1)), 'mid', 'month')]:
    absrow(text, *third(*base, part), prec, 'a')
for text, start, prec in [('Jan 4 2025 8am', T(2025, 1, 4, 8), 'hour'),
                          ('Jan 4 2025 6:40pm', T(2025, 1, 4, 18, 40), 'minute'),
                          ('4 January 2025 8:30 a.m. EDT', T(2025, 1, 4, 12, 30), 'minute'),
                          ('Nov 11 2024 noon', T(2024, 11, 11, 12), 'minute'),
                          ('14 July 2015 6:15 p.m. CEST', T(2015, 7, 14, 16, 15), 'minute')]:
    absrow(text, start, start + (dt.timedelta(hours=1) if prec == 'hour' else dt.timedelta(minutes=1)), prec)
absrow('2016W213', D(2016, 5, 25), D(2016, 5, 26), 'day')
absrow('2016W21', D(2016, 5, 23), D(2016, 5, 30), 'week')

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'news_cases.tsv'), 'w') as f:
    f.write('# written by make_news_cases.py: text\treference day\tfrom\tto\tprecision\tflags\t[direction]\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
with open(os.path.join(here, 'news_absolute_cases.tsv'), 'w') as f:
    f.write('# written by make_news_cases.py: text\tfrom\tto\tprecision\tflags\n')
    for r in absolute:
        f.write('\t'.join(r) + '\n')
print(len(rows), 'relative rows,', len(absolute), 'absolute rows')
