//! Apple's signed data (JWS, compact form): ES256 over the header and payload, signed by
//! the leaf of the header's `x5c` chain (leaf, intermediate, root). The leaf must be
//! signed by the intermediate and the intermediate by one of the configured roots, each
//! certificate valid now, the intermediate a CA, and both carrying Apple's marker
//! extensions (so a developer certificate under the same root cannot sign
//! notifications). Mirrors Apple's `SignedDataVerifier` (app-store-server-library).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;
use x509_parser::certificate::X509Certificate;
use x509_parser::pem::Pem;
use x509_parser::prelude::{ASN1Time, FromDer};

/// Apple Root CA - G3 (https://www.apple.com/certificateauthority/AppleRootCA-G3.cer),
/// SHA-256 63:34:3A:BF:B8:9A:6A:03:EB:B5:7E:9B:3F:5F:A7:BE:7C:4F:5C:75:6F:30:17:B3:A8:C4:
/// 88:C3:65:3E:91:79, the default trust anchor.
pub const APPLE_ROOT_CA_G3_PEM: &str = include_str!("../../../certs/AppleRootCA-G3.pem");

/// Extension marking Apple's App Store receipt-signing leaf certificates.
pub const LEAF_MARKER_OID: &str = "1.2.840.113635.100.6.11.1";
/// Extension marking Apple's Worldwide Developer Relations intermediate.
pub const INTERMEDIATE_MARKER_OID: &str = "1.2.840.113635.100.6.2.1";

/// Why signed data was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JwsError {
    /// Not a compact JWS with a readable header and an `x5c` of three certificates.
    #[error("malformed signed data")]
    Malformed,
    /// The header's `alg` is not ES256.
    #[error("algorithm not allowed")]
    Algorithm,
    /// The chain does not lead to a configured root, or a certificate lacks its marker.
    #[error("untrusted certificate chain")]
    Untrusted,
    /// A certificate of the chain is outside its validity window.
    #[error("certificate not valid now")]
    Expired,
    /// The signature does not verify with the leaf's key.
    #[error("bad signature")]
    Signature,
}

/// The trusted roots, as DER.
#[derive(Debug, Clone, Default)]
pub struct Roots(Vec<Vec<u8>>);

impl Roots {
    /// Every certificate of `pem` (one or more PEM blocks); an error names what is wrong.
    pub fn from_pem(pem: &str) -> Result<Self, String> {
        let mut roots = Vec::new();
        for block in Pem::iter_from_buffer(pem.as_bytes()) {
            let block = block.map_err(|e| format!("unreadable PEM: {e}"))?;
            X509Certificate::from_der(&block.contents)
                .map_err(|e| format!("unreadable certificate: {e}"))?;
            roots.push(block.contents);
        }
        if roots.is_empty() {
            return Err("no certificate in the PEM".into());
        }
        Ok(Self(roots))
    }
}

fn parse(der: &[u8]) -> Result<X509Certificate<'_>, JwsError> {
    match X509Certificate::from_der(der) {
        Ok(([], cert)) => Ok(cert),
        _ => Err(JwsError::Malformed),
    }
}

fn has_extension(cert: &X509Certificate<'_>, oid: &str) -> bool {
    cert.extensions()
        .iter()
        .any(|e| e.oid.to_id_string() == oid)
}

fn valid_at(cert: &X509Certificate<'_>, now: ASN1Time) -> Result<(), JwsError> {
    if cert.validity().is_valid_at(now) {
        Ok(())
    } else {
        Err(JwsError::Expired)
    }
}

/// Checks the chain `x5c` (base64 DER, leaf first) at `now_s` (Unix seconds); the leaf's
/// SEC1 public key.
fn verified_leaf_key(x5c: &[String], roots: &Roots, now_s: i64) -> Result<Vec<u8>, JwsError> {
    let [leaf, intermediate, _root] = x5c else {
        return Err(JwsError::Malformed);
    };
    let leaf_der = STANDARD.decode(leaf).map_err(|_| JwsError::Malformed)?;
    let intermediate_der = STANDARD
        .decode(intermediate)
        .map_err(|_| JwsError::Malformed)?;
    let leaf = parse(&leaf_der)?;
    let intermediate = parse(&intermediate_der)?;
    let now = ASN1Time::from_timestamp(now_s).map_err(|_| JwsError::Expired)?;
    // The x5c's own root is not trusted: the intermediate must be signed by a configured one.
    let root = roots
        .0
        .iter()
        .filter_map(|der| parse(der).ok())
        .find(|root| {
            root.subject() == intermediate.issuer()
                && intermediate
                    .verify_signature(Some(root.public_key()))
                    .is_ok()
        })
        .ok_or(JwsError::Untrusted)?;
    if !intermediate.is_ca()
        || leaf
            .verify_signature(Some(intermediate.public_key()))
            .is_err()
        || leaf.issuer() != intermediate.subject()
        || !has_extension(&leaf, LEAF_MARKER_OID)
        || !has_extension(&intermediate, INTERMEDIATE_MARKER_OID)
    {
        return Err(JwsError::Untrusted);
    }
    for cert in [&leaf, &intermediate, &root] {
        valid_at(cert, now)?;
    }
    Ok(leaf.public_key().subject_public_key.data.to_vec())
}

/// Verifies `jws` and returns its payload.
pub fn verify(jws: &str, roots: &Roots, now_s: i64) -> Result<Value, JwsError> {
    let header = jsonwebtoken::decode_header(jws).map_err(|_| JwsError::Malformed)?;
    if header.alg != Algorithm::ES256 {
        return Err(JwsError::Algorithm);
    }
    let x5c = header.x5c.ok_or(JwsError::Malformed)?;
    let key = verified_leaf_key(&x5c, roots, now_s)?;
    let mut validation = Validation::new(Algorithm::ES256);
    // Apple's signed data has no exp/aud; time is checked on the certificates.
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.validate_aud = false;
    let data = jsonwebtoken::decode::<Value>(jws, &DecodingKey::from_ec_der(&key), &validation)
        .map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::InvalidSignature
            | jsonwebtoken::errors::ErrorKind::InvalidEcdsaKey
            | jsonwebtoken::errors::ErrorKind::InvalidKeyFormat => JwsError::Signature,
            jsonwebtoken::errors::ErrorKind::InvalidAlgorithm => JwsError::Algorithm,
            _ => JwsError::Malformed,
        })?;
    if data.claims.is_object() {
        Ok(data.claims)
    } else {
        Err(JwsError::Malformed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_root_is_apples_g3() {
        let roots = Roots::from_pem(APPLE_ROOT_CA_G3_PEM).unwrap();
        assert_eq!(roots.0.len(), 1);
        let digest = <sha2::Sha256 as sha2::Digest>::digest(&roots.0[0]);
        let hex: Vec<String> = digest.iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(
            hex.join(":"),
            "63:34:3A:BF:B8:9A:6A:03:EB:B5:7E:9B:3F:5F:A7:BE:7C:4F:5C:75:6F:30:17:B3:A8:C4:88:C3:65:3E:91:79"
        );
        let cert = parse(&roots.0[0]).unwrap();
        assert!(cert.subject().to_string().contains("Apple Root CA - G3"));
    }

    #[test]
    fn junk_is_malformed() {
        let roots = Roots::from_pem(APPLE_ROOT_CA_G3_PEM).unwrap();
        assert_eq!(verify("a.b.c", &roots, 0), Err(JwsError::Malformed));
        assert_eq!(verify("", &roots, 0), Err(JwsError::Malformed));
        assert!(Roots::from_pem("nothing").is_err());
    }
}
