"""Name the secretary or deputy in branch.yaml by editing only the one line that holds the role."""

from __future__ import annotations

import re
from pathlib import Path

from ..base.atomic import write_text_atomic
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.yamlio import YamlDoc, parse_yaml_text

ROLES = ("secretary", "deputy")
_EMPTY_VALUE = re.compile(r"(?P<space>[ \t]*)(?P<comment>#.*)?(?P<end>\r?\n)?$")


def assign_role(root: Path, role: str, member_id: str) -> Path:
    """Set ``committee: <role>:`` to ``member_id`` when empty; the rest stays byte-identical."""
    path, text, (line, col) = check_role_free(root, role)
    lines = text.splitlines(keepends=True)
    lines[line - 1] = _filled(lines[line - 1], col - 1 + len(role) + 1, member_id)
    write_text_atomic(path, "".join(lines), overwrite=True)
    return path


def check_role_free(root: Path, role: str) -> tuple[Path, str, tuple[int, int]]:
    """Raise unless branch.yaml has an empty line for ``role``; return it with the file's text."""
    if role not in ROLES:
        raise ChiboError(_("unknown role '{role}'", role=role),
                         _("use one of: {roles}", roles=", ".join(ROLES)))
    path = root / "branch.yaml"
    text = path.read_text(encoding="utf-8")
    doc = parse_yaml_text(text, YamlDoc(str(path)))
    committee = doc.data.get("committee") if doc.ok and isinstance(doc.data, dict) else None
    if not isinstance(committee, dict) or ("committee", role) not in doc.marks:
        raise ChiboError(_("{path} has no 'committee: {role}:' line to fill", path=path,
                           role=role), _("add it by hand under committee:"))
    if committee.get(role):
        raise ChiboError(_("{path} already names '{id}' as {role}", path=path,
                           id=committee[role], role=role), _("edit the file to change it"))
    return path, text, doc.marks[("committee", role)]


def _filled(line: str, value_at: int, member_id: str) -> str:
    """``secretary:      # bí thư`` → ``secretary: an-id  # bí thư``: the comment stays aligned."""
    match = _EMPTY_VALUE.match(line, value_at)
    if match is None:
        raise ChiboError(_("the role line is not empty: {line}", line=line.strip()))
    space, comment = match["space"], match["comment"] or ""
    gap = space[len(member_id) + 1:] if len(space) > len(member_id) + 2 else "  "
    tail = f"{gap}{comment}" if comment else ""
    return f"{line[:value_at]} {member_id}{tail}{match['end'] or ''}"
