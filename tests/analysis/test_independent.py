"""analysis/ is a plain Python package: importing it never imports Flask or the app."""

import subprocess
import sys


def test_analysis_imports_without_flask_or_app():
    code = (
        "import sys, analysis; bad = [m for m in ('flask', 'app') if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
