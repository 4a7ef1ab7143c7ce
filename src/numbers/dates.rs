//! Jalali (Solar Hijri) dates: conversion to and from the Gregorian calendar, and dates in
//! running text (`۱۸ فروردین ماه ۱۴۰۲`, `۱۴۰۲/۰۱/۱۸`, `فروردین ۱۴۰۲`).
//!
//! The conversion is exact arithmetic on day numbers. Jalali leap years follow the
//! astronomical calendar as tabulated by its break years (the years where the 33-year leap
//! pattern shifts); the Gregorian side is the proleptic Gregorian calendar.

use crate::chars::digit;

/// A calendar date.
///
/// # Examples
///
/// ```
/// use persian_text::Date;
///
/// let nowruz = Date::new(1402, 1, 1);
/// assert_eq!(nowruz.to_gregorian(), Some(Date::new(2023, 3, 21)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

/// Years where the Jalali 33-year leap cycle is re-anchored (from the astronomical
/// calendar; valid for Jalali years -61..3177).
const BREAKS: [i32; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

impl Date {
    /// A date from its parts (not checked; see [`Date::to_gregorian`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let d = persian_text::Date::new(1402, 1, 18);
    /// assert_eq!((d.year, d.month, d.day), (1402, 1, 18));
    /// ```
    pub const fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// This date, read as Jalali, in the Gregorian calendar; `None` for an invalid Jalali
    /// date or a year outside -61..3177.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Date;
    ///
    /// assert_eq!(Date::new(1402, 1, 18).to_gregorian(), Some(Date::new(2023, 4, 7)));
    /// assert_eq!(Date::new(1399, 12, 30).to_gregorian(), Some(Date::new(2021, 3, 20))); // leap
    /// assert_eq!(Date::new(1400, 12, 30).to_gregorian(), None); // not a leap year
    /// ```
    pub fn to_gregorian(self) -> Option<Date> {
        if !is_valid_jalali(self) {
            return None;
        }
        Some(from_day_number(jalali_to_day_number(self)?))
    }

    /// This date, read as Gregorian, in the Jalali calendar; `None` for an invalid date or
    /// one outside the supported range.
    ///
    /// # Examples
    ///
    /// ```
    /// use persian_text::Date;
    ///
    /// assert_eq!(Date::new(2023, 4, 7).to_jalali(), Some(Date::new(1402, 1, 18)));
    /// assert_eq!(Date::new(2024, 3, 20).to_jalali(), Some(Date::new(1403, 1, 1)));
    /// ```
    pub fn to_jalali(self) -> Option<Date> {
        if !is_valid_gregorian(self) {
            return None;
        }
        day_number_to_jalali(to_day_number(self))
    }
}

/// The Jalali year's position in its leap cycle: (is it leap, the Gregorian year of its
/// Nowruz, the day in March of that Nowruz).
fn jalali_year_info(jy: i32) -> Option<(bool, i32, i32)> {
    if jy < BREAKS[0] || jy >= BREAKS[BREAKS.len() - 1] {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm in &BREAKS[1..] {
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += jump / 33 * 8 + (jump % 33) / 4;
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += n / 33 * 8 + ((n % 33) + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - ((gy / 100 + 1) * 3) / 4 - 150;
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    let mut leap = ((n + 1) % 33 - 1) % 4;
    if leap == -1 {
        leap = 4;
    }
    Some((leap == 0, gy, march))
}

fn jalali_month_length(year: i32, month: u32) -> Option<u32> {
    match month {
        1..=6 => Some(31),
        7..=11 => Some(30),
        12 => Some(if jalali_year_info(year)?.0 { 30 } else { 29 }),
        _ => None,
    }
}

fn is_valid_jalali(d: Date) -> bool {
    jalali_month_length(d.year, d.month).is_some_and(|len| (1..=len).contains(&d.day))
}

fn is_valid_gregorian(d: Date) -> bool {
    let leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    let len = match d.month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 28 + u32::from(leap),
        _ => return false,
    };
    (1..=len).contains(&d.day)
}

/// Days since a fixed epoch for a proleptic Gregorian date (the civil-from-days algorithm:
/// years start in March so the leap day comes last).
fn to_day_number(d: Date) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

fn from_day_number(z: i64) -> Date {
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

fn jalali_to_day_number(d: Date) -> Option<i64> {
    let (_, gy, march) = jalali_year_info(d.year)?;
    let nowruz = to_day_number(Date::new(gy, 3, march as u32));
    let month = i64::from(d.month);
    let before = if month <= 7 {
        (month - 1) * 31
    } else {
        6 * 31 + (month - 7) * 30
    };
    Some(nowruz + before + i64::from(d.day) - 1)
}

fn day_number_to_jalali(z: i64) -> Option<Date> {
    let g = from_day_number(z);
    let mut jy = g.year - 621;
    let (_, gy, march) = jalali_year_info(jy)?;
    let mut nowruz = to_day_number(Date::new(gy, 3, march as u32));
    if z < nowruz {
        jy -= 1;
        let (_, gy, march) = jalali_year_info(jy)?;
        nowruz = to_day_number(Date::new(gy, 3, march as u32));
    }
    let k = z - nowruz;
    let (month, day) = if k < 186 {
        (k / 31 + 1, k % 31 + 1)
    } else {
        ((k - 186) / 30 + 7, (k - 186) % 30 + 1)
    };
    Some(Date::new(jy, month as u32, day as u32))
}

/// Jalali month names, in order.
const JALALI_MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// Gregorian month names as Persian writes them.
const GREGORIAN_MONTHS: [&[&str]; 12] = [
    &["ژانویه", "ژانویهٔ"],
    &["فوریه", "فوریهٔ"],
    &["مارس"],
    &["آوریل"],
    &["مه", "می"],
    &["ژوئن"],
    &["ژوئیه", "جولای"],
    &["اوت", "آگوست"],
    &["سپتامبر"],
    &["اکتبر"],
    &["نوامبر"],
    &["دسامبر"],
];

/// Which calendar a date found in text is in.
///
/// # Examples
///
/// ```
/// use persian_text::{dates, Calendar};
///
/// let d = dates("۷ آوریل ۲۰۲۳").next().unwrap();
/// assert_eq!(d.calendar, Calendar::Gregorian);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Calendar {
    /// Solar Hijri (Jalali).
    Jalali,
    /// Gregorian.
    Gregorian,
}

/// A date found in text.
///
/// # Examples
///
/// ```
/// let d = persian_text::dates("شامگاه جمعه (۱۸ فروردین ماه ۱۴۰۲)").next().unwrap();
/// assert_eq!(d.text, "۱۸ فروردین ماه ۱۴۰۲");
/// assert_eq!(d.date, persian_text::Date::new(1402, 1, 18));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FoundDate<'a> {
    /// The date as written, a slice of the input.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub start: usize,
    /// The date (day 1 when only a month and year are written).
    pub date: Date,
    /// Its calendar.
    pub calendar: Calendar,
}

/// Finds dates in `text`: `۱۸ فروردین ماه ۱۴۰۲`, `فروردین ۱۴۰۲`, `۱۴۰۲/۰۱/۱۸`, and Gregorian
/// dates with Persian month names (`۷ آوریل ۲۰۲۳`).
///
/// # Examples
///
/// ```
/// use persian_text::{dates, Date};
///
/// let found: Vec<Date> = dates("از ۱۴۰۲/۰۱/۱۸ تا اردیبهشت ۱۴۰۲").map(|d| d.date).collect();
/// assert_eq!(found, [Date::new(1402, 1, 18), Date::new(1402, 2, 1)]);
/// assert_eq!(found[0].to_gregorian(), Some(Date::new(2023, 4, 7)));
/// ```
pub fn dates(text: &str) -> impl Iterator<Item = FoundDate<'_>> + '_ {
    let words: Vec<(usize, &str)> = text
        .split_inclusive([' ', '\u{00A0}', '(', ')', '،', '\n'])
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            let word =
                piece.trim_end_matches([' ', '\u{00A0}', '(', ')', '،', '\n', '.', ':', '؛']);
            let lead = word.len() - word.trim_start_matches(['(', '«']).len();
            Some((start + lead, &word[lead..]))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if let Some((len, date, calendar)) = date_at(&words[k..]) {
            let (start, _) = words[k];
            let (last_start, last) = words[k + len - 1];
            let end = last_start + last.len();
            out.push(FoundDate {
                text: &text[start..end],
                start,
                date,
                calendar,
            });
            k += len;
        } else {
            k += 1;
        }
    }
    out.into_iter()
}

/// Digits in any script as a number.
fn int(word: &str) -> Option<i32> {
    let mut v: i32 = 0;
    for c in word.chars() {
        v = v.checked_mul(10)?.checked_add(digit(c)?.0 as i32)?;
    }
    (!word.is_empty()).then_some(v)
}

/// A date starting at the first of `words`: (words it takes, the date, its calendar).
fn date_at(words: &[(usize, &str)]) -> Option<(usize, Date, Calendar)> {
    let w = |k: usize| words.get(k).map(|&(_, w)| w);
    // ۱۴۰۲/۰۱/۱۸
    let parts: Vec<&str> = w(0)?.split(['/', '-']).collect();
    if parts.len() == 3 {
        let (y, m, d) = (int(parts[0])?, int(parts[1])? as u32, int(parts[2])? as u32);
        let date = Date::new(y, m, d);
        if (1200..=1500).contains(&y) && is_valid_jalali(date) {
            return Some((1, date, Calendar::Jalali));
        }
        if (1800..=2200).contains(&y) && is_valid_gregorian(date) {
            return Some((1, date, Calendar::Gregorian));
        }
        return None;
    }
    // [day] month [ماه] year
    let (day, at) = match int(w(0)?) {
        Some(d) if (1..=31).contains(&d) => (Some(d as u32), 1),
        Some(_) => return None,
        None => (None, 0),
    };
    let month_word = w(at)?;
    let (month, calendar) = if let Some(m) = JALALI_MONTHS.iter().position(|m| *m == month_word) {
        (m as u32 + 1, Calendar::Jalali)
    } else if let Some(m) = GREGORIAN_MONTHS
        .iter()
        .position(|names| names.contains(&month_word))
    {
        (m as u32 + 1, Calendar::Gregorian)
    } else {
        return None;
    };
    let mut next = at + 1;
    if w(next) == Some("ماه") {
        next += 1;
    }
    let year = w(next).and_then(int)?;
    let date = Date::new(year, month, day.unwrap_or(1));
    let valid = match calendar {
        Calendar::Jalali => (1000..=1600).contains(&year) && is_valid_jalali(date),
        Calendar::Gregorian => (1000..=2500).contains(&year) && is_valid_gregorian(date),
    };
    // A month name alone with a year and no day is a date only for Jalali months: `مه`
    // and `می` are also words.
    (valid && (day.is_some() || calendar == Calendar::Jalali)).then_some((next + 1, date, calendar))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_pairs() {
        let pairs = [
            ((1402, 1, 18), (2023, 4, 7)),
            ((1402, 1, 1), (2023, 3, 21)),
            ((1403, 1, 1), (2024, 3, 20)),
            ((1399, 12, 30), (2021, 3, 20)),
            ((1403, 12, 30), (2025, 3, 20)),
            ((1357, 11, 22), (1979, 2, 11)),
            ((1300, 1, 1), (1921, 3, 21)),
            ((1, 1, 1), (622, 3, 22)),
            ((1500, 1, 1), (2121, 3, 21)),
        ];
        for ((jy, jm, jd), (gy, gm, gd)) in pairs {
            let j = Date::new(jy, jm, jd);
            let g = Date::new(gy, gm, gd);
            assert_eq!(j.to_gregorian(), Some(g), "{j:?}");
            assert_eq!(g.to_jalali(), Some(j), "{g:?}");
        }
    }

    #[test]
    fn round_trip_every_day_over_centuries() {
        let mut g = Date::new(1700, 1, 1);
        let end = to_day_number(Date::new(2400, 1, 1));
        let mut z = to_day_number(g);
        while z < end {
            let j = g.to_jalali().expect("in range");
            assert_eq!(j.to_gregorian(), Some(g), "{g:?} -> {j:?}");
            z += 1;
            g = from_day_number(z);
        }
    }

    #[test]
    fn leap_years() {
        let leap: Vec<i32> = (1390..1410)
            .filter(|&y| jalali_year_info(y).unwrap().0)
            .collect();
        assert_eq!(leap, [1391, 1395, 1399, 1403, 1408]);
    }

    #[test]
    fn found_in_text() {
        let text = "شامگاه جمعه (۱۸ فروردین ماه ۱۴۰۲) و ۱۴۰۲/۰۱/۱۸ و ۷ آوریل ۲۰۲۳ و ماه می سال";
        let found: Vec<(&str, Date)> = dates(text).map(|d| (d.text, d.date)).collect();
        assert_eq!(
            found,
            [
                ("۱۸ فروردین ماه ۱۴۰۲", Date::new(1402, 1, 18)),
                ("۱۴۰۲/۰۱/۱۸", Date::new(1402, 1, 18)),
                ("۷ آوریل ۲۰۲۳", Date::new(2023, 4, 7)),
            ]
        );
    }
}
