//! Whole numbers as JSON writes them: an integer, or a float with nothing after the point
//! (`4.0`), within a range, refused in words for people ("expected a whole number from
//! 0 to 4, found 4.5"). Used by the file format and by `Level`'s own reading, so its own
//! module: neither needs the other for it.

/// A whole number from `min` to `max`, written as an integer or as a float with
/// nothing after the point; or, when `null_is_none`, `null`.
pub(crate) struct WholeNumber {
    pub(crate) min: u64,
    pub(crate) max: u64,
    pub(crate) null_is_none: bool,
}

impl WholeNumber {
    fn expected(&self) -> String {
        if self.max == u64::MAX {
            format!("expected a whole number of at least {}", self.min)
        } else {
            format!("expected a whole number from {} to {}", self.min, self.max)
        }
    }

    fn refuse<E: serde::de::Error>(&self, found: impl std::fmt::Display) -> E {
        E::custom(format_args!("{}, found {found}", self.expected()))
    }

    fn in_range<E: serde::de::Error>(&self, value: u64) -> Result<Option<u64>, E> {
        if (self.min..=self.max).contains(&value) {
            Ok(Some(value))
        } else {
            Err(self.refuse(value))
        }
    }
}

impl<'de> serde::de::Visitor<'de> for WholeNumber {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.expected())
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.in_range(v)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match u64::try_from(v) {
            Ok(v) => self.in_range(v),
            Err(_) => Err(self.refuse(v)),
        }
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Exact below 2^53; every limit of the format is.
        if v.fract() == 0.0 && v >= 0.0 && v <= self.max as f64 {
            self.in_range(v as u64)
        } else {
            Err(self.refuse(v))
        }
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Err(self.refuse(format_args!("the text \"{v}\"")))
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Err(self.refuse(v))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        if self.null_is_none {
            Ok(None)
        } else {
            Err(self.refuse("null"))
        }
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(self.refuse("a list"))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(self.refuse("an object"))
    }
}

pub(crate) fn whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    min: u64,
    max: u64,
) -> Result<u64, D::Error> {
    deserializer
        .deserialize_any(WholeNumber {
            min,
            max,
            null_is_none: false,
        })
        .map(Option::unwrap_or_default)
}
