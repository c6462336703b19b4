//! The client's IP address behind trusted load balancers (`server.trusted_proxies`), for
//! per-IP rate limits and the coarse address shown in session lists.

use std::net::IpAddr;
use std::sync::Arc;

use ipnet::IpNet;
use poem::web::RemoteAddr;
use poem::{FromRequest, Request, RequestBody};

/// The proxies whose `X-Forwarded-For` entries are believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses IP addresses (`10.0.0.7`) and CIDR networks (`10.0.0.0/8`, `fd00::/8`).
    pub fn parse(entries: &[String]) -> Result<Self, String> {
        entries
            .iter()
            .map(|e| {
                let e = e.trim();
                e.parse::<IpNet>()
                    .or_else(|_| e.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| {
                        format!("{e:?} is not an IP address or CIDR network, e.g. 10.0.0.0/8")
                    })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client of a request from `peer` carrying `forwarded_for` (the
    /// `X-Forwarded-For` values, in order): walking the chain from the nearest hop, the
    /// first address that is not a trusted proxy. Entries a client could have forged
    /// (those left of the first untrusted hop) are never believed.
    pub fn client_of(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let mut client = canonical(peer);
        if !self.trusts(client) {
            return client;
        }
        for hop in forwarded_for.iter().rev().flat_map(|v| v.rsplit(',')) {
            let Ok(ip) = hop.trim().parse::<IpAddr>() else {
                // An unparsable hop ends what can be believed; keep the last good one.
                return client;
            };
            client = canonical(ip);
            if !self.trusts(client) {
                return client;
            }
        }
        client
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`, from dual-stack sockets) as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        IpAddr::V4(_) => ip,
    }
}

/// The requesting client's IP address (see [`TrustedProxies::client_of`]); `None` when the
/// connection has no IP peer (e.g. in-process test clients without an address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub Option<IpAddr>);

impl ClientIp {
    /// The key a per-IP limit counts: the address, or `unknown`.
    pub fn key(&self) -> String {
        self.0
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }

    /// The network the address belongs to, coarse enough not to identify a household:
    /// IPv4 `/24` (`203.0.113.0/24`), IPv6 `/48`.
    pub fn coarse(&self) -> Option<String> {
        self.0.map(|ip| {
            let prefix = if ip.is_ipv4() { 24 } else { 48 };
            // The prefix is within range for the address family, so this cannot fail.
            IpNet::new(ip, prefix).map_or_else(|_| ip.to_string(), |net| net.trunc().to_string())
        })
    }
}

impl<'a> FromRequest<'a> for ClientIp {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let peer = match req.remote_addr() {
            RemoteAddr(poem::Addr::SocketAddr(addr)) => addr.ip(),
            _ => return Ok(Self(None)),
        };
        let Some(proxies) = req.extensions().get::<Arc<TrustedProxies>>() else {
            return Ok(Self(Some(canonical(peer))));
        };
        let forwarded: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        Ok(Self(Some(proxies.client_of(peer, &forwarded))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(entries: &[&str]) -> TrustedProxies {
        TrustedProxies::parse(&entries.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>()).unwrap()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client_of(ip("198.51.100.7"), &["1.2.3.4"]),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_nearest_untrusted_hop_is_the_client() {
        let lb = proxies(&["10.0.0.0/8"]);
        assert_eq!(
            lb.client_of(ip("10.0.0.5"), &["6.6.6.6, 203.0.113.9", "10.1.2.3"]),
            ip("203.0.113.9"),
            "the forged leftmost entry is not believed"
        );
        assert_eq!(lb.client_of(ip("10.0.0.5"), &[]), ip("10.0.0.5"));
        assert_eq!(
            lb.client_of(ip("10.0.0.5"), &["garbage, 10.0.0.9"]),
            ip("10.0.0.9")
        );
        assert_eq!(
            lb.client_of(ip("192.0.2.1"), &["203.0.113.9"]),
            ip("192.0.2.1"),
            "an untrusted peer's header is ignored"
        );
    }

    #[test]
    fn single_addresses_and_mapped_ipv6_are_understood() {
        let lb = proxies(&["192.0.2.10", "fd00::/8"]);
        assert_eq!(
            lb.client_of(ip("::ffff:192.0.2.10"), &["198.51.100.1"]),
            ip("198.51.100.1")
        );
        assert_eq!(
            lb.client_of(ip("fd00::1"), &["2001:db8::5"]),
            ip("2001:db8::5")
        );
        assert!(TrustedProxies::parse(&["10.0.0.0/33".to_owned()]).is_err());
        assert!(TrustedProxies::parse(&["proxy.internal".to_owned()]).is_err());
    }

    #[test]
    fn coarse_addresses_hide_the_host_part() {
        assert_eq!(
            ClientIp(Some(ip("203.0.113.77"))).coarse().unwrap(),
            "203.0.113.0/24"
        );
        assert_eq!(
            ClientIp(Some(ip("2001:db8:1234:5678::1")))
                .coarse()
                .unwrap(),
            "2001:db8:1234::/48"
        );
        assert_eq!(ClientIp(None).coarse(), None);
        assert_eq!(ClientIp(None).key(), "unknown");
    }
}
