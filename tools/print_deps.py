"""Print the project's runtime dependencies, one per line, so they install in their own layer.

Used by the Dockerfile and by tests/test_packaging.py, which repeats the Dockerfile's steps.
"""

import sys
import tomllib
from pathlib import Path

root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
with open(root / "pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["dependencies"]))
