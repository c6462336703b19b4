//! Catalog locales: BCP 47 tags of the form `language[-Script][-REGION]`, normalized to
//! their canonical case (`es-MX`, `zh-Hant-TW`), and the lookup fallback chain
//! (RFC 4647: drop the last subtag until one matches, then the catalog's default).

use std::collections::BTreeMap;

use haven_platform::config::is_locale;

/// A normalized locale tag.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Locale(String);

impl Locale {
    /// The tag in canonical case, or `None` when it is not of the catalog's shape.
    pub fn parse(tag: &str) -> Option<Self> {
        if !is_locale(tag) {
            return None;
        }
        let parts: Vec<String> = tag
            .split('-')
            .enumerate()
            .map(|(i, p)| match (i, p.len()) {
                (0, _) => p.to_ascii_lowercase(),
                (_, 4) => {
                    let mut s = p.to_ascii_lowercase();
                    s[..1].make_ascii_uppercase();
                    s
                }
                _ => p.to_ascii_uppercase(),
            })
            .collect();
        Some(Self(parts.join("-")))
    }

    /// The tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// This tag, then each shorter prefix (`zh-Hant-TW`, `zh-Hant`, `zh`), then
    /// `default` when it is not already in the chain.
    pub fn chain(&self, default: &Locale) -> Vec<Locale> {
        let mut chain = vec![self.clone()];
        let mut tag = self.0.as_str();
        while let Some((shorter, _)) = tag.rsplit_once('-') {
            chain.push(Self(shorter.to_owned()));
            tag = shorter;
        }
        if !chain.contains(default) {
            chain.push(default.clone());
        }
        chain
    }

    /// The first locale of the chain present in `texts`, with its value.
    pub fn pick<'a, T>(
        &self,
        default: &Locale,
        texts: &'a BTreeMap<Locale, T>,
    ) -> Option<(&'a Locale, &'a T)> {
        self.chain(default)
            .iter()
            .find_map(|l| texts.get_key_value(l))
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(tag: &str) -> Locale {
        Locale::parse(tag).unwrap()
    }

    #[test]
    fn tags_are_normalized_to_canonical_case() {
        assert_eq!(l("ES-mx").as_str(), "es-MX");
        assert_eq!(l("zh-hant-tw").as_str(), "zh-Hant-TW");
        assert_eq!(l("es-419").as_str(), "es-419");
        assert!(Locale::parse("english").is_none());
    }

    #[test]
    fn the_chain_drops_subtags_then_ends_at_the_default() {
        let en = l("en");
        let chain: Vec<String> = l("zh-Hant-TW")
            .chain(&en)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(chain, ["zh-Hant-TW", "zh-Hant", "zh", "en"]);
        assert_eq!(l("en-GB").chain(&en), vec![l("en-GB"), l("en")]);
    }

    #[test]
    fn pick_takes_the_most_specific_present() {
        let texts = BTreeMap::from([(l("en"), 1), (l("es"), 2)]);
        assert_eq!(l("es-MX").pick(&l("en"), &texts), Some((&l("es"), &2)));
        assert_eq!(l("fr").pick(&l("en"), &texts), Some((&l("en"), &1)));
        let none: BTreeMap<Locale, i32> = BTreeMap::from([(l("de"), 3)]);
        assert_eq!(l("fr").pick(&l("en"), &none), None);
    }
}
