//! The one public error type: an opaque struct around a private kind.

use std::fmt;

/// What went wrong, as a category a caller can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no article text (empty, white space only, or only noise and instructions).
    EmptyInput,
    /// The input is larger than the configured limit.
    InputTooLarge,
    /// The input is not usable text (for example binary data).
    InvalidInput,
    /// The article is written in a language copydesk has no pack for (German, Spanish…).
    UnsupportedLanguage,
    /// The brief or the options ask for a language other than the article's (a supported
    /// one): translation is out of scope.
    LanguageMismatch,
    /// An option value is out of its range.
    InvalidOption,
    /// A language pack or template could not be loaded (a build defect, never input).
    Internal,
}

/// The error returned by every fallible copydesk call.
///
/// Its message says what is wrong and what to do; [`Error::kind`] gives the category.
#[derive(Debug, Clone, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// The category of the error.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_and_kind_are_kept() {
        let e = Error::new(ErrorKind::EmptyInput, "input is empty: give an article");
        assert_eq!(e.kind(), ErrorKind::EmptyInput);
        assert_eq!(e.to_string(), "input is empty: give an article");
    }
}
