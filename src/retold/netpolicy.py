"""Which network addresses retold may fetch from: the one private-address policy.

The CLI (``compare``, ``--batch``) and the web app fetch user-given URLs; a URL whose host
resolves to a loopback, private, link-local or otherwise non-public address would let a user
reach services behind the machine (server-side request forgery). Every fetch asks
``refusal(address)`` about each address its host resolves to, and connects only to an
address that passed (``retold.read.fetch_url`` pins the connection to it).

The stdlib's ``is_global`` misses addresses that carry a private IPv4 address inside a public
looking IPv6 one (6to4 ``2002:a9fe:a9fe::`` is 169.254.169.254, the cloud metadata service;
Teredo; NAT64 ``64:ff9b::``), and older Pythons count all of ``192.0.0.0/24`` as global; so the
embedded addresses are unwrapped and checked too, and the IANA special-purpose ranges that are
not globally reachable are listed here explicitly.
"""

from __future__ import annotations

import ipaddress

__all__ = ["is_public_address", "refusal"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# IANA special-purpose registries, entries not "globally reachable" (plus the deprecated 6to4
# relay anycast and site-local IPv6), checked beside the stdlib's properties.
_NOT_PUBLIC = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    "::/128", "::1/128", "::/96", "100::/64", "64:ff9b:1::/48", "2001::/23", "2001:db8::/32",
    "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_TEREDO = ipaddress.ip_network("2001::/32")


def _embedded(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64)."""
    out: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped is not None:
        out.append(ip.ipv4_mapped)
    if ip.sixtofour is not None:
        out.append(ip.sixtofour)
    if ip.teredo is not None:
        out.extend(ip.teredo)  # (server, client)
    if ip in _NAT64:
        out.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return out


def refusal(address: str | IPAddress) -> str | None:
    """Say why ``address`` is not a public address to fetch from, or return None if it is.

    Args:
        address: an IPv4 or IPv6 address (an IPv6 zone such as ``%eth0`` is ignored).

    Examples:
        >>> refusal("93.184.215.14") is None
        True
        >>> refusal("2002:a9fe:a9fe::")
        '2002:a9fe:a9fe:: carries 169.254.169.254, a link-local address'
        >>> refusal("not an address")
        "'not an address' is not an IP address"
    """
    try:
        ip = (address if isinstance(address, ipaddress.IPv4Address | ipaddress.IPv6Address)
              else ipaddress.ip_address(str(address).split("%", 1)[0]))
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        for inner in _embedded(ip):
            why = refusal(inner)
            if why is not None:
                return f"{ip} carries {inner}, {why.split(' is ', 1)[-1]}"
        if ip in _TEREDO:
            return f"{ip} is a Teredo tunnel address"
    kind = _kind(ip)
    return None if kind is None else f"{ip} is {kind}"


def _kind(ip: IPAddress) -> str | None:
    """Name the non-public class of an address, or None for a public one."""
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_unspecified, "the unspecified address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local, "a site-local address"),
        (any(ip in net for net in _NOT_PUBLIC if net.version == ip.version),
         "a special-purpose (non-public) address"),
        (not ip.is_global, "not a globally routable address"),
    )
    return next((label for hit, label in checks if hit), None)


def is_public_address(address: str | IPAddress) -> bool:
    """Tell whether retold may fetch from ``address`` (see ``refusal`` for why not)."""
    return refusal(address) is None
