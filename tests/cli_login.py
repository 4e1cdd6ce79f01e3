"""How the tests log in on the command line: like a script, with the documented variables.

Every test runs with ``SPORTELLO_OPERATOR``/``SPORTELLO_PASSWORD`` set to the administrator
of the ``ctx`` fixture (conftest's ``_isolated_home``); a demo database gets the same
password through the demo administrator's forced first change (``cli_demo``).
"""

from __future__ import annotations

import os
from pathlib import Path

CLI_USER = "admin"
CLI_PASSWORD = "prova1234"


def cli_demo(database: str | Path, *args: str) -> int:
    """``sportello demo``, then the demo administrator's forced first password change.

    The change goes through ``sportello password`` as a script would do it, so the
    commands that follow log in as ``CLI_USER``/``CLI_PASSWORD``.
    """
    from sportello.cli import main
    from sportello.demo import ADMIN_USERNAME, DEMO_PASSWORD

    code = main(["--db", str(database), "demo", *args])
    if code:
        return code
    saved = {k: os.environ.get(k) for k in
             ("SPORTELLO_OPERATOR", "SPORTELLO_PASSWORD", "SPORTELLO_NEW_PASSWORD")}
    os.environ.update(SPORTELLO_OPERATOR=ADMIN_USERNAME, SPORTELLO_PASSWORD=DEMO_PASSWORD,
                      SPORTELLO_NEW_PASSWORD=CLI_PASSWORD)
    try:
        return main(["--db", str(database), "password"])
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
