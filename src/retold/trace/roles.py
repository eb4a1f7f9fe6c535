"""Outlet roles: which outlets of a corpus are sources (agencies, wires) and which retell.

In a real corpus some outlets are sources (a news agency's copy is retold by the papers that
subscribe to it) and most retell. A link that neither time nor containment directs (a copy
both ways, one side with no time of day, or both on one day) can then be directed by the
roles of its two outlets, learned from the same corpus: from the links whose direction time or
containment decided, how often each outlet was the source and how often the target. The
engines learn them from the links :func:`retold.trace.resolve.resolve` keeps (links, not
siblings: :func:`retold.trace.resolve.outlet_roles`).

An outlet is a *source outlet* when it was the source in at least :data:`MIN_SHARE` of at
least :data:`MIN_LINKS` decided links with another outlet, a *retelling outlet* when it was
the target in that share. An undecided link is directed from X to Y when X is a source
outlet and Y is not, or Y is a retelling outlet and X is not; the link's evidence is then
``outlets`` and its detail gives the counts. Only links whose two articles name different
outlets (the ``outlet`` field, else the URL's host) are learned from or directed; a link time
or containment decided is never changed.

Pure functions; no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from retold.model import Link

# The least decided links an outlet needs before its role counts, and the share of them on one
# side that makes the role. Chosen so that a wire retold in a few dozen links of a corpus gets
# its role, and an outlet that is the source as often as the target (a paper that breaks some
# stories and retells others) never does: on the benchmark corpus (benchmarks/corpus.py) the
# agencies are the source in all their decided links and the papers in 30-60 %.
MIN_LINKS = 10
MIN_SHARE = 0.9


@dataclass(frozen=True, slots=True)
class Role:
    """How often an outlet was the source and the target of decided links."""

    source: int
    target: int

    @property
    def links(self) -> int:
        return self.source + self.target

    def is_source(self, min_links: int = MIN_LINKS, min_share: float = MIN_SHARE) -> bool:
        return self.links >= min_links and self.source >= min_share * self.links

    def is_target(self, min_links: int = MIN_LINKS, min_share: float = MIN_SHARE) -> bool:
        return self.links >= min_links and self.target >= min_share * self.links


def learn(links: Iterable[Link], outlet: Mapping[str, str | None]) -> dict[str, Role]:
    """Each outlet's role, counted over the decided links between two named, different outlets."""
    as_source: Counter[str] = Counter()
    as_target: Counter[str] = Counter()
    for l in links:
        if not l.decided:
            continue
        s, t = outlet.get(l.source_id), outlet.get(l.target_id)
        if s and t and s != t:
            as_source[s] += 1
            as_target[t] += 1
    return {o: Role(as_source[o], as_target[o]) for o in sorted(set(as_source) | set(as_target))}


def direct(
    links: Iterable[Link],
    outlet: Mapping[str, str | None],
    *,
    roles: Mapping[str, Role] | None = None,
    min_links: int = MIN_LINKS,
    min_share: float = MIN_SHARE,
) -> list[Link]:
    """``links`` with the undecided ones that outlet roles direct given a direction.

    Args:
        links: verified reuse (decided links are returned unchanged).
        outlet: the outlet of each article id (None or missing when the corpus does not say).
        roles: learned roles (None: :func:`learn` from ``links``).
    """
    links = list(links)
    roles = learn(links, outlet) if roles is None else roles
    none = Role(0, 0)
    out = []
    for l in links:
        x, y = outlet.get(l.source_id), outlet.get(l.target_id)
        if l.decided or not x or not y or x == y:
            out.append(l)
            continue
        rx, ry = roles.get(x, none), roles.get(y, none)

        def src(r: Role) -> bool:
            return r.is_source(min_links, min_share)

        def tgt(r: Role) -> bool:
            return r.is_target(min_links, min_share)

        if (src(rx) and not src(ry)) or (tgt(ry) and not tgt(rx)):
            out.append(_directed(l, x, rx, y, ry, flip=False))
        elif (src(ry) and not src(rx)) or (tgt(rx) and not tgt(ry)):
            out.append(_directed(l, y, ry, x, rx, flip=True))
        else:
            out.append(l)
    return out


def _directed(l: Link, source: str, rs: Role, target: str, rt: Role, *, flip: bool) -> Link:
    why = (f"direction from outlet roles: {source} was the source in {rs.source} of "
           f"{rs.links} decided links, {target} in {rt.source} of {rt.links}")
    detail = f"{l.detail}; {why}" if l.detail else why
    if not flip:
        return replace(l, decided=True, evidence="outlets", detail=detail)
    return replace(
        l, source_id=l.target_id, target_id=l.source_id, decided=True, evidence="outlets",
        detail=detail, reuse=l.carried, carried=l.reuse, facts=_flip_facts(l.facts),
        passages=tuple((c, d, a, b, rel) for a, b, c, d, rel in l.passages))


def _flip_facts(facts: tuple[dict[str, Any], ...]) -> tuple[dict[str, Any], ...]:
    # The rows list the old source's facts with what the old target did with each. Turned
    # round, a carried fact is carried, a changed one changed the other way; a dropped one is
    # a fact the new source lacks (not one of its facts), so it goes.
    out = []
    for f in facts:
        if f.get("status") == "carried":
            out.append(f)
        elif f.get("status") == "changed" and f.get("to"):
            out.append({**f, "text": f["to"], "to": f["text"]})
    return tuple(out)
