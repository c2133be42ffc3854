//! Dates of the dataset, kept at the precision the source gives ("2019", "2019-05",
//! "2019-05-14"): a milestone known to the month must not be shown as the 1st of the month.

use std::fmt;

/// Why a text is not a date (said in words by `crate::diagnostics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Shape,
    /// A month that is not 1 to 12.
    NoMonth(u16),
    /// A day that the month does not have.
    NoDay {
        /// The number of days of that month.
        days: u8,
    },
}

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    /// The year, as its four digits read (0 to 9999: a date is not held to the 1900-2100 of a
    /// Year).
    pub year: i32,
    /// The month, 1 to 12; `None` for a date known only to the year.
    pub month: Option<u8>,
    /// The day of the month, checked to exist in that month; `None` for a date known only to the
    /// month or the year (a day never comes without a month).
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = matches!(parts.len(), 1..=3)
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !widths_ok {
            return Err(DateError::Shape);
        }
        let number = |p: &str| p.parse::<u16>().map_err(|_| DateError::Shape);
        let year = i32::from(number(parts[0])?);
        let month = parts.get(1).map(|p| number(p)).transpose()?;
        let day = parts.get(2).map(|p| number(p)).transpose()?;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::NoMonth(m));
            }
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m as u8);
            if d == 0 || d > u16::from(last) {
                return Err(DateError::NoDay { days: last });
            }
        }
        Ok(Date {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }

    /// Compares two dates at the precision they share: "2024" and "2024-03" are equal here,
    /// so milestones known only to the year may stand next to more precise ones in any order.
    pub fn cmp_shared_precision(&self, other: &Date) -> std::cmp::Ordering {
        let key = |d: &Date, with_month: bool, with_day: bool| {
            (
                d.year,
                if with_month { d.month } else { None },
                if with_day { d.day } else { None },
            )
        };
        let with_month = self.month.is_some() && other.month.is_some();
        let with_day = with_month && self.day.is_some() && other.day.is_some();
        key(self, with_month, with_day).cmp(&key(other, with_month, with_day))
    }
}

/// The number of days of `month` (1-12) of `year`, in the Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    /// Writes the date back in its ISO form and precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn keeps_precision() {
        let d = Date::parse("2019-05").unwrap();
        assert_eq!((d.year, d.month, d.day), (2019, Some(5), None));
        assert_eq!(d.to_string(), "2019-05");
        assert_eq!(Date::parse("2016-08-25").unwrap().to_string(), "2016-08-25");
        assert_eq!(Date::parse("2023").unwrap().to_string(), "2023");
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert_eq!(Date::parse("2023-13-01"), Err(DateError::NoMonth(13)));
        assert_eq!(
            Date::parse("2023-02-29"),
            Err(DateError::NoDay { days: 28 })
        );
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2000-02-29").is_ok());
        for bad in [
            "",
            "23",
            "2023-1",
            "2023-01-1",
            "2023/01/01",
            "2023-01-01T00",
            "abcd",
            "+202",
        ] {
            assert!(Date::parse(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn compares_at_shared_precision() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(
            d("2024").cmp_shared_precision(&d("2024-03")),
            Ordering::Equal
        );
        assert_eq!(
            d("2024-03-01").cmp_shared_precision(&d("2024-03")),
            Ordering::Equal
        );
        assert_eq!(
            d("2023-09").cmp_shared_precision(&d("2024")),
            Ordering::Less
        );
        assert_eq!(
            d("2023-03-23").cmp_shared_precision(&d("2023-03-17")),
            Ordering::Greater
        );
    }
}
