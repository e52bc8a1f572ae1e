//! Calendar arithmetic in UTC, enough for the daytime line and HTTP's `Date` header.
//!
//! Time on the wire is counted in seconds since 1970-01-01 00:00:00 UTC (the Unix epoch).
//! Turning that into a date is the proleptic Gregorian calendar (Howard Hinnant's
//! `civil_from_days`); no time zone is involved because both protocols speak UTC.

/// Days from 1858-11-17 (day 0 of the Modified Julian Date) to 1970-01-01.
const MJD_OF_UNIX_EPOCH: i64 = 40_587;

/// A moment in UTC, split into calendar fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Whole days since 1970-01-01.
    pub days_since_epoch: i64,
}

impl UtcTime {
    /// The calendar fields of `secs` seconds after the Unix epoch (negative is before).
    pub fn from_unix(secs: i64) -> UtcTime {
        let days = secs.div_euclid(86_400);
        let of_day = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        UtcTime {
            year,
            month,
            day,
            hour: (of_day / 3600) as u32,
            minute: (of_day / 60 % 60) as u32,
            second: (of_day % 60) as u32,
            days_since_epoch: days,
        }
    }

    /// Now, by the system clock.
    pub fn now() -> UtcTime {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            // A clock set before 1970 is broken; say 1970 rather than fail.
            .unwrap_or(0);
        UtcTime::from_unix(secs)
    }

    /// The Modified Julian Date: days since 1858-11-17, the first field of NIST's line.
    pub fn mjd(&self) -> i64 {
        self.days_since_epoch + MJD_OF_UNIX_EPOCH
    }

    /// 0 for Sunday through 6 for Saturday (1970-01-01 was a Thursday).
    pub fn weekday(&self) -> u32 {
        (self.days_since_epoch + 4).rem_euclid(7) as u32
    }

    /// The IMF-fixdate HTTP uses: `Sun, 06 Nov 1994 08:49:37 GMT`.
    pub fn http_date(&self) -> String {
        const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!(
            "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
            DAYS[self.weekday() as usize],
            self.day,
            MONTHS[(self.month - 1) as usize],
            self.year,
            self.hour,
            self.minute,
            self.second
        )
    }
}

/// Year, month (1–12) and day (1–31) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Shift the epoch to 0000-03-01 so that leap days fall at the end of each year.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days since 1970-01-01 of a calendar date (the inverse of [`civil_from_days`]).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The day of the month of the `nth` (1-based) Sunday of a month.
fn nth_sunday(year: i64, month: u32, nth: u32) -> u32 {
    let first = days_from_civil(year, month, 1);
    let weekday_of_first = (first + 4).rem_euclid(7) as u32;
    let first_sunday = 1 + (7 - weekday_of_first) % 7;
    first_sunday + 7 * (nth - 1)
}

/// The day of the month of the last Sunday of a 31-day month.
fn last_sunday_of_31_day_month(year: i64, month: u32) -> u32 {
    let last = days_from_civil(year, month, 31);
    31 - (last + 4).rem_euclid(7) as u32
}

/// The dates (month, day) on which the US starts and ends daylight saving time.
///
/// Since 2007: second Sunday in March to first Sunday in November; 1987 to 2006: first
/// Sunday in April to last Sunday in October. Earlier rules are not modelled.
pub fn us_dst_dates(year: i64) -> ((u32, u32), (u32, u32)) {
    if year >= 2007 {
        ((3, nth_sunday(year, 3, 2)), (11, nth_sunday(year, 11, 1)))
    } else {
        (
            (4, nth_sunday(year, 4, 1)),
            (10, last_sunday_of_31_day_month(year, 10)),
        )
    }
}

/// NIST's `TT` field: whether the US is on standard (00) or daylight saving time (50).
///
/// In the month of a change it counts down at 0000 UTC each day: towards daylight time
/// it is 50 + the days left and reaches 51 on the day of the change; towards standard
/// time it is the days left and reaches 1 on the day. The lecture's sample line
/// (`54169 07-03-10 ... 52`) is the day before DST began on 2007-03-11.
pub fn us_dst_code(year: i64, month: u32, day: u32) -> u32 {
    let ((start_month, start_day), (end_month, end_day)) = us_dst_dates(year);
    if month == start_month {
        if day <= start_day {
            51 + (start_day - day)
        } else {
            50
        }
    } else if month == end_month {
        if day <= end_day {
            1 + (end_day - day)
        } else {
            0
        }
    } else if month > start_month && month < end_month {
        50
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_round_trip() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        for days in [-800_000, -1, 0, 59, 365, 11_016, 13_582, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(days_from_civil(2000, 2, 29)), (2000, 2, 29));
    }

    #[test]
    fn http_date_matches_rfc_example() {
        // RFC 9110's example: Sun, 06 Nov 1994 08:49:37 GMT is 784111777.
        assert_eq!(
            UtcTime::from_unix(784_111_777).http_date(),
            "Sun, 06 Nov 1994 08:49:37 GMT"
        );
    }

    #[test]
    fn dst_dates() {
        assert_eq!(us_dst_dates(2007), ((3, 11), (11, 4)));
        assert_eq!(us_dst_dates(2024), ((3, 10), (11, 3)));
        assert_eq!(us_dst_dates(2004), ((4, 4), (10, 31)));
        assert_eq!(us_dst_code(2024, 1, 15), 0);
        assert_eq!(us_dst_code(2024, 7, 4), 50);
        assert_eq!(us_dst_code(2024, 3, 10), 51);
        assert_eq!(us_dst_code(2024, 3, 11), 50);
        assert_eq!(us_dst_code(2024, 11, 1), 3);
        assert_eq!(us_dst_code(2024, 11, 3), 1);
        assert_eq!(us_dst_code(2024, 11, 4), 0);
        assert_eq!(us_dst_code(2024, 12, 25), 0);
    }
}
