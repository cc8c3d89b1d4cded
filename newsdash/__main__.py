import sys

from newsdash.cli import main

sys.exit(main())
