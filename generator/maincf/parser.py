"""Parser for any main.cf or types file: text -> (:class:`Config`, diagnostics).

Accepts ``include``, ``cluster``/``system``/``group`` blocks, resources, type definitions (with
``static``/``temp`` declarations and ``NameRule``), localized ``@system`` values, resource
dependencies (also ``requires atleast N of { ... }``) and group dependencies. ``remotecluster``
and ``heartbeat`` blocks (global clusters) are read and reported as not modelled. A syntax error
is reported with its line and column and parsing resumes at the next top-level statement, so one
run reports every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.core.diagnostics import Diagnostic, Severity, sort_diagnostics
from generator.maincf.lexer import Token, tokenize
from generator.maincf.tree import (
    Assoc,
    Attr,
    AttrDecl,
    Cluster,
    Config,
    Group,
    GroupDep,
    Include,
    Items,
    Pos,
    Resource,
    ResourceDep,
    Scalar,
    System,
    TypeDef,
    Value,
)

TOP_LEVEL = {"include", "cluster", "system", "group", "type", "remotecluster", "heartbeat"}
BASE_TYPES = {"str", "int", "boolean", "float"}


class _Syntax(Exception):
    def __init__(self, token: Token, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


@dataclass
class _State:
    config: Config = field(default_factory=Config)
    group: Group | None = None
    groups: list[Group] = field(default_factory=list)
    notes: list[tuple[Pos, str, str, Severity]] = field(default_factory=list)

    def flush(self) -> None:
        if self.group is not None:
            self.groups.append(self.group)
            self.group = None


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self, n: int = 0) -> Token:
        return self.tokens[min(self.i + n, len(self.tokens) - 1)]

    def next(self) -> Token:
        tok = self.peek()
        self.i = min(self.i + 1, len(self.tokens) - 1)
        return tok

    def expect(self, kind: str, what: str) -> Token:
        tok = self.peek()
        if tok.kind != kind:
            found = "end of file" if tok.kind == "eof" else repr(tok.text)
            raise _Syntax(tok, f"expected {what}, found {found}")
        return self.next()

    def name(self, what: str) -> Token:
        tok = self.peek()
        if tok.kind not in ("word", "string"):
            self.expect("word", what)
        return self.next()

    def value(self) -> Value:
        tok = self.peek()
        if tok.kind in ("word", "string"):
            return Scalar(self.next().text)
        if tok.kind != "{":
            raise _Syntax(tok, f"expected a value, found {tok.text or 'end of file'!r}")
        self.next()
        keys: list[tuple[str, str | None]] = []
        assoc = False
        while self.peek().kind != "}":
            key = self.name("a list item or '}'").text
            val = None
            if self.peek().kind == "=":
                self.next()
                val = self.name("a value after '='").text
                assoc = True
            keys.append((key, val))
            if self.peek().kind == ",":
                self.next()
        self.next()
        return Assoc(tuple(keys)) if assoc else Items(tuple(k for k, _ in keys))

    def attrs(self) -> tuple[Attr, ...]:
        """``( Name [@sys] = value ... )``; the block is optional."""
        if self.peek().kind != "(":
            return ()
        self.next()
        out: list[Attr] = []
        while self.peek().kind != ")":
            tok = self.expect("word", "an attribute name or ')'")
            if tok.text in TOP_LEVEL and tok.pos.col == 1:
                raise _Syntax(tok, f"missing ')' before '{tok.text}' (the block above is not closed)")
            system = None
            if self.peek().kind == "@":
                self.next()
                system = self.name("a system name after '@'").text
            self.expect("=", "'='")
            out.append(Attr(tok.text, self.value(), system, tok.pos))
        self.next()
        return tuple(out)

    def type_decls(self) -> tuple[tuple[AttrDecl, ...], str | None]:
        self.expect("(", "'('")
        decls: list[AttrDecl] = []
        name_rule = None
        while self.peek().kind != ")":
            first = self.peek()
            if first.text == "NameRule" and self.peek(1).kind == "=":
                self.i += 2
                name_rule = self.name("a NameRule value").text
                continue
            decls.append(self.decl())
        self.next()
        return tuple(decls), name_rule

    def decl(self) -> AttrDecl:
        start = self.peek()
        static = temp = False
        while self.peek().text in ("static", "temp") and self.peek().kind == "word":
            static = static or self.peek().text == "static"
            temp = temp or self.peek().text == "temp"
            self.next()
        kind = self.expect("word", "an attribute type (str, int, boolean, float, keylist)")
        if kind.text not in BASE_TYPES | {"keylist"}:
            raise _Syntax(kind, f"unknown attribute type {kind.text!r} (str, int, boolean, float or keylist)")
        name = self.expect("word", "an attribute name")
        dim = "keylist" if kind.text == "keylist" else "scalar"
        for opener, closer, d in (("[", "]", "vector"), ("{", "}", "association")):
            if self.peek().kind == opener and self.peek(1).kind == closer:
                self.i += 2
                dim = d
        default = None
        if self.peek().kind == "=":
            self.next()
            default = self.value()
        base = "str" if kind.text == "keylist" else kind.text
        return AttrDecl(name.text, base, dim, static, temp, default, start.pos)


def _group_dep(p: _Parser, start: Token) -> GroupDep:
    child = p.name("a group name after 'requires group'").text
    words: list[str] = []
    while p.peek().kind == "word" and p.peek().text in ("online", "offline", "local", "global", "remote",
                                                      "soft", "firm", "hard"):
        words.append(p.next().text)
    if len(words) not in (2, 3) or words[0] not in ("online", "offline"):
        raise _Syntax(start, "expected 'requires group G online|offline "
                             "local|global|remote [soft|firm|hard]'")
    return GroupDep(child, words[0], words[1], words[2] if len(words) == 3 else None, start.pos)


def _resource_dep(p: _Parser, parent: Token) -> ResourceDep:
    p.next()  # requires
    if p.peek().text == "atleast" and p.peek(1).kind == "word" and p.peek(1).text.isdigit():
        p.next()
        count = int(p.next().text)
        if p.peek().text == "of":
            p.next()
        value = p.value()
        children = value.items if isinstance(value, Items) else tuple(getattr(value, "keys", lambda: [])())
        return ResourceDep(parent.text, tuple(children), count, parent.pos)
    child = p.name("a resource name after 'requires'")
    return ResourceDep(parent.text, (child.text,), None, parent.pos)


def _in_group(st: _State, tok: Token, what: str) -> Group:
    if st.group is None:
        raise _Syntax(tok, f"{what} outside a group")
    return st.group


def _block_statement(p: _Parser, st: _State, tok: Token, word: str) -> None:
    """``cluster``, ``system``, ``group``, ``remotecluster`` or ``heartbeat`` with its attributes."""
    p.next()
    name = p.name(f"a {word} name")
    attrs = p.attrs()
    if word == "cluster":
        st.config = replace(st.config, cluster=Cluster(name.text, attrs, name.pos))
    elif word == "system":
        st.config = replace(st.config, systems=st.config.systems + (System(name.text, attrs, name.pos),))
    elif word == "group":
        st.flush()
        st.group = Group(name.text, attrs, pos=name.pos)
    else:
        st.notes.append((tok.pos, "VCS002", f"{word} {name.text!r} is not modelled by this tool; ignored",
                         Severity.WARNING))


def _statement(p: _Parser, st: _State) -> None:
    tok = p.peek()
    word = tok.text if tok.kind == "word" else ""
    if word == "include":
        p.next()
        path = p.expect("string", "a quoted file name after 'include'")
        st.config = replace(st.config, includes=st.config.includes + (Include(path.text, tok.pos),))
    elif word in ("cluster", "system", "group", "remotecluster", "heartbeat"):
        _block_statement(p, st, tok, word)
    elif word == "type":
        p.next()
        name = p.expect("word", "a type name")
        decls, rule = p.type_decls()
        st.config = replace(st.config, types=st.config.types + (TypeDef(name.text, decls, rule, name.pos),))
    elif word == "requires" and p.peek(1).text == "group":
        p.i += 2
        g = _in_group(st, tok, "'requires group'")
        st.group = replace(g, group_deps=g.group_deps + (_group_dep(p, tok),))
    elif tok.kind == "word" and p.peek(1).text == "requires":
        p.next()
        g = _in_group(st, tok, "a resource dependency")
        st.group = replace(g, resource_deps=g.resource_deps + (_resource_dep(p, tok),))
    elif tok.kind == "word" and p.peek(1).kind in ("word", "string") and p.peek(2).kind == "(":
        p.next()
        name = p.name("a resource name")
        g = _in_group(st, tok, f"resource {name.text!r}")
        st.group = replace(g, resources=g.resources + (Resource(tok.text, name.text, p.attrs(), tok.pos),))
    else:
        found = "end of file" if tok.kind == "eof" else repr(tok.text)
        raise _Syntax(tok, f"expected include, cluster, system, group, type, a resource or a dependency; "
                           f"found {found}")


def _recover(p: _Parser, failed_at: int) -> None:
    """Skip to the next top-level keyword that starts a line (after the failing token)."""
    p.i = failed_at + 1
    while p.peek().kind != "eof":
        tok = p.peek()
        prev = p.tokens[p.i - 1] if p.i else None
        if tok.kind == "word" and tok.text in TOP_LEVEL and (prev is None or prev.pos.line < tok.pos.line):
            return
        p.next()


def parse(text: str, file: str = "main.cf") -> tuple[Config, list[Diagnostic]]:
    """Parse main.cf text; syntax problems come back as VCS001 diagnostics located in ``file``."""
    lexed = tokenize(text)
    diags = [Diagnostic(file, pos.line, pos.col, Severity.ERROR, "VCS001", msg)
             for pos, msg in lexed.problems]
    p = _Parser(lexed.tokens)
    st = _State(Config(header=lexed.header))
    while p.peek().kind != "eof":
        start = p.i
        try:
            _statement(p, st)
        except _Syntax as exc:
            diags.append(Diagnostic(file, exc.token.pos.line, exc.token.pos.col, Severity.ERROR, "VCS001",
                                    exc.message))
            _recover(p, start)
    st.flush()
    for pos, rule, msg, sev in st.notes:
        diags.append(Diagnostic(file, pos.line, pos.col, sev, rule, msg))
    return replace(st.config, groups=tuple(st.groups)), sort_diagnostics(diags)
