"""Entry script of the PyInstaller bundle: the same ``reception`` command pip installs."""

import sys

from app.cli import main

sys.exit(main())
