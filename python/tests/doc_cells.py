"""The tested code blocks of the docs: fenced blocks whose info string carries `tested=<name>`.

A block opened with ```python tested=notebook belongs to the `notebook` cells. GitHub shows it as plain Python (it
reads only the first word of the info string), and the suite runs it as it stands, with only the substitutions a
test names (which must occur in the block: a substitution that matches nothing fails, so docs cannot drift away from
what is run).
"""
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
QUICKSTART = REPO / "docs" / "quickstart.md"
_FENCE = re.compile(r"^```(\w+) tested=([\w-]+)\n(.*?)^```$", re.M | re.S)


@dataclass(frozen=True)
class Cell:
    language: str
    code: str


def cells(name, doc=QUICKSTART):
    """The blocks tagged `tested=<name>` in the doc, in order; at least one."""
    found = [Cell(lang, code) for lang, tag, code in _FENCE.findall(doc.read_text()) if tag == name]
    if not found:
        raise AssertionError(f"{doc.name} has no block tagged tested={name}")
    return found


def substitute(code, replacements):
    """`code` with each key of `replacements` replaced; every key must occur."""
    for old, new in replacements.items():
        if old not in code:
            raise AssertionError(f"the docs no longer contain {old!r}: update the test with them\n{code}")
        code = code.replace(old, new)
    return code


def substitute_present(code, replacements):
    """Like `substitute`, for replacements that apply to some blocks only (such as paths)."""
    for old, new in replacements.items():
        code = code.replace(old, new)
    return code
