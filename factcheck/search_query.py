"""The search query language, read into a tree.

Words are joined by AND; `OR` between two parts; `NOT word` or `-word` leaves claims out;
"quoted phrases" match words in that order; a trailing `*` matches any ending (`mobili*`).
Parentheses group. A malformed query is a `UsageError` that says what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.errors import UsageError
from factcheck.terms import fold, words


@dataclass(frozen=True)
class Word:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Word | Phrase | Not | And | Or

_TOKEN = re.compile(
    r'\s*(?:(?P<open>\()|(?P<close>\))|"(?P<phrase>[^"]*)"|(?P<quote>")'
    r"|(?P<word>[^\s()\"]+))"
)


def parse_query(text: str) -> Node:
    """The query as a tree; a `UsageError` that says what is wrong when it is malformed."""
    text = text.replace("“", '"').replace("”", '"').replace("„", '"')
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        kind = m.lastgroup or ""
        if kind == "quote":
            raise UsageError('query has an opening " without a closing one')
        tokens.append((kind, m.group(kind) or ""))
    if not tokens:
        raise UsageError("empty query; give a word to look for")
    parser = _Parser(tokens)
    node = parser.query()
    if parser.pos < len(tokens):
        raise UsageError(f"query: unexpected '{tokens[parser.pos][1] or ')'}'")
    _needs_something_to_find(node)
    return node


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def query(self) -> Node:
        parts = [self.conjunction()]
        while (tok := self.peek()) and tok == ("word", "OR"):
            self.pos += 1
            if self.peek() is None or self.peek() == ("close", ")"):
                raise UsageError("query: OR needs a word on both sides")
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def conjunction(self) -> Node:
        parts: list[Node] = []
        while (tok := self.peek()) and tok != ("close", ")") and tok != ("word", "OR"):
            if tok == ("word", "AND"):
                self.pos += 1
                after = self.peek()
                if not parts or after is None or after in (("close", ")"), ("word", "OR")):
                    raise UsageError("query: AND needs a word on both sides")
                continue
            parts.append(self.unary())
        if not parts:
            tok = self.peek()
            if tok == ("close", ")"):
                raise UsageError("query: a ')' has no '('")
            raise UsageError("query: OR needs a word on both sides")
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        kind, value = self.tokens[self.pos]
        if (kind, value) == ("word", "NOT"):
            self.pos += 1
            if self.peek() is None or self.peek() in (("close", ")"), ("word", "OR")):
                raise UsageError("query: NOT needs a word after it")
            return Not(self.unary())
        if kind == "word" and value.startswith("-") and len(value) > 1:
            self.pos += 1
            return Not(_word(value[1:]))
        return self.atom()

    def atom(self) -> Node:
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "open":
            if self.peek() == ("close", ")"):
                raise UsageError("query: empty parentheses")
            node = self.query()
            if self.peek() != ("close", ")"):
                raise UsageError("query: a '(' is not closed")
            self.pos += 1
            return node
        if kind == "close":
            raise UsageError("query: a ')' has no '('")
        if kind == "phrase":
            found = tuple(m.group() for m in words(value))
            if not found:
                raise UsageError('query: an empty "phrase"')
            return Phrase(found) if len(found) > 1 else Word(found[0])
        return _word(value)


def _word(value: str) -> Word:
    prefix = value.endswith("*")
    stem = value.rstrip("*")
    if "*" in stem:
        raise UsageError(f"query: '{value}': a * may only end a word")
    found = [m.group() for m in words(stem)]
    if not found:
        raise UsageError(f"query: '{value}' has no letters or digits to look for")
    if prefix and len(fold(found[-1])) < 2:
        raise UsageError(f"query: '{value}': give at least two letters before the *")
    if len(found) > 1:  # `Citizen.Army.Law` or `e-mail`: the parts as a phrase
        if prefix:
            raise UsageError(f"query: '{value}': a * may only end a single word")
        return Word(" ".join(found))
    return Word(found[0], prefix)


def _needs_something_to_find(node: Node) -> None:
    if isinstance(node, Not):
        raise UsageError(
            "query: NOT needs something to look for beside it ('mobilisation NOT partial')"
        )
    if isinstance(node, And) and all(isinstance(n, Not) for n in node.nodes):
        raise UsageError("query: NOT needs something to look for beside it")
    if isinstance(node, And | Or):
        for child in node.nodes:
            if not isinstance(child, Not):
                _needs_something_to_find(child)
